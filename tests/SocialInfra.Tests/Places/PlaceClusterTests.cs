using Microsoft.EntityFrameworkCore;
using SocialInfra.Places;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Places;

/// <summary>
/// Grid clustering over hand-placed points. At zoom 10 with 64-pixel cells a cell is 360 / (256 × 1024) × 64
/// = 0.087890625°: x cell 1 spans 0.0879–0.1758°E and y cell 586 spans 51.504–51.592°N.
/// </summary>
public class PlaceClusterTests(EmptyDatabase database) : IClassFixture<EmptyDatabase>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        if (await db.Places.AnyAsync())
        {
            return;
        }
        db.Places.AddRange(
            Build.Place("A", 0.10, 51.51), Build.Place("B", 0.11, 51.52), Build.Place("C", 0.12, 51.53),
            Build.Place("Lonely", 0.30, 51.51));
        db.Places.Add(new Place { Name = "Online", CategorySlug = "digital-space", Presence = Presence.Digital, Url = "https://example.org" });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(0, 256, 360.0)]
    [InlineData(10, 64, 0.087890625)]
    [InlineData(16, 64, 0.001373291015625)]
    public void A_cell_is_its_pixels_share_of_the_world_at_that_zoom(int zoom, int pixels, double degrees) =>
        PlaceClusters.CellDegrees(zoom, pixels).Should().Be(degrees);

    [Fact]
    public async Task Places_in_one_cell_become_one_cluster_at_their_mean_and_a_lone_place_keeps_its_id()
    {
        await using var db = database.CreateContext();
        var cell = PlaceClusters.CellDegrees(10, 64);
        var clusters = await db.Places.ClusterAsync(cell, cell);

        clusters.Should().HaveCount(2, "the digital place has no point and is not clustered");
        var group = clusters[0];
        group.Count.Should().Be(3);
        group.Centre.X.Should().BeApproximately(0.11, 1e-9);
        group.Centre.Y.Should().BeApproximately(51.52, 1e-9);
        (group.Extent.MinX, group.Extent.MinY, group.Extent.MaxX, group.Extent.MaxY).Should().Be((0.10, 51.51, 0.12, 51.53));
        group.OnlyPlaceId.Should().BeNull();

        var lonely = clusters[1];
        lonely.Count.Should().Be(1);
        lonely.OnlyPlaceId.Should().Be(await database.PlaceIdAsync("Lonely"));
    }

    [Fact]
    public async Task At_zoom_16_every_place_has_a_cell_of_its_own()
    {
        await using var db = database.CreateContext();
        var cell = PlaceClusters.CellDegrees(16, 64);
        var clusters = await db.Places.ClusterAsync(cell, cell);
        clusters.Should().HaveCount(4).And.OnlyContain(c => c.Count == 1 && c.OnlyPlaceId != null);
    }

    [Fact]
    public async Task Cells_can_be_shorter_than_they_are_wide()
    {
        // 0.0125° tall: 51.51, 51.52 and 51.53 fall in rows 4120, 4121 and 4122, so A, B and C part.
        await using var db = database.CreateContext();
        var clusters = await db.Places.ClusterAsync(PlaceClusters.CellDegrees(10, 64), 0.0125);
        clusters.Should().HaveCount(4).And.OnlyContain(c => c.Count == 1);
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(60, 0.5)]
    public void A_square_cell_is_shorter_in_degrees_away_from_the_equator(double latitude, double ratio) =>
        PlaceClusters.CellHeightDegrees(0.08, latitude).Should().BeApproximately(0.08 * ratio, 1e-12);
}

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Geography;
using SocialInfra.Networks;
using SocialInfra.Organisations;
using SocialInfra.Places;
using SocialInfra.Services;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Api;

/// <summary>
/// What the map asks of /api/places. Cells by hand from libraries-2016.csv with 64-pixel cells:
/// at zoom 9 (0.17578°) every library but Rush Green (0.1761°E) shares one cell; at zoom 10 (0.08789°)
/// Barking (0.0800°E) and Rush Green fall out of the cell the other ten share.
/// </summary>
public class MapApiTests(SocialInfraFactory app) : IClassFixture<SocialInfraFactory>
{
    internal static List<JsonElement> Features(JsonElement collection) => collection.GetProperty("features").EnumerateArray().ToList();

    internal static bool IsCluster(JsonElement feature) =>
        feature.GetProperty("properties").TryGetProperty("cluster", out var cluster) && cluster.GetBoolean();

    internal static string Name(JsonElement feature) => feature.GetProperty("properties").GetProperty("name").GetString()!;

    [Fact]
    public async Task Far_out_the_map_gets_clusters_with_counts_and_lone_places_as_themselves()
    {
        var body = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/places?zoom=9");
        var features = Features(body);
        var cluster = features.Single(IsCluster);
        cluster.GetProperty("properties").GetProperty("count").GetInt32().Should().Be(11);
        cluster.GetProperty("geometry").GetProperty("type").GetString().Should().Be("Point");
        var extent = cluster.GetProperty("properties").GetProperty("extent").EnumerateArray().Select(e => e.GetDouble()).ToList();
        // West: Barking 0.0800°E; south: Thames View 51.5280°N; east: Wantz 0.1601°E; north: Marks Gate 51.5854°N.
        extent.Should().Equal([0.0799942126122769, 51.5279968954061, 0.160079112655865, 51.5853804954483],
            (a, b) => Math.Abs(a - b) < 1e-9);
        features.Where(f => !IsCluster(f)).Select(Name).Should().Equal("Rush Green Library");
    }

    [Fact]
    public async Task One_zoom_level_in_the_big_cluster_splits()
    {
        var features = Features(await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/places?zoom=10"));
        features.Where(IsCluster).Select(f => f.GetProperty("properties").GetProperty("count").GetInt32()).Should().Equal(10);
        features.Where(f => !IsCluster(f)).Select(Name).Should().Equal("Barking Library", "Rush Green Library");
    }

    [Fact]
    public async Task Cells_are_square_on_screen_at_the_views_latitude()
    {
        // The view's middle is 51.55°N, so zoom-10 cells are 0.08789° wide and 0.08789 × cos 51.55° = 0.05465° tall.
        // By hand: Castle Green and Thames View (51.53°N) drop into the row below the other eight; Barking and
        // Rush Green stay alone in their columns.
        var features = Features(await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/places?zoom=10&bbox=0.05,51.5,0.2,51.6"));
        features.Where(IsCluster).Select(f => f.GetProperty("properties").GetProperty("count").GetInt32()).Should().Equal(8, 2);
        features.Where(f => !IsCluster(f)).Select(Name).Should().Equal("Barking Library", "Rush Green Library");
    }

    [Fact]
    public async Task At_borough_zoom_with_few_places_the_map_gets_every_place()
    {
        var features = Features(await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/places?zoom=12&bbox=0.05,51.5,0.2,51.6"));
        features.Should().HaveCount(12).And.NotContain(f => IsCluster(f));
    }

    [Fact]
    public async Task Clusters_count_only_the_places_that_pass_the_filters()
    {
        // Closed: Castle Green, Fanshawe, Markyate, Rectory, Wantz share the zoom-9 cell; Rush Green is alone.
        var features = Features(await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/places?zoom=9&activity=closed"));
        features.Where(IsCluster).Select(f => f.GetProperty("properties").GetProperty("count").GetInt32()).Should().Equal(5);
        features.Where(f => !IsCluster(f)).Select(Name).Should().Equal("Rush Green Library");
    }

    [Fact]
    public async Task Near_a_ward_the_api_serves_the_places_inside_it()
    {
        var features = Features(await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/places?near=Abbey"));
        features.Select(Name).Should().Equal("Barking Library");
    }

    [Fact]
    public async Task A_place_feature_carries_its_ward_services_networks_and_provenance()
    {
        var id = await app.Database.PlaceIdAsync("Valence Library");
        await using (var db = app.Database.CreateContext())
        {
            if (!await db.Services.AnyAsync(s => s.Name == "Baby rhyme time"))
            {
                var charity = new Organisation { Name = "Little Readers", Kind = OrganisationKind.Vcfse };
                db.Organisations.Add(charity);
                var valence = await db.Places.SingleAsync(p => p.Id == id);
                db.Services.Add(new Service { Name = "Baby rhyme time", OrganisationId = charity.Id, DeliveredAt = [valence], PreventionLevel = PreventionLevel.Universal });
                var partnership = new ValueNetwork { Name = "Becontree Estate Partnership" };
                partnership.Members.Add(new NetworkMember { PlaceId = id, Role = "venue" });
                db.ValueNetworks.Add(partnership);
                await db.SaveChangesAsync();
            }
        }

        var properties = (await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/places/{id}")).GetProperty("properties");
        properties.GetProperty("ward").GetProperty("name").GetString().Should().Be("Valence");
        var service = properties.GetProperty("services").EnumerateArray().Single();
        service.GetProperty("name").GetString().Should().Be("Baby rhyme time");
        service.GetProperty("provider").GetString().Should().Be("Little Readers");
        service.GetProperty("preventionLevel").GetString().Should().Be("Universal");
        var network = properties.GetProperty("networks").EnumerateArray().Single();
        network.GetProperty("name").GetString().Should().Be("Becontree Estate Partnership");
        network.GetProperty("role").GetString().Should().Be("venue");
        properties.GetProperty("source").GetString().Should().Be("libraries-hacked");
        properties.TryGetProperty("recordedAt", out _).Should().BeTrue();
        properties.TryGetProperty("recordedBy", out _).Should().BeFalse("who recorded a place is personal data, not published");
    }

    [Fact]
    public async Task The_bbox_filter_can_use_the_gist_index()
    {
        await using var db = app.Database.CreateContext();
        PlacesEndpoints_TryParseBox("0.07,51.53,0.09,51.54", out var box);
        await using var command = db.Places.PlacesInBox(box).Select(p => p.Id).CreateDbCommand();
        await command.Connection!.OpenAsync();
        await using (var off = command.Connection.CreateCommand())
        {
            // The demo table is tiny, so the planner would rightly scan it; forbid that to see whether the index applies.
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync();
        }
        command.CommandText = "EXPLAIN " + command.CommandText;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }
        string.Join('\n', plan).Should().Contain("\"IX_Places_Location\"", "the geometry column's GiST index, not the geography one");
    }

    private static void PlacesEndpoints_TryParseBox(string text, out NetTopologySuite.Geometries.Envelope box) =>
        SocialInfra.Web.Api.PlacesEndpoints.TryParseBox(text, out box, out _).Should().BeTrue();
}

/// <summary>The app with a low count threshold, so clusters come at any zoom once more than five places are in view.</summary>
public class ClusteringFactory : SocialInfraFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Map:ClusterAbove", "5");
    }
}

public class MapApiCountTests(ClusteringFactory app) : IClassFixture<ClusteringFactory>
{
    [Fact]
    public async Task Above_the_count_threshold_the_map_gets_clusters_even_zoomed_in()
    {
        // Zoom 11 cells (0.04395°) by hand: Marks Gate, Robert Jeyes, Valence, Wantz | Castle Green, Markyate, Thames View |
        // Dagenham, Fanshawe, Rectory | Barking | Rush Green.
        var features = MapApiTests.Features(await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/places?zoom=11"));
        features.Where(MapApiTests.IsCluster).Select(f => f.GetProperty("properties").GetProperty("count").GetInt32()).Should().Equal(4, 3, 3);
        features.Where(f => !MapApiTests.IsCluster(f)).Select(MapApiTests.Name).Should().Equal("Barking Library", "Rush Green Library");
    }

    [Fact]
    public async Task Without_a_zoom_the_api_lists_places_whatever_the_count()
    {
        var features = MapApiTests.Features(await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/places"));
        features.Should().HaveCount(12).And.NotContain(f => MapApiTests.IsCluster(f));
    }
}

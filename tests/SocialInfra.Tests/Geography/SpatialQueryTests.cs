using Microsoft.EntityFrameworkCore;
using SocialInfra.Geography;
using SocialInfra.Places;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Geography;

/// <summary>
/// A hand-made borough: two wards side by side, West (0.00–0.01°E) and East (0.01–0.02°E), both 51.50–51.51°N,
/// and places due north of a hall at (0.005, 51.502) at known distances.
/// </summary>
public class SpatialQueryTests(EmptyDatabase database) : IClassFixture<EmptyDatabase>, IAsyncLifetime
{
    private const double HallLon = 0.005, HallLat = 51.502;

    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        if (await db.LocalAuthorities.AnyAsync())
        {
            return;
        }
        db.LocalAuthorities.Add(new LocalAuthority { Code = "E09000099", Name = "Testborough" });
        db.Wards.Add(new Ward { Code = "E05999901", Name = "West", LocalAuthorityCode = "E09000099", BoundaryYear = 2022, Boundary = Build.Square(0.00, 51.50, 0.01) });
        db.Wards.Add(new Ward { Code = "E05999902", Name = "East", LocalAuthorityCode = "E09000099", BoundaryYear = 2022, Boundary = Build.Square(0.01, 51.50, 0.01) });
        db.Places.Add(Build.Place("Hall", HallLon, HallLat));
        var (lon150, lat150) = Build.North(HallLon, HallLat, 150);
        db.Places.Add(Build.Place("Library 150 m north", lon150, lat150, "library"));
        var (lon450, lat450) = Build.North(HallLon, HallLat, 450);
        db.Places.Add(Build.Place("Park 450 m north", lon450, lat450, "park"));
        db.Places.Add(Build.Place("East cafe", 0.015, 51.505, "cafe-pub"));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(0.005, 51.505, "West")]
    [InlineData(0.0199, 51.5001, "East")]
    [InlineData(0.025, 51.505, null)]
    [InlineData(0.0, 51.505, "West")]        // on West's outer edge: a point on the boundary is in the ward
    public async Task The_ward_containing_a_point_is_found_by_its_boundary(double lon, double lat, string? ward)
    {
        await using var db = database.CreateContext();
        var found = await db.WardContainingAsync(SpatialQueries.PointAt(lon, lat));
        (found?.Name).Should().Be(ward);
    }

    [Theory]
    [InlineData(100, new[] { "Hall" })]
    [InlineData(200, new[] { "Hall", "Library 150 m north" })]
    [InlineData(500, new[] { "Hall", "Library 150 m north", "Park 450 m north" })]
    public async Task Places_within_a_distance_are_measured_in_metres(double metres, string[] expected)
    {
        await using var db = database.CreateContext();
        var names = await db.Places.Within(SpatialQueries.PointAt(HallLon, HallLat), metres).Select(p => p.Name).ToListAsync();
        names.Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task Places_in_a_ward_are_those_inside_its_boundary()
    {
        await using var db = database.CreateContext();
        var east = await db.Wards.SingleAsync(w => w.Name == "East");
        var west = await db.Wards.SingleAsync(w => w.Name == "West");
        (await db.Places.InWard(db, east.Id).Select(p => p.Name).ToListAsync()).Should().Equal("East cafe");
        var counts = await db.PlaceCountsByWard().ToDictionaryAsync(c => c.WardId, c => c.Places);
        counts.Should().BeEquivalentTo(new Dictionary<int, int> { [east.Id] = 1, [west.Id] = 3 });
    }

    [Fact]
    public async Task Places_in_a_box_leave_out_those_outside_it()
    {
        await using var db = database.CreateContext();
        var box = new NetTopologySuite.Geometries.Envelope(0.0, 0.01, 51.50, 51.504);
        (await db.Places.PlacesInBox(box).Select(p => p.Name).ToListAsync())
            .Should().BeEquivalentTo("Hall", "Library 150 m north");
    }
}

public class DemoBoroughSpatialTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Theory]
    [InlineData(0.0799942, 51.5363871, "Abbey")]       // Barking Library, Town Square: Barking town centre
    [InlineData(-0.1278, 51.5074, null)]               // Trafalgar Square: outside the borough
    public async Task Real_points_fall_in_the_right_ward(double lon, double lat, string? ward)
    {
        await using var db = database.CreateContext();
        ((await db.WardContainingAsync(SpatialQueries.PointAt(lon, lat)))?.Name).Should().Be(ward);
    }
}

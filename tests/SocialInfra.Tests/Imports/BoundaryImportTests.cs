using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using SocialInfra.Imports;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Imports;

public class BoundaryImportTests
{
    private const string Name = "Barking and Dagenham";

    [Fact]
    public async Task Ward_and_lsoa_boundaries_load_a_borough_and_loading_them_again_changes_nothing()
    {
        await using var database = await ScratchDatabase.EmptyAsync();

        var wards = await database.ImportAsync(ImportKind.WardBoundaries, DemoFiles.Wards, "wards-2013.geojson", Name);
        var lsoas = await database.ImportAsync(ImportKind.LsoaBoundaries, DemoFiles.Lsoas, "lsoa-2011.geojson");

        wards.Problems.Should().BeEmpty();
        (wards.Read, wards.Created, wards.Updated, wards.Unchanged).Should().Be((17, 17, 0, 0));
        lsoas.Problems.Should().BeEmpty();
        lsoas.Should().BeEquivalentTo(new { Read = 110, Created = 110, Skipped = 0 });
        await using (var db = database.CreateContext())
        {
            var abbey = await db.Wards.SingleAsync(w => w.Code == "E05000026");
            (abbey.Name, abbey.BoundaryYear).Should().Be(("Abbey", 2013));
            (await db.LocalAuthorities.CountAsync(a => a.Boundary != null)).Should().Be(1);
            (await db.Lsoas.Where(l => l.Code == "E01000006").Select(l => l.Ward!.Name).SingleAsync()).Should().Be("Abbey");
            (await db.Lsoas.CountAsync(l => l.WardId == null)).Should().Be(0);
            (await db.ImportRuns.CountAsync(r => r.Succeeded)).Should().Be(2);
        }

        var again = await database.ImportAsync(ImportKind.WardBoundaries, DemoFiles.Wards);
        (again.Created, again.Updated, again.Unchanged).Should().Be((0, 0, 17));
        var lsoasAgain = await database.ImportAsync(ImportKind.LsoaBoundaries, DemoFiles.Lsoas);
        (lsoasAgain.Created, lsoasAgain.Updated, lsoasAgain.Unchanged).Should().Be((0, 0, 110));
        await using (var db = database.CreateContext())
        {
            (await db.Wards.CountAsync()).Should().Be(17);
            (await db.Lsoas.CountAsync()).Should().Be(110);
        }
    }

    [Fact]
    public async Task British_national_grid_boundaries_are_reprojected_to_the_published_wgs84_coordinates()
    {
        // Ordnance Survey's worked example (A guide to coordinate systems in Great Britain): OSGB36 E 651409.903,
        // N 313177.270 is ETRS89 52°39'28.723"N 1°42'57.787"E, i.e. latitude 52.657979, longitude 1.716052.
        await using var database = await ScratchDatabase.EmptyAsync();
        var report = await database.ImportAsync(ImportKind.WardBoundaries, $$"""
            { "type": "FeatureCollection",
              "crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:EPSG::27700" } },
              "features": [ { "type": "Feature", "properties": { "WD22CD": "E05000026", "WD22NM": "Test ward" },
                "geometry": { "type": "Polygon", "coordinates": [[ [651409.903, 313177.270], [651509.903, 313177.270],
                  [651509.903, 313277.270], [651409.903, 313277.270], [651409.903, 313177.270] ]] } } ] }
            """, authorityName: Name);

        report.Problems.Should().BeEmpty();
        await using var db = database.CreateContext();
        var ward = await db.Wards.SingleAsync();
        ward.BoundaryYear.Should().Be(2022);
        var corner = ward.Boundary.Coordinates[0];
        MetresBetween(corner, new Coordinate(1 + 42 / 60.0 + 57.787 / 3600, 52 + 39 / 60.0 + 28.723 / 3600)).Should().BeLessThan(1);
    }

    [Fact]
    public async Task One_bad_ward_means_no_ward_is_imported_and_the_report_names_it()
    {
        await using var database = await ScratchDatabase.EmptyAsync();
        var report = await database.ImportAsync(ImportKind.WardBoundaries, """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "WD13CD": "E05000026", "WD13NM": "Abbey" },
                "geometry": { "type": "Polygon", "coordinates": [[ [0.07, 51.53], [0.08, 51.53], [0.08, 51.54], [0.07, 51.54], [0.07, 51.53] ]] } },
              { "type": "Feature", "properties": { "WD13CD": "E05000027", "WD13NM": "Alibon" },
                "geometry": { "type": "Polygon", "coordinates": [[ [0.10, 51.53], [0.11, 51.54], [0.11, 51.53], [0.10, 51.54], [0.10, 51.53] ]] } },
              { "type": "Feature", "properties": { "WD13NM": "Becontree" },
                "geometry": { "type": "Polygon", "coordinates": [[ [0.12, 51.53], [0.13, 51.53], [0.13, 51.54], [0.12, 51.53] ]] } },
              { "type": "Feature", "properties": { "WD13CD": "W05000001", "WD13NM": "Welsh" },
                "geometry": { "type": "Polygon", "coordinates": [[ [0.12, 51.53], [0.13, 51.53], [0.13, 51.54], [0.12, 51.53] ]] } },
              { "type": "Feature", "properties": { "WD13CD": "E05000029", "WD13NM": "Chadwell Heath" },
                "geometry": { "type": "Point", "coordinates": [0.12, 51.53] } },
              { "type": "Feature", "properties": null,
                "geometry": { "type": "Polygon", "coordinates": [[ [0.12, 51.53], [0.13, 51.53], [0.13, 51.54], [0.12, 51.53] ]] } },
              { "type": "Feature", "properties": { "WD13CD": "E05000030", "WD13NM": "Eastbrook" },
                "geometry": { "type": "Polygon", "coordinates": [[ [545000, 185000], [546000, 185000], [546000, 186000], [545000, 185000] ]] } }
            ] }
            """, authorityName: Name);

        report.Problems.Should().Equal(
            new ImportProblem("Feature 2 (E05000027 Alibon)", "has a boundary that is not a valid polygon: Self-intersection at 0.105, 51.535."),
            new ImportProblem("Feature 3 (Becontree)", "has no ward code property: expected WD22CD (or WD13CD … WD24CD, or code)."),
            new ImportProblem("Feature 4 (W05000001 Welsh)", "'W05000001' is not an electoral ward code (E05 and six digits)."),
            new ImportProblem("Feature 5 (E05000029 Chadwell Heath)", "is a Point; a boundary must be a Polygon or MultiPolygon."),
            new ImportProblem("Feature 6", "has no ward code property: expected WD22CD (or WD13CD … WD24CD, or code)."));
        await using var db = database.CreateContext();
        (await db.Wards.CountAsync()).Should().Be(0);
        (await db.LocalAuthorities.CountAsync()).Should().Be(0);
        var run = await db.ImportRuns.SingleAsync();
        (run.Succeeded, run.Report.Problems.Count).Should().Be((false, 5));
    }

    [Theory]
    [InlineData("this is not JSON", "File", "is not valid GeoJSON")]
    [InlineData("""{ "type": "Feature", "properties": {}, "geometry": null }""", "File", "is a GeoJSON Feature, not a FeatureCollection.")]
    [InlineData("""{ "type": "FeatureCollection", "features": [ { "type": "Feature", "properties": {} """, "File", "is not valid GeoJSON")]
    [InlineData("""{ "type": "FeatureCollection", "crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:EPSG::3857" } }, "features": [] }""",
        "File", "uses the coordinate reference system urn:ogc:def:crs:EPSG::3857, which SocialInfra cannot read: give it in WGS84 (EPSG:4326) or British National Grid (EPSG:27700).")]
    [InlineData("""{ "type": "FeatureCollection", "crs": { "type": "name", "properties": { "name": "EPSG:4326" } }, "features": [ { "type": "Feature", "properties": { "WD13CD": "E05000026", "WD13NM": "Abbey" }, "geometry": { "type": "Polygon", "coordinates": [[ [545000, 185000], [546000, 185000], [546000, 186000], [545000, 185000] ]] } } ] }""",
        "Feature 1 (E05000026 Abbey)", "has coordinates (545000, 185000) that are not longitude and latitude, but the file says it uses WGS84; if they are British National Grid metres, set the file's crs to EPSG:27700.")]
    [InlineData("""{ "type": "FeatureCollection", "features": [] }""", "File", "has no wards of Barking and Dagenham (E09000002).")]
    public async Task Files_that_are_not_ward_boundaries_are_refused_with_a_message_that_says_why(string content, string where, string message)
    {
        await using var database = await ScratchDatabase.EmptyAsync();
        var report = await database.ImportAsync(ImportKind.WardBoundaries, content, authorityName: Name);

        report.Problems.Should().ContainSingle();
        report.Problems[0].Where.Should().Be(where);
        report.Problems[0].Message.Should().StartWith(message);
    }

    [Fact]
    public async Task A_new_borough_needs_its_name_and_lsoas_need_its_wards_first()
    {
        await using var database = await ScratchDatabase.EmptyAsync();

        var lsoas = await database.ImportAsync(ImportKind.LsoaBoundaries, DemoFiles.Lsoas);
        var wards = await database.ImportAsync(ImportKind.WardBoundaries, DemoFiles.Wards);

        lsoas.Problems.Should().Equal(new ImportProblem("Local authority code", "No local authority E09000002 is loaded: import its ward boundaries first."));
        wards.Problems.Should().Equal(new ImportProblem("Local authority name", "E09000002 is not loaded yet: give the local authority's name."));
    }

    [Fact]
    public async Task Lsoas_outside_the_borough_are_left_out_and_centroids_reassign_lsoas_to_wards()
    {
        await using var database = await ScratchDatabase.DemoAsync();
        // E01000006 (Barking and Dagenham 016A) lies in Abbey; its centroid is moved to Valence Library, in Valence ward.
        var report = await database.ImportAsync(ImportKind.LsoaCentroids, """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "LSOA11CD": "E01000006", "LSOA11NM": "Barking and Dagenham 016A" }, "geometry": { "type": "Point", "coordinates": [0.133574, 51.558431] } },
              { "type": "Feature", "properties": { "LSOA11CD": "E01000001", "LSOA11NM": "City of London 001A" }, "geometry": { "type": "Point", "coordinates": [-0.0974, 51.5181] } }
            ] }
            """);

        report.Problems.Should().BeEmpty();
        (report.Updated, report.Skipped).Should().Be((1, 1));
        await using var db = database.CreateContext();
        (await db.Lsoas.Where(l => l.Code == "E01000006").Select(l => l.Ward!.Name).SingleAsync()).Should().Be("Valence");
    }

    private static double MetresBetween(Coordinate a, Coordinate b)
    {
        const double earthRadius = 6_371_008.8;
        var (lat1, lat2) = (a.Y * Math.PI / 180, b.Y * Math.PI / 180);
        var dLat = lat2 - lat1;
        var dLon = (b.X - a.X) * Math.PI / 180;
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * earthRadius * Math.Asin(Math.Sqrt(h));
    }
}

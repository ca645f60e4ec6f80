using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Imports;
using SocialInfra.Places;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Imports;

public class PlaceImportTests
{
    // An Overpass export: Barking Library 15 m from the recorded one, a park drawn as an area, and a hall in Westminster.
    private const string Overpass = """
        { "type": "FeatureCollection", "features": [
          { "type": "Feature", "id": "node/1001", "properties": { "@id": "node/1001", "amenity": "library", "name": "Barking Library",
              "opening_hours": "Mo-Fr 09:00-17:00", "wheelchair": "yes" },
            "geometry": { "type": "Point", "coordinates": [0.08005, 51.53650] } },
          { "type": "Feature", "id": "way/2002", "properties": { "@id": "way/2002", "leisure": "park", "name": "Test Park", "website": "example.org/park" },
            "geometry": { "type": "Polygon", "coordinates": [[ [0.130, 51.550], [0.132, 51.550], [0.132, 51.552], [0.130, 51.552], [0.130, 51.550] ]] } },
          { "type": "Feature", "id": "node/3003", "properties": { "@id": "node/3003", "amenity": "community_centre", "name": "Far Away Hall" },
            "geometry": { "type": "Point", "coordinates": [-0.1276, 51.5072] } }
        ] }
        """;

    [Fact]
    public async Task Openstreetmap_places_match_by_name_within_50_metres_are_marked_odbl_and_load_again_without_duplicates()
    {
        await using var database = await ScratchDatabase.DemoAsync();

        var report = await database.ImportAsync(ImportKind.PlacesGeoJson, Overpass, "overpass.geojson");

        report.Problems.Should().BeEmpty();
        report.Should().BeEquivalentTo(new { Read = 3, Created = 1, Updated = 1, Skipped = 1 });
        report.Notes.Should().Contain("1 places outside Barking and Dagenham were left out: Far Away Hall.");
        await using (var db = database.CreateContext())
        {
            (await db.Places.CountAsync()).Should().Be(13);
            var library = await db.Places.SingleAsync(p => p.Name == "Barking Library");
            (library.OpeningHours, library.Provenance.Licence, library.Provenance.Source).Should().Be(("Mo-Fr 09:00-17:00", "ODbL-1.0", "libraries-hacked"));
            library.AccessibilityFeatures.Should().Equal("Step-free access");
            library.Location!.Y.Should().Be(51.53650);
            var park = await db.Places.SingleAsync(p => p.Name == "Test Park");
            (park.CategorySlug, park.Ownership, park.Url, park.Provenance.SourceId).Should().Be(("park", Ownership.Public, "https://example.org/park", "way/2002"));
            park.Footprint!.Contains(park.Location).Should().BeTrue();
            (await db.AuditEntries.CountAsync(a => a.EntityId == park.Id.ToString() && a.ChangedBy == "importer")).Should().Be(1);
        }

        var again = await database.ImportAsync(ImportKind.PlacesGeoJson, Overpass, "overpass.geojson");
        again.Should().BeEquivalentTo(new { Created = 0, Updated = 0, Unchanged = 2, Skipped = 1 });
        await using (var db = database.CreateContext())
        {
            (await db.Places.CountAsync()).Should().Be(13);
        }
    }

    [Fact]
    public async Task Places_from_csv_by_point_postcode_or_wards_served()
    {
        await using var database = await ScratchDatabase.DemoAsync();
        var report = await database.ImportAsync(ImportKind.PlacesCsv, """
            name,category,latitude,longitude,postcode,presence,wards_served,ownership,activity,activity_since,capacity,accessibility,owner_organisation
            Gascoigne Garden,Garden or allotment,51.5330,0.0850,,,,community,dormant,2024-04-01,40,Step-free access; Quiet space,Gascoigne Growers
            Valence Youth Hub,youth,,,RM8 3HT,,,public,,,,,
            Dagenham Online,digital-space,,,,digital,E05000026; E05000027,community,,,,,
            """);

        report.Problems.Should().BeEmpty();
        report.Created.Should().Be(3);
        report.Notes.Should().Contain("Added the organisation Gascoigne Growers (as VCFSE; check its sector on the organisations page).");
        await using var db = database.CreateContext();
        var garden = await db.Places.Include(p => p.ActivityPeriods).Include(p => p.OwnerOrganisation).SingleAsync(p => p.Name == "Gascoigne Garden");
        (garden.CategorySlug, garden.Activity, garden.Capacity, garden.OwnerOrganisation!.Name).Should().Be(("garden-allotment", Activity.Dormant, 40, "Gascoigne Growers"));
        garden.ActivityPeriods.Single().StartsOn.Should().Be(new DateOnly(2024, 4, 1));
        garden.AccessibilityFeatures.Should().Equal("Step-free access", "Quiet space");
        var hub = await db.Places.SingleAsync(p => p.Name == "Valence Youth Hub");
        // RM8 3HT is Valence Library's postcode: with no postcode directory loaded, the place goes to that library's point.
        (Math.Round(hub.Location!.Y, 6), Math.Round(hub.Location.X, 6)).Should().Be((51.558431, 0.133574));
        var online = await db.Places.Include(p => p.WardsServed).SingleAsync(p => p.Name == "Dagenham Online");
        online.WardsServed.Select(w => w.Name).Order().Should().Equal("Abbey", "Alibon");
        online.Location.Should().BeNull();
    }

    [Fact]
    public async Task A_digital_space_loaded_again_by_name_is_updated_not_copied_and_odbl_records_stay_odbl()
    {
        await using var database = await ScratchDatabase.DemoAsync();
        const string online = "name,category,presence,wards_served\nDagenham Online,digital-space,digital,E05000026\n";
        (await database.ImportAsync(ImportKind.PlacesCsv, online)).Created.Should().Be(1);
        var again = await database.ImportAsync(ImportKind.PlacesCsv, online.Replace("E05000026", "E05000026; E05000027"));
        (again.Created, again.Updated).Should().Be((0, 1));

        // Barking Library takes OpenStreetMap's opening hours, then the council's list is loaded again by its source id.
        (await database.ImportAsync(ImportKind.PlacesGeoJson, Overpass)).Problems.Should().BeEmpty();
        var council = await database.ImportAsync(ImportKind.PlacesCsv, "name,category,latitude,longitude,source,source_id,licence\nBarking Library,library,51.53650,0.08005,libraries-hacked,1,OGL-UK-3.0\n");
        council.Problems.Should().BeEmpty();
        await using var db = database.CreateContext();
        (await db.Places.CountAsync(p => p.Name == "Dagenham Online")).Should().Be(1);
        (await db.Places.SingleAsync(p => p.Name == "Barking Library")).Provenance.Licence.Should().Be("ODbL-1.0");
    }

    [Fact]
    public async Task A_bad_places_file_imports_nothing_and_names_every_row_at_fault()
    {
        await using var database = await ScratchDatabase.DemoAsync();
        var report = await database.ImportAsync(ImportKind.PlacesCsv, """
            name,category,latitude,longitude,postcode,presence,wards_served,capacity,website
            Good Hall,community-centre,51.5400,0.1300,,,,,
            Pub Quiz,pub,51.5400,0.1300,,,,,
            ,library,51.5400,0.1300,,,,,
            Nowhere Hall,community-centre,,,,,,,
            Bad Point,park,north,0.13,,,,,
            Unknown Postcode,park,,,ZZ99 9ZZ,,,,
            Online Only,digital-space,,,,digital,,,
            Big Hall,community-centre,51.54,0.13,,,,many,javascript:alert(1)
            """);

        report.Problems.Should().Equal(
            new ImportProblem("Row 3", "category 'pub' is not one of: arts, cafe-pub, community-centre, digital-space, education, garden-allotment, health, library, market, park, place-of-worship, playground, social-care, sports, youth."),
            new ImportProblem("Row 4", "has no name."),
            new ImportProblem("Row 5", "has no location: give latitude and longitude, or a postcode."),
            new ImportProblem("Row 6", "latitude 'north' and longitude '0.13' must both be numbers (latitude -90 to 90, longitude -180 to 180)."),
            new ImportProblem("Row 7", "postcode ZZ99 9ZZ is not in the postcode directory: import the ONS Postcode Directory (see docs/data.md) or give latitude and longitude."),
            new ImportProblem("Row 8", "is a digital space but names no wards in wards_served."),
            new ImportProblem("Row 9", "capacity 'many' is not a whole number of people."),
            new ImportProblem("Row 9", "website 'javascript:alert(1)' must start with https:// or http://."));
        await using var db = database.CreateContext();
        (await db.Places.CountAsync()).Should().Be(12);
    }

    [Fact]
    public async Task Openstreetmap_features_with_no_social_infrastructure_tags_are_refused()
    {
        await using var database = await ScratchDatabase.DemoAsync();
        var report = await database.ImportAsync(ImportKind.PlacesGeoJson, """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "id": "node/4004", "properties": { "amenity": "bank", "name": "High Street Bank" }, "geometry": { "type": "Point", "coordinates": [0.08, 51.54] } },
              { "type": "Feature", "properties": { "name": "No id" }, "geometry": { "type": "Point", "coordinates": [0.08, 51.54] } },
              { "type": "Feature", "id": "way/5005", "properties": { "leisure": "park" }, "geometry": { "type": "LineString", "coordinates": [[0.08, 51.54], [0.09, 51.54]] } }
            ] }
            """);

        report.Problems.Should().Equal(
            new ImportProblem("Feature 1 (node/4004 High Street Bank)", "has tags (amenity=bank) that match no SocialInfra category; the categories and their tags are listed in docs/data.md."),
            new ImportProblem("Feature 2 (No id)", "has neither a SocialInfra category nor an OpenStreetMap id such as node/123 (its id is '')."),
            new ImportProblem("Feature 3 (way/5005)", "is a LineString; a place must be a point or an area (polygon)."));
    }
}

using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Imports;
using SocialInfra.Organisations;
using SocialInfra.Places;
using SocialInfra.Services;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Imports;

/// <summary>What SocialInfra exports, it imports again unchanged: export → import into another database → export gives the same.</summary>
public class RoundTripTests
{
    private const string Name = "Barking and Dagenham";

    // The demo borough plus what the demo lacks: an OpenStreetMap park, a digital space and two services.
    private static async Task<ScratchDatabase> RichBoroughAsync()
    {
        var database = await ScratchDatabase.DemoAsync();
        var report = await database.ImportAsync(ImportKind.PlacesGeoJson, """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "id": "way/2002", "properties": { "leisure": "park", "name": "Test Park", "wheelchair": "yes" },
                "geometry": { "type": "Polygon", "coordinates": [[ [0.130, 51.550], [0.132, 51.550], [0.132, 51.552], [0.130, 51.552], [0.130, 51.550] ]] } } ] }
            """);
        report.Problems.Should().BeEmpty();
        await using var db = database.CreateContext();
        var trust = new Organisation { Name = "Dagenham Community Trust", Kind = OrganisationKind.Vcfse };
        var council = await db.Organisations.SingleAsync();
        db.Organisations.Add(trust);
        var online = new Place { Name = "Dagenham Online", CategorySlug = CategoryTaxonomy.DigitalSpace, Presence = Presence.Digital, Ownership = Ownership.Community, Url = "https://online.example" };
        online.WardsServed.AddRange(await db.Wards.Where(w => w.Code == "E05000026" || w.Code == "E05000027").ToListAsync());
        online.ChangeActivity(Activity.Active, new DateOnly(2023, 1, 1));
        db.Places.Add(online);
        var library = await db.Places.SingleAsync(p => p.Name == "Barking Library");
        var park = await db.Places.SingleAsync(p => p.Name == "Test Park");
        db.Services.Add(new Service
        {
            Name = "Rhyme Time", OrganisationId = council.Id, Description = "Songs for under-fives", WhoFor = "Babies and toddlers with their carers",
            Eligibility = "Under 5s", Cost = "Free", Url = "https://www.lbbd.gov.uk/rhymetime", PreventionLevel = PreventionLevel.Universal,
            DeliveredAt = [library],
        });
        db.Services.Add(new Service
        {
            Name = "Parents' Walk", OrganisationId = trust.Id, CommissionedById = council.Id, PreventionLevel = PreventionLevel.EarlyHelp,
            Status = ServiceStatus.TemporarilyClosed, DeliveredAt = [park], WardsServed = await db.Wards.Where(w => w.Code == "E05000030").ToListAsync(),
        });
        await db.SaveChangesAsync();
        return database;
    }

    private static async Task<byte[]> GetAsync(ScratchApp app, string path)
    {
        var response = await app.CreateClient().GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Theory]
    [InlineData("/export/places.csv", ImportKind.PlacesCsv)]
    [InlineData("/export/places.geojson", ImportKind.PlacesGeoJson)]
    public async Task Places_exported_and_imported_into_a_new_borough_export_the_same(string path, ImportKind kind)
    {
        await using var source = await RichBoroughAsync();
        await using var sourceApp = new ScratchApp(source);
        var wards = await GetAsync(sourceApp, "/export/wards.geojson");
        var places = await GetAsync(sourceApp, path);

        await using var target = await ScratchDatabase.EmptyAsync();
        (await target.ImportAsync(ImportKind.WardBoundaries, wards, "wards.geojson", Name)).Problems.Should().BeEmpty();
        var imported = await target.ImportAsync(kind, places, "places");
        imported.Problems.Should().BeEmpty();
        imported.Created.Should().Be(14);
        await using var targetApp = new ScratchApp(target);

        Encoding.UTF8.GetString(await GetAsync(targetApp, path)).Should().Be(Encoding.UTF8.GetString(places));
        var again = await target.ImportAsync(kind, places, "places");
        (again.Created, again.Updated, again.Unchanged).Should().Be((0, 0, 14));
    }

    [Fact]
    public async Task Wards_exported_as_geojson_import_as_the_same_boundaries()
    {
        await using var source = await ScratchDatabase.DemoAsync();
        await using var sourceApp = new ScratchApp(source);
        var wards = await GetAsync(sourceApp, "/export/wards.geojson");

        await using var target = await ScratchDatabase.EmptyAsync();
        var report = await target.ImportAsync(ImportKind.WardBoundaries, wards, "wards.geojson", Name);
        report.Problems.Should().BeEmpty();
        report.Created.Should().Be(17);
        await using var targetApp = new ScratchApp(target);

        static IEnumerable<string> Shapes(byte[] geojson) => JsonNode.Parse(geojson)!["features"]!.AsArray().Select(f =>
            $"{f!["id"]} {f["properties"]!["name"]} {f["properties"]!["boundary_year"]} {f["geometry"]!.ToJsonString()}");
        Shapes(await GetAsync(targetApp, "/export/wards.geojson")).Should().Equal(Shapes(wards));
        Encoding.UTF8.GetString(await GetAsync(targetApp, "/export/wards.csv")).Should().StartWith(
            "code,name,boundary_year,local_authority,population,lsoas,imd_score\r\nE05000026,Abbey,2013,E09000002,,0,\r\n");
    }

    [Fact]
    public async Task Services_exported_as_open_referral_import_into_another_copy_of_the_borough_unchanged()
    {
        await using var source = await RichBoroughAsync();
        await using var sourceApp = new ScratchApp(source);
        var page = await GetAsync(sourceApp, "/openreferral/services?per_page=10");

        // The target is another copy of the borough: the same places and organisations, under ids of its own, and no services yet.
        await using var target = await RichBoroughAsync();
        await using (var db = target.CreateContext())
        {
            db.Services.RemoveRange(db.Services);
            await db.SaveChangesAsync();
        }
        var report = await target.ImportAsync(ImportKind.Services, page, "services.json");
        report.Problems.Should().BeEmpty();
        report.Created.Should().Be(2);
        await using var targetApp = new ScratchApp(target);

        // Matched by name, the park and the trust keep the target's own ids; everything else is as exported.
        static string WithoutLocalIds(byte[] json)
        {
            var node = JsonNode.Parse(json)!;
            foreach (var service in node["contents"]!.AsArray().Select(s => s!.AsObject()))
            {
                service.Remove("last_modified");
                service.Remove("organization_id");
                service["organization"]!.AsObject().Remove("id");
                foreach (var at in service["service_at_locations"]!.AsArray().Select(a => a!.AsObject()))
                {
                    at.Remove("id");
                    at["location"]!.AsObject().Remove("id");
                    foreach (var address in at["location"]!["addresses"]!.AsArray())
                    {
                        address!.AsObject().Remove("id");
                    }
                }
            }
            return node.ToJsonString();
        }
        WithoutLocalIds(await GetAsync(targetApp, "/openreferral/services?per_page=10")).Should().Be(WithoutLocalIds(page));
        var again = await target.ImportAsync(ImportKind.Services, page, "services.json");
        (again.Created, again.Updated, again.Unchanged).Should().Be((0, 0, 2));
    }

    [Fact]
    public async Task Openstreetmap_records_are_marked_odbl_and_can_be_left_out_of_every_export()
    {
        await using var source = await RichBoroughAsync();
        await using var app = new ScratchApp(source);

        var all = Encoding.UTF8.GetString(await GetAsync(app, "/export/places.csv"));
        var open = Encoding.UTF8.GetString(await GetAsync(app, "/export/places.csv?excludeOdbl=true"));
        var geojson = JsonNode.Parse(await GetAsync(app, "/export/places.geojson?excludeOdbl=true"))!["features"]!.AsArray();
        var ogc = JsonNode.Parse(await GetAsync(app, "/ogc/collections/places/items?excludeOdbl=true&limit=100"))!;

        all.Should().Contain("Test Park").And.Contain(",openstreetmap,way/2002,ODbL-1.0");
        open.Should().NotContain("Test Park");
        open.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(1 + 13);
        geojson.Should().HaveCount(13);
        ogc["numberMatched"]!.GetValue<int>().Should().Be(13);
        var bad = await app.CreateClient().GetAsync("/export/places.csv?excludeOdbl=maybe");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("excludeOdbl must be true or false; got 'maybe'.");
    }
}

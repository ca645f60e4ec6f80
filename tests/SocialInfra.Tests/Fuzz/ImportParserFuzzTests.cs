using System.Text;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Imports;
using SocialInfra.Tests.Imports;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Fuzz;

/// <summary>
/// Property: a damaged file (real open data with bytes cut, inserted, swapped or lines repeated) never makes an import
/// throw. It either imports or reports problems that each name where they are, and a failed import changes nothing.
/// </summary>
public class ImportParserFuzzTests : IAsyncLifetime
{
    private ScratchDatabase _database = null!;

    // Real files of every shape the importers read: the borough's official data, and places as CSV and from OpenStreetMap.
    private static readonly string[] Seeds =
    [
        Encoding.UTF8.GetString(DemoFiles.Read("wards-2013.geojson")),
        Encoding.UTF8.GetString(DemoFiles.Read("imd2019-by-ward.csv")),
        Encoding.UTF8.GetString(DemoFiles.Read("libraries-2016.csv")),
        """
        name,category,latitude,longitude,postcode,presence,wards_served,ownership,activity,activity_since,capacity,accessibility,owner_organisation
        Gascoigne Garden,Garden or allotment,51.5330,0.0850,,,,community,dormant,2024-04-01,40,Step-free access; Quiet space,Gascoigne Growers
        Valence Youth Hub,youth,,,RM8 3HT,,,public,,,,,
        Online Advice,community-centre,,,,digital,E05000026; E05000027,community,active,,,,
        """,
        """
        { "type": "FeatureCollection", "features": [
          { "type": "Feature", "id": "node/1001", "properties": { "@id": "node/1001", "amenity": "library", "name": "Barking Library", "opening_hours": "Mo-Fr 09:00-17:00", "wheelchair": "yes" },
            "geometry": { "type": "Point", "coordinates": [0.0801, 51.5365] } },
          { "type": "Feature", "id": "way/2002", "properties": { "leisure": "park", "name": "Mayesbrook Park" },
            "geometry": { "type": "Polygon", "coordinates": [[[0.10, 51.545], [0.11, 51.545], [0.11, 51.55], [0.10, 51.55], [0.10, 51.545]]] } }
        ] }
        """,
        """
        pcds,lat,long,lsoa11
        RM8 3HT,51.5506,0.1337,E01000027
        IG11 7NB,51.5364,0.0800,E01000001
        """,
        """
        { "total_items": 1, "contents": [ { "id": "svc-1", "name": "Warm space lunch club", "description": "Lunch and company", "organization": { "id": "org-1", "name": "Barking Trust" },
          "service_at_locations": [ { "location": { "id": "loc-1", "name": "Trust Hall", "latitude": 51.55, "longitude": 0.14 } } ] } ] }
        """,
    ];

    private enum Damage { Delete, Insert, Replace, Truncate, RepeatLine }

    private static readonly Gen<string> Noise = Gen.OneOf(
        Gen.String,
        Gen.Char["\",;\n\r{}[]:0123456789.-eE \t\\\0"].Array[1, 12].Select(c => new string(c)),
        Gen.OneOf("\"", "\n", ",,,,", "null", "NaN", "1e400", "-999999999999", "[[[[[[[[", "}", "\uFEFF", "\uD800", "é", "𝔘"));

    private static readonly Gen<(Damage Kind, double At, int Length, string Text)> OneDamage =
        Gen.Select(Gen.Enum<Damage>(), Gen.Double[0, 1], Gen.Int[0, 200], Noise);

    private static readonly Gen<(ImportKind Kind, string File)> DamagedFile =
        from kind in Gen.Enum<ImportKind>()
        from seed in Gen.Int[0, Seeds.Length - 1]
        from damages in OneDamage.Array[1, 5]
        select (kind, damages.Aggregate(Seeds[seed], Apply));

    private static string Apply(string text, (Damage Kind, double At, int Length, string Text) damage)
    {
        var at = (int)(damage.At * text.Length);
        var length = Math.Min(damage.Length, text.Length - at);
        switch (damage.Kind)
        {
            case Damage.Delete:
                return text.Remove(at, length);
            case Damage.Insert:
                return text.Insert(at, damage.Text);
            case Damage.Replace:
                return text.Remove(at, length).Insert(at, damage.Text);
            case Damage.Truncate:
                return text[..at];
            default:
                var lines = text.Split('\n').ToList();
                var line = (int)(damage.At * (lines.Count - 1));
                lines.Insert(line, lines[line]);
                return string.Join('\n', lines);
        }
    }

    // Everything an import can write.
    private static async Task<int> CountAsync(SocialInfra.Data.SocialInfraDbContext db) =>
        await db.Places.CountAsync() + await db.Wards.CountAsync() + await db.Lsoas.CountAsync() + await db.Services.CountAsync()
        + await db.Postcodes.CountAsync() + await db.Organisations.CountAsync() + await db.LocalAuthorities.CountAsync();

    public async Task InitializeAsync() => _database = await ScratchDatabase.DemoAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_damaged_file_is_imported_or_refused_with_its_problems_named_never_thrown()
    {
        await DamagedFile.SampleAsync(async sample =>
        {
            int before;
            await using (var db = _database.CreateContext())
            {
                before = await CountAsync(db);
            }
            // Invalid UTF-16 (a lone surrogate) goes in as the replacement character, as a file on disk would arrive.
            var report = await _database.ImportAsync(sample.Kind, Encoding.UTF8.GetBytes(sample.File), "damaged", authorityName: "Barking and Dagenham", year: 2021);

            if (!report.Succeeded)
            {
                report.Problems.Should().NotBeEmpty();
                report.Problems.Should().OnlyContain(p => !string.IsNullOrWhiteSpace(p.Where) && !string.IsNullOrWhiteSpace(p.Message));
                await using var db = _database.CreateContext();
                (await CountAsync(db))
                    .Should().Be(before, "a refused import changes nothing");
            }
        }, iter: Fuzzing.Iterations(250), threads: 1);
    }
}

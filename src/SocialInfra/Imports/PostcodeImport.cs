using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Geography;

namespace SocialInfra.Imports;

/// <summary>Postcode points from the ONS Postcode Directory (ONSPD) or the National Statistics Postcode Lookup (NSPL).</summary>
internal static class PostcodeImport
{
    public static async Task PostcodesAsync(ImportContext context, Stream file)
    {
        var authority = await context.AuthorityAsync(mayCreate: false);
        using var csv = new CsvTable(file);
        var codeColumn = csv.Require("postcode", "pcds", "pcd", "pcd7", "pcd8", "postcode");
        var latitudeColumn = csv.Require("latitude", "lat", "latitude");
        var longitudeColumn = csv.Require("longitude", "long", "longitude", "lon", "lng");
        var terminatedColumn = csv.Find("doterm");
        var authorityColumn = csv.Find("oslaua", "laua", "lad25cd", "lad24cd", "lad23cd", "lad22cd", "local_authority");
        var seen = new HashSet<string>();
        var (codes, longitudes, latitudes, authorities) = (new List<string>(), new List<double>(), new List<double>(), new List<string?>());
        var (terminated, noPoint, otherAreas) = (0, 0, 0);

        async Task FlushAsync()
        {
            if (codes.Count > 0 && context.Report.Succeeded)
            {
                var upserted = await context.Db.Database.SqlQuery<UpsertCount>($"""
                    WITH upserted AS (
                        INSERT INTO "Postcodes" ("Code", "Location", "LocalAuthorityCode")
                        SELECT t.code, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326), t.lad
                        FROM unnest({codes.ToArray()}, {longitudes.ToArray()}, {latitudes.ToArray()}, {authorities.ToArray()}) AS t(code, lon, lat, lad)
                        ON CONFLICT ("Code") DO UPDATE SET "Location" = excluded."Location", "LocalAuthorityCode" = excluded."LocalAuthorityCode"
                        WHERE NOT ST_Equals("Postcodes"."Location", excluded."Location")
                           OR "Postcodes"."LocalAuthorityCode" IS DISTINCT FROM excluded."LocalAuthorityCode"
                        RETURNING (xmax = 0) AS created)
                    SELECT count(*) FILTER (WHERE created)::int AS "Created", count(*) FILTER (WHERE NOT created)::int AS "Updated" FROM upserted
                    """).ToListAsync(context.CancellationToken);
                // Not composed further: PostgreSQL allows INSERT inside WITH only at the top level.
                var counts = upserted.Single();
                context.Report.Created += counts.Created;
                context.Report.Updated += counts.Updated;
                context.Report.Unchanged += codes.Count - counts.Created - counts.Updated;
            }
            codes.Clear();
            longitudes.Clear();
            latitudes.Clear();
            authorities.Clear();
        }

        while (csv.Read())
        {
            context.CountRead();
            var where = csv.Where;
            var code = Postcode.Normalise(csv.Get(codeColumn));
            if (code is null)
            {
                context.Report.Problem(where, $"'{csv.Get(codeColumn)}' is not a UK postcode.");
                continue;
            }
            var rowAuthority = csv.Get(authorityColumn);
            if (rowAuthority is not null && !string.Equals(rowAuthority, authority.Code, StringComparison.OrdinalIgnoreCase))
            {
                otherAreas++;
                context.Report.Skipped++;
                continue;
            }
            if (csv.Get(terminatedColumn) is not null)
            {
                terminated++;
                context.Report.Skipped++;
                continue;
            }
            if (!Numbers.TryParseFinite(csv.Get(latitudeColumn), out var latitude) || !Numbers.TryParseFinite(csv.Get(longitudeColumn), out var longitude)
                || latitude < -90 || longitude is < -180 or > 180)
            {
                context.Report.Problem(where, $"{code}: latitude '{csv.Get(latitudeColumn)}' and longitude '{csv.Get(longitudeColumn)}' must both be numbers, latitude up to 90 and longitude from -180 to 180.");
                continue;
            }
            // The directory gives 99.999999, 0 for postcodes it has no grid reference for.
            if (latitude > 90 || (latitude == 0 && longitude == 0))
            {
                noPoint++;
                context.Report.Skipped++;
                continue;
            }
            if (latitude < 49 || latitude > 61 || longitude < -9 || longitude > 2.5)
            {
                context.Report.Problem(where, $"{code}: latitude {latitude} and longitude {longitude} are not in the United Kingdom.");
                continue;
            }
            if (!seen.Add(code))
            {
                context.Report.Problem(where, $"postcode {code} appears on an earlier row too.");
                continue;
            }
            codes.Add(code);
            longitudes.Add(longitude);
            latitudes.Add(latitude);
            authorities.Add(rowAuthority?.ToUpperInvariant());
            if (codes.Count == ImportContext.BatchSize * 4)
            {
                await FlushAsync();
            }
        }
        await FlushAsync();
        if (context.Report.Succeeded && seen.Count == 0)
        {
            context.Report.Problem("File", $"has no live postcodes of {authority.Name} ({authority.Code}).");
            return;
        }
        context.Report.Note($"Left out: {otherAreas} postcodes of other areas, {terminated} no longer in use, {noPoint} without a point.");
    }
}

/// <summary>How many rows an upsert created and how many it changed.</summary>
public sealed record UpsertCount(int Created, int Updated);

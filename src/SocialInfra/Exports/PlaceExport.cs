using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SocialInfra.Data;
using SocialInfra.Geography;
using SocialInfra.Imports;
using SocialInfra.Places;

namespace SocialInfra.Exports;

/// <summary>Which published places to export; ODbL (OpenStreetMap-derived) records can be left out.</summary>
public sealed record PlaceExportQuery(bool ExcludeOpenDatabaseLicence = false, Envelope? Box = null, int Offset = 0, int? Limit = null, Guid? Id = null);

/// <summary>One published place in the columns of <see cref="PlaceColumns"/>, as text, with its geometry.</summary>
public sealed record PlaceExportRow(Guid Id, Point? Location, IReadOnlyDictionary<string, string?> Columns);

/// <summary>Published places as CSV or GeoJSON, in the same columns the places import reads.</summary>
public static class PlaceExport
{
    public static IQueryable<Place> Matching(SocialInfraDbContext db, PlaceExportQuery query)
    {
        var places = db.Places.AsNoTracking();
        if (query.ExcludeOpenDatabaseLicence)
        {
            places = places.Where(p => !p.Provenance.Licence.ToLower().StartsWith("odbl"));
        }
        if (query.Id is { } id)
        {
            places = places.Where(p => p.Id == id);
        }
        if (query.Box is { } box)
        {
            places = places.PlacesInBox(box);
        }
        return places;
    }

    public static async Task<List<PlaceExportRow>> RowsAsync(SocialInfraDbContext db, PlaceExportQuery query, CancellationToken cancellationToken = default)
    {
        var page = Matching(db, query).OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(query.Offset);
        if (query.Limit is { } limit)
        {
            page = page.Take(limit);
        }
        var places = await page
            .Select(p => new
            {
                Place = p,
                Owner = p.OwnerOrganisation == null ? null : p.OwnerOrganisation.Name,
                Wards = p.WardsServed.OrderBy(w => w.Code).Select(w => w.Code).ToList(),
                Since = p.ActivityPeriods.Where(a => a.EndsOn == null).Select(a => a.StartsOn).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return places.Select(x => Row(x.Place, x.Owner, x.Wards, x.Since)).ToList();
    }

    private static PlaceExportRow Row(Place p, string? owner, List<string> wards, DateOnly? since) =>
        new(p.Id, p.Location, new Dictionary<string, string?>
        {
            [PlaceColumns.Id] = p.Id.ToString(),
            [PlaceColumns.Name] = p.Name,
            [PlaceColumns.Category] = p.CategorySlug,
            [PlaceColumns.Description] = p.Description,
            [PlaceColumns.Ownership] = EnumText.Lower(p.Ownership),
            [PlaceColumns.OwnerOrganisation] = owner,
            [PlaceColumns.Permanence] = EnumText.Lower(p.Permanence),
            [PlaceColumns.StartsOn] = Date(p.StartsOn),
            [PlaceColumns.EndsOn] = Date(p.EndsOn),
            [PlaceColumns.Activity] = EnumText.Lower(p.Activity),
            [PlaceColumns.ActivitySince] = Date(since),
            [PlaceColumns.Presence] = EnumText.Lower(p.Presence),
            [PlaceColumns.Latitude] = p.Location?.Y.ToString("R", CultureInfo.InvariantCulture),
            [PlaceColumns.Longitude] = p.Location?.X.ToString("R", CultureInfo.InvariantCulture),
            [PlaceColumns.WardsServed] = wards.Count == 0 ? null : string.Join(PlaceColumns.ListSeparator, wards),
            [PlaceColumns.Address] = p.Address,
            [PlaceColumns.Postcode] = p.Postcode,
            [PlaceColumns.Website] = p.Url,
            [PlaceColumns.OpeningHours] = p.OpeningHours,
            [PlaceColumns.Capacity] = p.Capacity?.ToString(CultureInfo.InvariantCulture),
            [PlaceColumns.Accessibility] = p.AccessibilityFeatures.Count == 0 ? null : string.Join(PlaceColumns.ListSeparator, p.AccessibilityFeatures),
            [PlaceColumns.LastVerified] = Date(p.LastVerifiedOn),
            [PlaceColumns.Source] = p.Provenance.Source,
            [PlaceColumns.SourceId] = p.Provenance.SourceId,
            [PlaceColumns.Licence] = p.Provenance.Licence,
        });

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The rows as CSV, UTF-8, with a header row of <see cref="PlaceColumns.All"/>.</summary>
    public static byte[] Csv(IEnumerable<PlaceExportRow> rows) =>
        CsvFile.Write(PlaceColumns.All, rows.Select(row => PlaceColumns.All.Select(column => row.Columns[column])));

    /// <summary>A GeoJSON feature: the point (none for a digital space) and every column but latitude and longitude.</summary>
    public static IFeature Feature(PlaceExportRow row)
    {
        var attributes = new AttributesTable();
        foreach (var column in PlaceColumns.All.Where(c => c is not (PlaceColumns.Latitude or PlaceColumns.Longitude)))
        {
            attributes.Add(column, row.Columns[column]);
        }
        return new Feature(row.Location, attributes);
    }
}

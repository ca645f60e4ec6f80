using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SocialInfra.Data;
using SocialInfra.Geography;

namespace SocialInfra.Exports;

/// <summary>The current wards with their figures, as CSV or GeoJSON; the GeoJSON loads again as ward boundaries.</summary>
public static class WardExport
{
    public static readonly IReadOnlyList<string> Columns =
        ["code", "name", "boundary_year", "local_authority", "population", "lsoas", "imd_score"];

    public static IQueryable<Ward> Matching(SocialInfraDbContext db, Envelope? box)
    {
        var wards = db.CurrentWards().AsNoTracking();
        if (box is not null)
        {
            var polygon = SpatialQueries.Factory.ToGeometry(box);
            wards = wards.Where(w => w.Boundary.Intersects(polygon));
        }
        return wards;
    }

    public static Task<List<WardSummary>> SummariesAsync(
        SocialInfraDbContext db, Envelope? box = null, int offset = 0, int? limit = null, string? code = null, CancellationToken cancellationToken = default)
    {
        var wards = Matching(db, box).Where(w => code == null || w.Code == code).OrderBy(w => w.LocalAuthorityCode).ThenBy(w => w.Code).Skip(offset);
        if (limit is { } take)
        {
            wards = wards.Take(take);
        }
        return wards.Summaries().ToListAsync(cancellationToken);
    }

    public static IReadOnlyDictionary<string, object?> Properties(WardSummary ward) => new Dictionary<string, object?>
    {
        ["code"] = ward.Code,
        ["name"] = ward.Name,
        ["boundary_year"] = ward.BoundaryYear,
        ["local_authority"] = ward.LocalAuthorityCode,
        ["population"] = ward.Population,
        ["lsoas"] = ward.LsoaCount,
        ["imd_score"] = ward.ImdScore,
    };

    /// <summary>A GeoJSON feature whose id is the ward's code.</summary>
    public static IFeature Feature(WardSummary ward) =>
        new Feature(ward.Boundary, new AttributesTable(Properties(ward)) { { IdAttribute, ward.Code } });

    /// <summary>The attribute the web app's GeoJSON writer turns into the feature's own "id".</summary>
    public const string IdAttribute = "id";

    public static byte[] Csv(IEnumerable<WardSummary> wards) =>
        CsvFile.Write(Columns, wards.Select(ward => Properties(ward).Values.Select(value => value switch
        {
            null => null,
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        })));
}

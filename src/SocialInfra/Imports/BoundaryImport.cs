using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SocialInfra.Geography;

namespace SocialInfra.Imports;

/// <summary>Ward and LSOA boundaries, and LSOA population-weighted centroids, from ONS GeoJSON.</summary>
internal static partial class BoundaryImport
{
    [GeneratedRegex("^WD([0-9]{2})CD$", RegexOptions.IgnoreCase)]
    private static partial Regex WardCodeColumn();

    [GeneratedRegex("^WD([0-9]{2})NM$", RegexOptions.IgnoreCase)]
    private static partial Regex WardNameColumn();

    [GeneratedRegex("^LAD([0-9]{2})CD$", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorityColumn();

    [GeneratedRegex("^LSOA([0-9]{2})CD$", RegexOptions.IgnoreCase)]
    private static partial Regex LsoaCodeColumn();

    [GeneratedRegex("^LSOA([0-9]{2})NM$", RegexOptions.IgnoreCase)]
    private static partial Regex LsoaNameColumn();

    [GeneratedRegex("^E05[0-9]{6}$")]
    private static partial Regex WardCode();

    [GeneratedRegex("^E01[0-9]{6}$")]
    private static partial Regex LsoaCode();

    private sealed record Boundary(string Where, string Code, string Name, int Year, Geometry Geometry, CoordinateSystem System);

    public static async Task WardsAsync(ImportContext context, Stream file)
    {
        var authority = await context.AuthorityAsync(mayCreate: true);
        var code = authority.Code;
        var seen = new HashSet<(string, int)>();
        await ReadAsync(context, file, WardCodeColumn(), WardNameColumn(), WardCode(), "ward", "an electoral ward code (E05 and six digits)",
            keep: feature =>
            {
                var lad = ImportContext.Matching(feature, AuthorityColumn())?.Value ?? ImportContext.Text(feature, "local_authority");
                return lad is null || string.Equals(lad, code, StringComparison.OrdinalIgnoreCase);
            },
            save: async batch =>
            {
                var codes = batch.Select(b => b.Code).ToList();
                var existing = await context.Db.Wards.Where(w => w.LocalAuthorityCode == code && codes.Contains(w.Code))
                    .ToListAsync(context.CancellationToken);
                foreach (var boundary in batch)
                {
                    if (!seen.Add((boundary.Code, boundary.Year)))
                    {
                        context.Report.Problem(boundary.Where, $"ward {boundary.Code} of {boundary.Year} appears earlier in the file too.");
                        continue;
                    }
                    if (AsMultiPolygon(context, boundary) is not { } polygon)
                    {
                        continue;
                    }
                    var ward = existing.SingleOrDefault(w => w.Code == boundary.Code && w.BoundaryYear == boundary.Year);
                    if (ward is null)
                    {
                        context.Db.Wards.Add(new Ward { Code = boundary.Code, Name = boundary.Name, BoundaryYear = boundary.Year, LocalAuthorityCode = code, Boundary = polygon });
                        context.Report.Created++;
                        continue;
                    }
                    var changed = ward.Name != boundary.Name || !ward.Boundary.EqualsExact(polygon, 1e-9);
                    ward.Name = boundary.Name;
                    if (!ward.Boundary.EqualsExact(polygon, 1e-9))
                    {
                        ward.Boundary = polygon;
                    }
                    Count(context.Report, changed);
                }
            });
        if (context.Report.Succeeded && seen.Count == 0)
        {
            context.Report.Problem("File", $"has no wards of {authority.Name} ({code}).");
        }
        if (!context.Report.Succeeded)
        {
            return;
        }
        await context.SaveBatchAsync();
        await context.Db.UnionLocalAuthorityBoundaryAsync(code, context.CancellationToken);
        await context.Db.FillLsoaReferencePointsAsync(code, context.CancellationToken);
        await context.Db.AssignLsoasToWardsAsync(code, context.CancellationToken);
        var years = seen.Select(s => s.Item2).Distinct().Order().ToList();
        context.Report.Note($"Ward boundaries of {string.Join(" and ", years)} for {authority.Name}; the borough's outline is now the union of its newest wards, and its LSOAs were assigned to them again.");
    }

    public static async Task LsoasAsync(ImportContext context, Stream file)
    {
        var (authority, borough) = await context.BoroughAsync();
        var code = authority.Code;
        var seen = new HashSet<(string, int)>();
        await ReadAsync(context, file, LsoaCodeColumn(), LsoaNameColumn(), LsoaCode(), "LSOA", "an LSOA code (E01 and six digits)",
            keep: _ => true,
            save: async batch =>
            {
                var codes = batch.Select(b => b.Code).ToList();
                var existing = await context.Db.Lsoas.Where(l => codes.Contains(l.Code)).ToListAsync(context.CancellationToken);
                (_, borough) = await context.BoroughAsync();
                foreach (var boundary in batch)
                {
                    if (AsMultiPolygon(context, boundary) is not { } polygon)
                    {
                        continue;
                    }
                    if (!borough.Covers(polygon.InteriorPoint))
                    {
                        context.Report.Skipped++;
                        continue;
                    }
                    if (!seen.Add((boundary.Code, boundary.Year)))
                    {
                        context.Report.Problem(boundary.Where, $"LSOA {boundary.Code} of {boundary.Year} appears earlier in the file too.");
                        continue;
                    }
                    var lsoa = existing.SingleOrDefault(l => l.Code == boundary.Code && l.Vintage == boundary.Year);
                    if (lsoa is null)
                    {
                        context.Db.Lsoas.Add(new Lsoa { Code = boundary.Code, Name = boundary.Name, Vintage = boundary.Year, LocalAuthorityCode = code, Boundary = polygon });
                        context.Report.Created++;
                        continue;
                    }
                    var changed = lsoa.Name != boundary.Name || !lsoa.Boundary.EqualsExact(polygon, 1e-9);
                    lsoa.Name = boundary.Name;
                    if (!lsoa.Boundary.EqualsExact(polygon, 1e-9))
                    {
                        lsoa.Boundary = polygon;
                        lsoa.ReferencePoint = null;
                    }
                    Count(context.Report, changed);
                }
            });
        if (context.Report.Succeeded && seen.Count == 0)
        {
            context.Report.Problem("File", $"has no LSOAs inside {authority.Name} ({code}): is it the right file, and are the borough's ward boundaries loaded?");
        }
        if (!context.Report.Succeeded)
        {
            return;
        }
        await context.SaveBatchAsync();
        await context.Db.FillLsoaReferencePointsAsync(code, context.CancellationToken);
        await context.Db.AssignLsoasToWardsAsync(code, context.CancellationToken);
        context.Report.Note($"{context.Report.Skipped} LSOAs outside {authority.Name} were left out. Each LSOA was assigned to the ward containing its reference point " +
            "(its population-weighted centroid when loaded, otherwise a point inside it).");
    }

    public static async Task CentroidsAsync(ImportContext context, Stream file)
    {
        var (authority, borough) = await context.BoroughAsync();
        var code = authority.Code;
        var matched = 0;
        await ReadAsync(context, file, LsoaCodeColumn(), LsoaNameColumn(), LsoaCode(), "LSOA", "an LSOA code (E01 and six digits)",
            keep: _ => true,
            save: async batch =>
            {
                var codes = batch.Select(b => b.Code).ToList();
                var existing = await context.Db.Lsoas.Where(l => l.LocalAuthorityCode == code && codes.Contains(l.Code)).ToListAsync(context.CancellationToken);
                (_, borough) = await context.BoroughAsync();
                foreach (var centroid in batch)
                {
                    if (centroid.Geometry is not Point point)
                    {
                        context.Report.Problem(centroid.Where, $"is a {centroid.Geometry.GeometryType}; a centroid must be a Point.");
                        continue;
                    }
                    var lsoas = existing.Where(l => l.Code == centroid.Code && l.Vintage == centroid.Year).ToList();
                    if (lsoas.Count == 0)
                    {
                        if (borough.Covers(point))
                        {
                            context.Report.Problem(centroid.Where, $"LSOA {centroid.Code} lies in {authority.Name} but is not loaded: import the LSOA boundaries of {centroid.Year} first.");
                        }
                        else
                        {
                            context.Report.Skipped++;
                        }
                        continue;
                    }
                    matched++;
                    foreach (var lsoa in lsoas)
                    {
                        var changed = lsoa.ReferencePoint is null || !lsoa.ReferencePoint.EqualsExact(point, 1e-9);
                        if (changed)
                        {
                            lsoa.ReferencePoint = (Point)point.Copy();
                        }
                        Count(context.Report, changed);
                    }
                }
            },
            name: false);
        if (context.Report.Succeeded && matched == 0)
        {
            context.Report.Problem("File", $"has no centroids of {authority.Name}'s loaded LSOAs.");
        }
        if (!context.Report.Succeeded)
        {
            return;
        }
        await context.SaveBatchAsync();
        await context.Db.AssignLsoasToWardsAsync(code, context.CancellationToken);
        context.Report.Note("Each LSOA was assigned again to the ward containing its population-weighted centroid.");
    }

    private static void Count(ImportReport report, bool changed)
    {
        if (changed)
        {
            report.Updated++;
        }
        else
        {
            report.Unchanged++;
        }
    }

    // Reads code, name and year from each feature, reprojects the batch and hands it to save.
    private static async Task ReadAsync(
        ImportContext context, Stream file, Regex codeColumn, Regex nameColumn, Regex codePattern, string what, string codeDescription,
        Func<IFeature, bool> keep, Func<List<Boundary>, Task> save, bool name = true)
    {
        var pending = new List<(string Where, string Code, string Name, int Year, Geometry Geometry, CoordinateSystem System)>();
        await foreach (var item in GeoJsonFeatureReader.ReadAsync(file, context.CancellationToken))
        {
            context.CountRead();
            if (item.Feature is not { } feature)
            {
                context.Report.Problem(ImportContext.FeatureWhere(item.Number), item.Error!);
                continue;
            }
            var codeValue = ImportContext.Matching(feature, codeColumn);
            var code = codeValue?.Value ?? ImportContext.Text(feature, "code");
            var label = name ? ImportContext.Matching(feature, nameColumn)?.Value ?? ImportContext.Text(feature, "name") : null;
            var where = ImportContext.FeatureWhere(item.Number, code, label);
            if (code is null)
            {
                var expected = what == "ward" ? "WD22CD (or WD13CD … WD24CD, or code)" : "LSOA21CD (or LSOA11CD, or code)";
                context.Report.Problem(where, $"has no {what} code property: expected {expected}.");
                continue;
            }
            if (!keep(feature))
            {
                context.Report.Skipped++;
                continue;
            }
            if (!codePattern.IsMatch(code))
            {
                context.Report.Problem(where, $"'{code}' is not {codeDescription}.");
                continue;
            }
            if (name && label is null)
            {
                context.Report.Problem(where, $"has no {what} name.");
                continue;
            }
            var nameLength = what == "ward" ? Ward.NameLength : Lsoa.NameLength;
            if (label?.Length > nameLength)
            {
                context.Report.Problem(where, $"{what} name must be {nameLength} characters or fewer.");
                continue;
            }
            int? year = context.Request.Year;
            if (year is null && codeValue is { Name: var column })
            {
                year = 2000 + int.Parse(codeColumn.Match(column).Groups[1].Value, CultureInfo.InvariantCulture);
            }
            if (year is null && int.TryParse(ImportContext.Text(feature, what == "ward" ? "boundary_year" : "vintage"), CultureInfo.InvariantCulture, out var given))
            {
                year = given;
            }
            if (year is null)
            {
                context.Report.Problem(where, $"does not say which year its {what} boundaries are: give the year with the import.");
                continue;
            }
            if (feature.Geometry is null || feature.Geometry.IsEmpty)
            {
                context.Report.Problem(where, "has no geometry.");
                continue;
            }
            var system = CoordinateSystems.Resolve(item.CoordinateSystem, feature.Geometry, out var crsProblem);
            if (system is null)
            {
                context.Report.Problem(where, crsProblem!);
                continue;
            }
            pending.Add((where, code, label ?? "", year.Value, feature.Geometry, system.Value));
            if (pending.Count == ImportContext.BatchSize / 5)
            {
                await FlushAsync(context, pending, save);
            }
        }
        await FlushAsync(context, pending, save);
    }

    private static async Task FlushAsync(
        ImportContext context, List<(string Where, string Code, string Name, int Year, Geometry Geometry, CoordinateSystem System)> pending,
        Func<List<Boundary>, Task> save)
    {
        if (pending.Count == 0)
        {
            return;
        }
        var geometries = await context.ToWgs84Async(pending.Select(p => (p.Geometry, p.System)).ToList());
        await save(pending.Select((p, i) => new Boundary(p.Where, p.Code, p.Name, p.Year, geometries[i], p.System)).ToList());
        pending.Clear();
        if (context.Report.Succeeded)
        {
            await context.SaveBatchAsync();
        }
    }

    private static MultiPolygon? AsMultiPolygon(ImportContext context, Boundary boundary)
    {
        var polygon = boundary.Geometry switch
        {
            MultiPolygon multi => multi,
            Polygon single => SpatialQueries.Factory.CreateMultiPolygon([single]),
            _ => null,
        };
        if (polygon is null)
        {
            context.Report.Problem(boundary.Where, $"is a {boundary.Geometry.GeometryType}; a boundary must be a Polygon or MultiPolygon.");
            return null;
        }
        if (ImportContext.Invalidity(polygon) is { } invalid)
        {
            context.Report.Problem(boundary.Where, $"has a boundary that is not a valid polygon: {invalid}.");
            return null;
        }
        if (!CoordinateSystems.LooksLikeLongitudeLatitude(polygon.EnvelopeInternal))
        {
            context.Report.Problem(boundary.Where, "has coordinates that are not longitude and latitude after reprojection.");
            return null;
        }
        return polygon;
    }
}

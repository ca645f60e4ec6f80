using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using SocialInfra.Data;
using SocialInfra.Geography;

namespace SocialInfra.Imports;

/// <summary>What every importer works with: the database, the request, the report it fills and the progress it gives.</summary>
internal sealed partial class ImportContext(
    SocialInfraDbContext db, ImportRequest request, ImportReport report, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
{
    /// <summary>Rows or features written to the database in one go; the change tracker is cleared after each.</summary>
    public const int BatchSize = 500;

    [GeneratedRegex("^E0[6-9][0-9]{6}$")]
    private static partial Regex LocalAuthorityCodePattern();

    public SocialInfraDbContext Db { get; } = db;
    public ImportRequest Request { get; } = request;
    public ImportReport Report { get; } = report;
    public CancellationToken CancellationToken { get; } = cancellationToken;

    private IPreparedGeometry? _borough;

    /// <summary>Counts one more row or feature read, gives progress, and stops the import once the report is full.</summary>
    public void CountRead()
    {
        Report.Read++;
        if (Report.Read % 1000 == 0)
        {
            progress?.Report(new ImportProgress(Report.Read));
        }
        if (Report.Full)
        {
            throw new ImportAbandonedException();
        }
    }

    /// <summary>The authority the import is for; created (with the requested name) only when <paramref name="mayCreate"/>.</summary>
    public async Task<LocalAuthority> AuthorityAsync(bool mayCreate)
    {
        var code = Request.LocalAuthorityCode.Trim().ToUpperInvariant();
        if (!LocalAuthorityCodePattern().IsMatch(code))
        {
            throw new ImportFileException("Local authority code",
                $"'{Request.LocalAuthorityCode}' is not a local authority code: expected E06, E07, E08 or E09 and six digits, e.g. E09000002.");
        }
        if (Request.LocalAuthorityName?.Trim().Length > LocalAuthority.NameLength)
        {
            throw new ImportFileException("Local authority name", $"The local authority's name must be {LocalAuthority.NameLength} characters or fewer.");
        }
        var authority = await Db.LocalAuthorities.FindAsync([code], CancellationToken);
        if (authority is not null)
        {
            if (mayCreate && !string.IsNullOrWhiteSpace(Request.LocalAuthorityName))
            {
                authority.Name = Request.LocalAuthorityName.Trim();
            }
            return authority;
        }
        if (!mayCreate)
        {
            throw new ImportFileException("Local authority code", $"No local authority {code} is loaded: import its ward boundaries first.");
        }
        if (string.IsNullOrWhiteSpace(Request.LocalAuthorityName))
        {
            throw new ImportFileException("Local authority name", $"{code} is not loaded yet: give the local authority's name.");
        }
        authority = new LocalAuthority { Code = code, Name = Request.LocalAuthorityName.Trim() };
        Db.LocalAuthorities.Add(authority);
        return authority;
    }

    /// <summary>The authority's boundary, prepared for many point-in-polygon tests; the wards must be loaded.</summary>
    public async Task<(LocalAuthority Authority, IPreparedGeometry Boundary)> BoroughAsync()
    {
        var authority = await AuthorityAsync(mayCreate: false);
        if (authority.Boundary is null)
        {
            throw new ImportFileException("Local authority code", $"{authority.Name} has no ward boundaries yet: import them first.");
        }
        _borough ??= PreparedGeometryFactory.Prepare(authority.Boundary);
        return (authority, _borough);
    }

    /// <summary>Saves a batch and forgets it, so that memory stays bounded however long the file is.</summary>
    public async Task SaveBatchAsync()
    {
        await Db.SaveChangesAsync(CancellationToken);
        Db.ChangeTracker.Clear();
        _borough = null;
    }

    /// <summary>"Feature 3 (E05000026 Abbey)": the feature's number and whatever names it.</summary>
    public static string FeatureWhere(int number, params string?[] names)
    {
        var label = string.Join(' ', names.Where(n => !string.IsNullOrWhiteSpace(n)));
        return label.Length == 0 ? $"Feature {number}" : $"Feature {number} ({label})";
    }

    /// <summary>An attribute as text, whatever JSON type it came as; null when missing, null or empty.</summary>
    public static string? Text(IFeature feature, string name)
    {
        var key = (feature.Attributes?.GetNames() ?? []).FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return key is null ? null : Text(feature.Attributes![key]);
    }

    /// <summary>The feature's own "id" member (not a property), e.g. "node/123" in an Overpass export.</summary>
    public static string? FeatureId(IFeature feature) => feature is IUnique unique ? Text(unique.Id) : null;

    public static string? Text(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
            JsonElement e => e.GetRawText(),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>The first attribute whose name matches, with its name (e.g. "WD22CD").</summary>
    public static (string Name, string? Value)? Matching(IFeature feature, Regex pattern)
    {
        var key = (feature.Attributes?.GetNames() ?? []).FirstOrDefault(pattern.IsMatch);
        return key is null ? null : (key, Text(feature.Attributes![key]));
    }

    /// <summary>Puts features given in British National Grid into WGS84, in PostGIS, in one query.</summary>
    public async Task<Geometry[]> ToWgs84Async(IReadOnlyList<(Geometry Geometry, CoordinateSystem System)> geometries)
    {
        var result = geometries.Select(g => g.Geometry).ToArray();
        var grid = Enumerable.Range(0, geometries.Count).Where(i => geometries[i].System == CoordinateSystem.BritishNationalGrid).ToList();
        if (grid.Count > 0)
        {
            var transformed = await Db.FromBritishNationalGridAsync(grid.Select(i => geometries[i].Geometry).ToList(), CancellationToken);
            for (var k = 0; k < grid.Count; k++)
            {
                result[grid[k]] = transformed[k];
            }
        }
        foreach (var geometry in result)
        {
            geometry.SRID = SpatialQueries.Srid;
        }
        return result;
    }

    /// <summary>Why a geometry is not valid (e.g. "Self-intersection at 0.1, 51.5"), or null when it is.</summary>
    public static string? Invalidity(Geometry geometry)
    {
        var check = new NetTopologySuite.Operation.Valid.IsValidOp(geometry);
        if (check.IsValid)
        {
            return null;
        }
        var error = check.ValidationError;
        return error.Coordinate is { } at
            ? $"{error.Message} at {at.X.ToString(CultureInfo.InvariantCulture)}, {at.Y.ToString(CultureInfo.InvariantCulture)}"
            : error.Message;
    }
}

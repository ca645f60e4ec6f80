using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using SocialInfra.Data;
using SocialInfra.Geography;

namespace SocialInfra.Web.Api;

/// <summary>GET /api/wards?lad=E09000002: a local authority's wards of the newest boundary vintage.</summary>
public static partial class WardsEndpoints
{
    [GeneratedRegex("^E0[6-9][0-9]{6}$")]
    private static partial Regex LocalAuthorityCode();

    public static RouteGroupBuilder MapWards(this RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync);
        return group;
    }

    /// <summary>The local authority code from ?lad=, upper-cased, or the problem with it (missing, malformed or not loaded).</summary>
    public static async Task<(string? Code, IResult? Problem)> LocalAuthorityAsync(string? lad, SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(lad))
        {
            return (null, Problems.BadParameter("lad", "Give the local authority's code, e.g. lad=E09000002."));
        }
        lad = lad.Trim().ToUpperInvariant();
        if (!LocalAuthorityCode().IsMatch(lad))
        {
            return (null, Problems.BadParameter("lad", $"'{lad}' is not a local authority code: expected E06, E07, E08 or E09 and six digits, e.g. E09000002."));
        }
        if (!await db.LocalAuthorities.AnyAsync(a => a.Code == lad, cancellationToken))
        {
            return (null, Problems.NotFound($"No local authority with code {lad} has been loaded."));
        }
        return (lad, null);
    }

    private static async Task<IResult> ListAsync(string? lad, SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        var (code, problem) = await LocalAuthorityAsync(lad, db, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        lad = code!;

        var wards = await db.CurrentWards(lad).OrderBy(w => w.Name).Summaries().ToListAsync(cancellationToken);

        return GeoJson.Collection(wards.Select(w => new Feature(w.Boundary, new AttributesTable
        {
            { GeoJson.IdProperty, w.Code },
            { "code", w.Code },
            { "name", w.Name },
            { "localAuthority", lad },
            { "boundaryYear", w.BoundaryYear },
            { "population", w.Population },
            { "lsoas", w.LsoaCount },
            { "imdScore", w.ImdScore },
        })));
    }
}

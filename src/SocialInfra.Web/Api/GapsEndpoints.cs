using SocialInfra.Data;
using SocialInfra.Exports;
using SocialInfra.Gaps;
using SocialInfra.Web.Pages.Gaps;

namespace SocialInfra.Web.Api;

/// <summary>
/// GET /api/gaps?lad=E09000002[&amp;category=SLUG]: each ward's gap score, ranked, for one category or the composite;
/// what-if parameters (add, addPostcode, addCategory, reopen) and accessibility=true as read by <see cref="GapParameters"/>.
/// GET /export/gaps.csv takes the same parameters.
/// </summary>
public static class GapsEndpoints
{
    public static RouteGroupBuilder MapGaps(this RouteGroupBuilder group)
    {
        group.MapGet("", JsonAsync);
        return group;
    }

    public static async Task<IResult> JsonAsync(string? lad, HttpRequest request, SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        var (analysis, question, problem) = await AnalyseAsync(lad, request, db, cancellationToken);
        return problem ?? Results.Json(Body(analysis!, question!));
    }

    public static async Task<IResult> CsvAsync(string? lad, HttpRequest request, SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        var (analysis, _, problem) = await AnalyseAsync(lad, request, db, cancellationToken);
        return problem ?? Results.File(GapExport.Csv(analysis!), "text/csv; charset=utf-8", $"gaps-{analysis!.LocalAuthorityCode}-{analysis.Category ?? "composite"}.csv");
    }

    private static async Task<(GapAnalysis? Analysis, GapQuestion? Question, IResult? Problem)> AnalyseAsync(
        string? lad, HttpRequest request, SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        var (code, problem) = await WardsEndpoints.LocalAuthorityAsync(lad, db, cancellationToken);
        if (problem is not null)
        {
            return (null, null, problem);
        }
        var read = await GapParameters.ReadAsync(request.Query, code!, db, cancellationToken);
        if (!read.IsValid)
        {
            var (parameter, message) = read.Errors.First();
            return (null, null, Problems.BadParameter(parameter, message));
        }
        return (await db.AnalyseAsync(read.Question, cancellationToken), read.Question, null);
    }

    /// <summary>The JSON shape of an analysis: the basis of the figures first, then the wards in rank order.</summary>
    public static object Body(GapAnalysis analysis, GapQuestion question) => new
    {
        localAuthority = new { code = analysis.LocalAuthorityCode, name = analysis.LocalAuthorityName },
        category = analysis.Category,
        composite = analysis.IsComposite,
        categories = analysis.Catchments.Select(c => new { slug = c.CategorySlug, name = c.CategoryName, catchmentMetres = c.Metres, weight = c.Weight, isDefault = c.IsDefault }),
        leftOut = analysis.LeftOut.Select(c => new { slug = c.CategorySlug, name = c.CategoryName, reason = c.Weight > 0 ? "no places recorded in the borough" : "weight 0" }),
        basis = new
        {
            population = analysis.Basis.PopulationKnown ? "residents" : "equal share per LSOA",
            lsoaVintage = analysis.Basis.LsoaVintage,
            need = analysis.Basis.NeedKnown ? "ward IMD score / highest ward IMD score" : "not known for every ward",
            highestImdScore = GapExport.Round(analysis.Basis.HighestImdScore),
            highestImdWard = analysis.Basis.HighestImdWard,
            method = "/Gaps/Method",
        },
        whatIf = question.IsWhatIf
            ? new
            {
                added = question.Added.Select(a => new { category = a.CategorySlug, latitude = a.Location.Y, longitude = a.Location.X }),
                reopened = question.Reopened,
            }
            : null,
        wards = analysis.Wards.Select(w => new
        {
            code = w.Code,
            name = w.Name,
            population = w.Population,
            lsoas = w.Lsoas,
            places = w.Places,
            perThousand = GapExport.Round(w.PerThousand),
            coverage = GapExport.Round(w.Coverage),
            imdScore = GapExport.Round(w.ImdScore),
            need = GapExport.Round(w.Need),
            gapScore = GapExport.Round(w.GapScore),
            rank = w.Rank,
            accessibility = GapExport.Round(w.Accessibility),
            digitalSpaces = w.DigitalSpaces,
            lsoasOutsideReach = analysis.IsComposite ? null
                : analysis.Lsoas.Where(l => l.WardCode == w.Code && !l.Reached).Select(l => l.Code),
            categories = analysis.IsComposite
                ? w.Categories.Select(c => new
                {
                    slug = c.CategorySlug, places = c.Places, coverage = GapExport.Round(c.Coverage), gapScore = GapExport.Round(c.GapScore), weight = c.Weight,
                })
                : null,
            before = w.Before is { } b
                ? new { places = b.Places, coverage = GapExport.Round(b.Coverage), gapScore = GapExport.Round(b.GapScore), rank = b.Rank }
                : null,
        }),
    };
}

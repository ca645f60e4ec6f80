using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Gaps;
using SocialInfra.Networks;

namespace SocialInfra.Web.Pages.Gaps;

/// <summary>
/// One ward's gap report: every category's figures, and for one category which LSOAs are out of reach and how far
/// their nearest open place is, with the sums written out. Printable as evidence for Section 106 and CIL bids.
/// </summary>
public class WardModel(SocialInfraDbContext db) : PageModel
{
    public GapAnalysis Composite { get; private set; } = null!;
    public WardGap Ward { get; private set; } = null!;
    public GapAnalysis? Detail { get; private set; }
    public WardGap? DetailWard { get; private set; }
    public Catchment? Catchment { get; private set; }
    public List<LsoaReach> Lsoas { get; private set; } = [];
    public Dictionary<string, NearestPlace> Nearest { get; private set; } = [];
    public DateTimeOffset GeneratedAt { get; } = DateTimeOffset.UtcNow;
    public WardConnections? Connected { get; private set; }
    public Dictionary<string, string> CategoryNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, string? category, CancellationToken cancellationToken)
    {
        var lad = await db.Wards.Where(w => w.Code == code).OrderByDescending(w => w.BoundaryYear)
            .Select(w => w.LocalAuthorityCode).FirstOrDefaultAsync(cancellationToken);
        if (lad is null)
        {
            return NotFound();
        }
        Composite = (await db.AnalyseAsync(new GapQuestion(lad), cancellationToken))!;
        if (Composite.Ward(code) is not { } ward)
        {
            // An older boundary vintage: the analysis covers the newest wards only.
            return NotFound();
        }
        Ward = ward;

        // The composite already read every category's catchment: those it used and those it left out.
        var catchments = Composite.Catchments.Concat(Composite.LeftOut).ToList();
        Catchment = catchments.FirstOrDefault(c => c.CategorySlug == category?.Trim().ToLowerInvariant())
            ?? ward.Categories.OrderByDescending(c => c.GapScore ?? -1).ThenBy(c => c.Coverage ?? 2)
                .Select(c => catchments.First(x => x.CategorySlug == c.CategorySlug)).FirstOrDefault();
        if (Catchment is not null)
        {
            Detail = await db.AnalyseAsync(new GapQuestion(lad) { Category = Catchment.CategorySlug, Accessibility = true }, cancellationToken);
            DetailWard = Detail!.Ward(code);
            Lsoas = Detail.Lsoas.Where(l => l.WardCode == code).OrderBy(l => l.Reached).ThenBy(l => l.Code).ToList();
            Nearest = await db.NearestPlacesAsync(code, Catchment.CategorySlug, cancellationToken);
        }
        Connected = (await ConnectedProvision.ByWardAsync(db, lad, cancellationToken, wardCode: code)).SingleOrDefault();
        CategoryNames = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Slug, c => c.Name, cancellationToken);
        return Page();
    }
}

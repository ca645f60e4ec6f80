using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialInfra.Data;
using SocialInfra.Geography;
using SocialInfra.Places;
using SocialInfra.Web.Map;

namespace SocialInfra.Web.Pages.Wards;

public class DetailsModel(SocialInfraDbContext db, IOptionsSnapshot<MapOptions> options) : PageModel
{
    public WardSummary Ward { get; private set; } = null!;
    public MapView Map { get; private set; } = null!;
    public List<PlaceListItem> Places { get; private set; } = [];
    public List<(string Category, int Count)> ByCategory { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var ward = await db.Wards.AsNoTracking().Where(w => w.Code == code)
            .OrderByDescending(w => w.BoundaryYear).Summaries().FirstOrDefaultAsync(cancellationToken);
        if (ward is null)
        {
            return NotFound();
        }
        Ward = ward;
        // The same filter as the map's "near" search, so the table and the map agree (digital places serving the ward included).
        var inWard = new PlaceFilter { Area = SearchArea.ForWard(ward.Id, ward.Code, ward.Name, ward.Boundary) };
        Places = await inWard.Apply(db).ListItems(db).ToListAsync(cancellationToken);
        Map = await MapView.CreateAsync(db, options.Value, $"Map of {ward.Name} ward", ward.LocalAuthorityCode, ward.Boundary.EnvelopeInternal, cancellationToken) with
        {
            Filters = $"near={Uri.EscapeDataString(ward.Code)}",
            HighlightWard = ward.Code,
        };
        ByCategory = Places.GroupBy(p => p.CategoryName).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        return Page();
    }
}

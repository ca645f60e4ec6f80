using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Geography;
using SocialInfra.Places;

namespace SocialInfra.Web.Pages.Wards;

public class DetailsModel(SocialInfraDbContext db) : PageModel
{
    public WardSummary Ward { get; private set; } = null!;
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
        Places = await db.PlacesInWard(ward.Id).AsNoTracking().ListItems().ToListAsync(cancellationToken);
        ByCategory = Places.GroupBy(p => p.CategoryName).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        return Page();
    }
}

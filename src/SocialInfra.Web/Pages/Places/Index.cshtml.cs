using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Places;

namespace SocialInfra.Web.Pages.Places;

public class IndexModel(SocialInfraDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "activity")] public string? ActivityText { get; set; }
    public Activity? Activity => EnumText.TryParse<Activity>(ActivityText, out var activity) ? activity : null;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public List<Category> Categories { get; private set; } = [];
    public List<PlaceListItem> Places { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var query = db.Places.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Category)) query = query.Where(p => p.CategorySlug == Category);
        if (Activity is { } activity) query = query.Where(p => p.Activity == activity);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // Escape LIKE's wildcards so "%" and "_" typed in the box match themselves.
            var pattern = Q.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
            query = query.Where(p => EF.Functions.ILike(p.Name, $"%{pattern}%", @"\"));
        }
        Places = await query.ListItems().ToListAsync(cancellationToken);
    }
}

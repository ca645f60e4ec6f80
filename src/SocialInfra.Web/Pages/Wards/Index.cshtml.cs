using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Geography;

namespace SocialInfra.Web.Pages.Wards;

public class IndexModel(SocialInfraDbContext db) : PageModel
{
    public sealed record Row(WardSummary Ward, int Places);

    public List<Row> Wards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var wards = await db.CurrentWards().AsNoTracking().OrderBy(w => w.Name).Summaries().ToListAsync(cancellationToken);
        var places = await db.PlaceCountsByWard().ToDictionaryAsync(c => c.WardId, c => c.Places, cancellationToken);
        Wards = wards.Select(w => new Row(w, places.GetValueOrDefault(w.Id))).ToList();
    }
}

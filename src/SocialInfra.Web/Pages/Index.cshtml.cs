using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Places;

namespace SocialInfra.Web.Pages;

public class IndexModel(SocialInfraDbContext db) : PageModel
{
    public string AuthorityName { get; private set; } = "your borough";
    public int ActivePlaces { get; private set; }
    public int DormantPlaces { get; private set; }
    public int ClosedPlaces { get; private set; }
    public int Wards { get; private set; }
    public int Lsoas { get; private set; }
    public int Services { get; private set; }
    public int Networks { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var names = await db.LocalAuthorities.OrderBy(a => a.Name).Select(a => a.Name).ToListAsync(cancellationToken);
        if (names.Count > 0)
        {
            AuthorityName = string.Join(" and ", names);
        }
        var byActivity = await db.Places.GroupBy(p => p.Activity).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        ActivePlaces = byActivity.GetValueOrDefault(Activity.Active);
        DormantPlaces = byActivity.GetValueOrDefault(Activity.Dormant);
        ClosedPlaces = byActivity.GetValueOrDefault(Activity.Closed);
        Wards = await db.Wards.CountAsync(cancellationToken);
        Lsoas = await db.Lsoas.CountAsync(cancellationToken);
        Services = await db.Services.CountAsync(cancellationToken);
        Networks = await db.ValueNetworks.CountAsync(cancellationToken);
    }
}

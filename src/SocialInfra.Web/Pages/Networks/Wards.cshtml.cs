using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SocialInfra.Data;
using SocialInfra.Networks;
using SocialInfra.Web.Map;

namespace SocialInfra.Web.Pages.Networks;

/// <summary>Connected provision by ward: open places in a value network, places standing alone, networks reaching each ward.</summary>
public class WardsModel(SocialInfraDbContext db, IOptionsSnapshot<MapOptions> options) : PageModel
{
    public string BoroughName { get; private set; } = "";
    public List<WardConnections> Wards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await MapView.LocalAuthorityAsync(db, options.Value, cancellationToken) is { } borough)
        {
            BoroughName = borough.Name;
            // Fewest connected first: where places most stand alone.
            Wards = (await ConnectedProvision.ByWardAsync(db, borough.Code, cancellationToken))
                .OrderBy(w => w.ConnectedShare ?? 2).ThenByDescending(w => w.IsolatedCount).ThenBy(w => w.WardName).ToList();
        }
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SocialInfra.Data;
using SocialInfra.Gaps;
using SocialInfra.Web.Map;

namespace SocialInfra.Web.Pages.Gaps;

/// <summary>How gap scores are worked out, with the borough's catchments as they are set now.</summary>
public class MethodModel(SocialInfraDbContext db, IOptionsSnapshot<MapOptions> options) : PageModel
{
    public List<Catchment> Catchments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await MapView.LocalAuthorityAsync(db, options.Value, cancellationToken) is { } borough)
        {
            Catchments = await db.CatchmentsAsync(borough.Code, cancellationToken);
        }
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Geography;
using SocialInfra.Places;

namespace SocialInfra.Web.Pages.Places;

public class DetailsModel(SocialInfraDbContext db) : PageModel
{
    public Place Place { get; private set; } = null!;
    public Ward? Ward { get; private set; }
    public List<string> Services { get; private set; } = [];
    public List<string> Networks { get; private set; } = [];

    /// <summary>The place's website as a link target, only when it is http(s): never a javascript: or data: URL.</summary>
    public Uri? SafeUrl => Uri.TryCreate(Place.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var place = await db.Places.AsNoTracking().AsSplitQuery()
            .Include(p => p.Category).Include(p => p.OwnerOrganisation)
            .Include(p => p.ActivityPeriods).Include(p => p.WardsServed)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (place is null)
        {
            return NotFound();
        }
        Place = place;
        Ward = place.Location is null ? null : await db.WardContainingAsync(place.Location, cancellationToken);
        Services = await db.Services.Where(s => s.DeliveredAt.Any(p => p.Id == id)).OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(cancellationToken);
        Networks = await db.ValueNetworks.Where(n => n.Members.Any(m => m.PlaceId == id)).OrderBy(n => n.Name).Select(n => n.Name).ToListAsync(cancellationToken);
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using SocialInfra.Accounts;
using SocialInfra.Auditing;
using SocialInfra.Data;
using SocialInfra.Geography;
using SocialInfra.Places;
using SocialInfra.Web.Map;

namespace SocialInfra.Web.Pages.Places;

public class DetailsModel(SocialInfraDbContext db, IOptionsSnapshot<MapOptions> options) : PageModel
{
    public Place Place { get; private set; } = null!;
    public PlaceDetails Details { get; private set; } = null!;
    public MapView? Map { get; private set; }
    public bool MayEdit { get; private set; }
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];

    /// <summary>Submissions about this place waiting for an officer, for staff who may see them.</summary>
    public int PendingChanges { get; private set; }

    [TempData]
    public string? Banner { get; set; }

    /// <summary>The place's website as a link target, only when it is http(s): never a javascript: or data: URL.</summary>
    public Uri? SafeUrl => Uri.TryCreate(Place.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var place = await db.Places.AsNoTracking().AsSplitQuery()
            .Include(p => p.Category).Include(p => p.OwnerOrganisation)
            .Include(p => p.WardsServed)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (place is null)
        {
            return NotFound();
        }
        Place = place;
        MayEdit = User.MayEditRecordOf(place.OwnerOrganisationId);
        var staff = User.MayEdit();
        History = (await AuditHistory.ForPlaceAsync(db, id, withSubmissions: staff, cancellationToken)).Select(e => PlaceHistory.Describe(e, showPeople: User.Identity?.IsAuthenticated == true)).ToList();
        if (MayEdit)
        {
            PendingChanges = await db.PlaceSubmissions.CountAsync(s => s.PlaceId == id && s.Status == SubmissionStatus.Pending, cancellationToken);
        }
        Details = await PlaceDetails.LoadAsync(db, id, place.Location, cancellationToken);
        // The place's ward names its authority; only a place outside every ward needs the configured one looked up.
        var authority = place.Location is null ? null
            : Details.Ward?.LocalAuthorityCode ?? (await MapView.LocalAuthorityAsync(db, options.Value, cancellationToken))?.Code;
        if (place.Location is not null && authority is not null)
        {
            Map = await MapView.CreateAsync(db, options.Value, $"Map round {place.Name}", authority,
                new Envelope(place.Location.Coordinate), cancellationToken) with
            {
                Place = place.Id,
                ListHref = "/Places",
            };
        }
        return Page();
    }
}

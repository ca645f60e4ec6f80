using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using SocialInfra.Data;
using SocialInfra.Networks;
using SocialInfra.Web.Map;
using SocialInfra.Web.Networks;

namespace SocialInfra.Web.Pages.Networks;

/// <summary>One network: its values and members, the figures, a graph and a map, and the tables both stand for.</summary>
public class NetworkModel(SocialInfraDbContext db, IOptionsSnapshot<MapOptions> options) : PageModel
{
    public ValueNetwork Network { get; private set; } = null!;
    public NetworkFigures Figures { get; private set; } = null!;
    public NetworkDiagram Diagram { get; private set; } = null!;
    public IReadOnlyList<string> Coordinators { get; private set; } = [];
    public MapOptions MapSettings => options.Value;
    public string MapBounds { get; private set; } = "";
    public int MembersOnMap { get; private set; }
    public bool MayCoordinate { get; private set; }
    public bool MayPropose { get; private set; }
    public int PendingRequests { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.ValueNetworks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken) is not { } network
            || await NetworkFigures.ForNetworkAsync(db, id, cancellationToken) is not { } figures)
        {
            return NotFound();
        }
        (Network, Figures, Diagram) = (network, figures, NetworkDiagram.Of(figures));
        MayCoordinate = await User.MayCoordinateAsync(db, id, cancellationToken);
        MayPropose = User.MayProposeJoining() && !MayCoordinate;
        if (User.Identity?.IsAuthenticated == true)
        {
            // Names of council and VCFSE staff are for colleagues who sign in, not the public.
            Coordinators = await db.NetworkCoordinators.Where(c => c.NetworkId == id)
                .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => u.DisplayName).OrderBy(n => n).ToListAsync(cancellationToken);
        }
        if (MayCoordinate)
        {
            PendingRequests = await db.MembershipRequests.CountAsync(r => r.NetworkId == id && r.Status == RequestStatus.Pending, cancellationToken);
        }
        var located = figures.Members.Where(m => m.Location is not null).Select(m => m.Location!.Coordinate).ToList();
        MembersOnMap = located.Count;
        var bounds = located.Count > 0 ? new Envelope(located) : (await MapView.LocalAuthorityAsync(db, options.Value, cancellationToken))?.Bounds;
        if (bounds is not null)
        {
            // A lone place, or several close together, still opens on its streets rather than at the highest zoom.
            bounds.ExpandBy(Math.Max(0, 0.004 - bounds.Width / 2), Math.Max(0, 0.0025 - bounds.Height / 2));
            MapBounds = MapView.Text(bounds);
        }
        return Page();
    }
}

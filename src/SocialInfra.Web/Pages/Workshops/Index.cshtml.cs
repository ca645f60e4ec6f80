using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Accounts;
using SocialInfra.Data;
using SocialInfra.Web.Workshops;
using SocialInfra.Workshops;

namespace SocialInfra.Web.Pages.Workshops;

/// <summary>The workshops: a facilitator sees their own; officers and administrators see every workshop's record.</summary>
[Authorize(Roles = WorkshopAccess.Roles)]
public class IndexModel(SocialInfraDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Title, string Code, WorkshopState State, string FacilitatorName, DateTimeOffset CreatedAt, int Wards, int Participants, int Contributions, bool MayRun);

    public IReadOnlyList<Row> Workshops { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var seesAll = User.IsOfficer();
        var me = User.UserId();
        var admin = User.IsInRole(Roles.Admin);
        Workshops = await db.WorkshopSessions.AsNoTracking()
            .Where(s => seesAll || s.FacilitatorId == me)
            .OrderByDescending(s => s.CreatedAt)
            .Select(s => new Row(s.Id, s.Title, s.Code, s.State, s.FacilitatorName, s.CreatedAt, s.Wards.Count,
                db.WorkshopParticipants.Count(p => p.SessionId == s.Id),
                db.Contributions.Count(c => c.SessionId == s.Id && c.Status == ContributionStatus.Shown),
                admin || s.FacilitatorId == me))
            .ToListAsync(cancellationToken);
    }
}

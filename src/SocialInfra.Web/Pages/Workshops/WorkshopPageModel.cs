using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Web.Workshops;
using SocialInfra.Workshops;

namespace SocialInfra.Web.Pages.Workshops;

/// <summary>A page about one workshop, for those who run it (or, for the record, officers too): anyone else gets 403, an unknown id 404.</summary>
[Authorize(Roles = WorkshopAccess.Roles)]
public abstract class WorkshopPageModel(SocialInfraDbContext db) : PageModel
{
    protected SocialInfraDbContext Db { get; } = db;

    public WorkshopSession Session { get; private set; } = null!;

    /// <summary>The link participants follow (and the QR code holds).</summary>
    public string JoinUrl => $"{Request.Scheme}://{Request.Host}/join?code={Session.Code}";

    /// <summary>Loads the workshop, or the response for someone who may not see it.</summary>
    protected async Task<IActionResult?> LoadSessionAsync(Guid id, bool recordOnly, CancellationToken cancellationToken)
    {
        var session = await Db.WorkshopSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return NotFound();
        }
        if (!(recordOnly ? User.MayReadRecord(session) : User.MayRun(session)))
        {
            return Forbid();
        }
        Session = session;
        return null;
    }
}

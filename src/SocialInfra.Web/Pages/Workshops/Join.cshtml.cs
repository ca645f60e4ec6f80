using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialInfra.Data;
using SocialInfra.Web.Forms;
using SocialInfra.Web.Workshops;
using SocialInfra.Workshops;

namespace SocialInfra.Web.Pages.Workshops;

/// <summary>Joining a workshop from a phone: the code on the screen (or in the QR code's link) and a name to be seen by. No account.</summary>
public class JoinModel(SocialInfraDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? DisplayName { get; set; }

    public FormErrors Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Someone who has joined already, following the link again, goes straight back in.
        if (await WorkshopRoom.FindAsync(db, Code, cancellationToken) is { State: not WorkshopState.Ended } session
            && await WorkshopAccess.ParticipantAsync(db, HttpContext, session, cancellationToken) is not null)
        {
            return RedirectToPage("Room", new { code = session.Code });
        }
        Code = WorkshopRoom.NormaliseCode(Code) is { Length: > 0 } code ? code : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        WorkshopAccess.NameInAudit(HttpContext, WorkshopRoom.NormaliseCode(Code), DisplayName?.Trim() ?? "");
        var result = await WorkshopRoom.JoinAsync(db, Code, DisplayName, clock.GetUtcNow(), cancellationToken);
        if (result.Outcome != RoomOutcome.Done)
        {
            Errors.AddRange(result.Errors);
            return Page();
        }
        var session = (await WorkshopRoom.FindAsync(db, Code, cancellationToken))!;
        WorkshopAccess.RememberParticipant(Response, session, result.Value.Token);
        return RedirectToPage("Room", new { code = session.Code });
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialInfra.Geography;
using SocialInfra.Accounts;
using SocialInfra.Data;
using SocialInfra.Web.Forms;
using SocialInfra.Web.Map;
using SocialInfra.Workshops;

namespace SocialInfra.Web.Pages.Workshops;

/// <summary>Setting up a workshop: a title, the wards it covers and each participant's dots.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Roles = $"{Roles.Facilitator},{Roles.Admin}")]
public class CreateModel(SocialInfraDbContext db, IOptionsSnapshot<MapOptions> options, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public List<string> WardCodes { get; set; } = [];
    [BindProperty] public string? DotBudget { get; set; } = "5";

    public string BoroughName { get; private set; } = "";
    public IReadOnlyList<(string Code, string Name)> Wards { get; private set; } = [];
    public FormErrors Errors { get; } = new() { Anchors = { [nameof(WorkshopDraft.WardCodes)] = "WardCodes-0" } };

    private string _borough = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        int? dots = int.TryParse(DotBudget, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null;
        var result = await WorkshopRoom.CreateAsync(db, _borough, new WorkshopDraft(Title, WardCodes, dots),
            User.UserId()!.Value, User.DisplayName(), clock.GetUtcNow(), cancellationToken);
        if (result.Outcome != RoomOutcome.Done)
        {
            Errors.AddRange(result.Errors);
            return Page();
        }
        TempData["Banner"] = $"Workshop set up. Participants join with the code {result.Value!.Code}.";
        return RedirectToPage("Session", new { id = result.Value.Id });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await MapView.LocalAuthorityAsync(db, options.Value, cancellationToken) is not { } authority)
        {
            return false;
        }
        (_borough, BoroughName) = (authority.Code, authority.Name);
        Wards = (await db.CurrentWards(authority.Code).OrderBy(w => w.Name).Select(w => new { w.Code, w.Name }).ToListAsync(cancellationToken))
            .Select(w => (w.Code, w.Name)).ToList();
        return true;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Accounts;
using SocialInfra.Data;
using SocialInfra.Places;
using SocialInfra.Web.Forms;

namespace SocialInfra.Web.Pages.Places;

/// <summary>"Last verified" prompts: the places nobody has confirmed for twelve months, for their organisation to check.</summary>
[Authorize(Roles = Roles.Editors)]
public class CheckModel(SocialInfraDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Category, string? Organisation, DateOnly? LastVerifiedOn, uint Version);

    public IReadOnlyList<Row> Places { get; private set; } = [];
    public FormErrors Errors { get; } = [];

    [TempData]
    public string? Banner { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Confirms the details are still right: the place leaves the list for another year.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, uint version, CancellationToken cancellationToken)
    {
        var place = await db.Places.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (place is null)
        {
            return NotFound();
        }
        if (!User.MayEditRecordOf(place.OwnerOrganisationId))
        {
            return Forbid();
        }
        var result = await PlaceChanges.ConfirmStillCorrectAsync(db, place, version, clock.GetUtcNow(), cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            Banner = $"Thank you: {place.Name} is confirmed as correct today.";
            return RedirectToPage();
        }
        db.ChangeTracker.Clear();
        Errors.Add($"place-{id}", $"{place.Name} was changed by someone else just now. Check its details again before confirming");
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = PlaceChanges.UkDate(clock.GetUtcNow());
        var places = db.Places.AsNoTracking().NotConfirmedForAYear(today);
        if (!User.IsOfficer())
        {
            var organisation = User.OrganisationId();
            places = places.Where(p => p.OwnerOrganisationId == organisation);
        }
        Places = await places
            .OrderBy(p => p.LastVerifiedOn.HasValue).ThenBy(p => p.LastVerifiedOn).ThenBy(p => p.Name)
            .Select(p => new Row(p.Id, p.Name, p.Category!.Name, p.OwnerOrganisation!.Name, p.LastVerifiedOn, p.Version))
            .Take(500)
            .ToListAsync(cancellationToken);
    }
}

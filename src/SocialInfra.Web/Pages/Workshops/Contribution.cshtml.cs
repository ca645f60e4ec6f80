using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Places;
using SocialInfra.Web.Forms;
using SocialInfra.Workshops;

namespace SocialInfra.Web.Pages.Workshops;

/// <summary>The facilitator corrects a contribution's words or kind of place; a version check stops two people overwriting each other.</summary>
public class ContributionModel(SocialInfraDbContext db) : WorkshopPageModel(db)
{
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? CategorySlug { get; set; }
    [BindProperty] public int EditVersion { get; set; }

    public ContributionView Contribution { get; private set; } = null!;
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    // Only the words and the kind of place can be changed here: any other field's error is shown at the words.
    public FormErrors Errors { get; } = new() { Anchors = { ["PlaceId"] = "Text", ["Latitude"] = "Text", ["Postcode"] = "Text", ["WardCode"] = "Text", [""] = "Text" } };

    public async Task<IActionResult> OnGetAsync(Guid id, Guid contributionId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, contributionId, cancellationToken) is { } away)
        {
            return away;
        }
        (Text, CategorySlug, EditVersion) = (Contribution.Text, Contribution.CategorySlug, Contribution.EditVersion);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid contributionId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, contributionId, cancellationToken) is { } away)
        {
            return away;
        }
        var result = await WorkshopRoom.EditAsync(Db, Session, contributionId, Text, CategorySlug, EditVersion, cancellationToken);
        switch (result.Outcome)
        {
            case RoomOutcome.Done:
                TempData["Banner"] = $"Changed: {RoomView.Headline(result.Value!)}";
                return RedirectToPage("Session", new { id });
            case RoomOutcome.Conflict:
                // Show what it says now, keeping what the facilitator typed, so they can decide.
                Errors.Add(nameof(Text), $"{RoomResult<object>.Explain(result.Outcome)}. It now says \"{Contribution.Text}\". Check your change and save again");
                EditVersion = Contribution.EditVersion;
                return Page();
            case RoomOutcome.Invalid:
                Errors.AddRange(result.Errors);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid contributionId, CancellationToken cancellationToken)
    {
        if (await LoadSessionAsync(id, recordOnly: false, cancellationToken) is { } away)
        {
            return away;
        }
        var contribution = await WorkshopRoom.Views(Db, Db.Contributions.AsNoTracking().Where(c => c.Id == contributionId && c.SessionId == id))
            .FirstOrDefaultAsync(cancellationToken);
        if (contribution is null || contribution.Status == ContributionStatus.Merged || Session.State == WorkshopState.Ended)
        {
            return NotFound();
        }
        Contribution = contribution;
        Categories = await Db.Categories.AsNoTracking().Where(c => c.Slug != CategoryTaxonomy.DigitalSpace).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return null;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialInfra.Accounts;
using SocialInfra.Auditing;
using SocialInfra.Data;
using SocialInfra.Places;
using SocialInfra.Web.Accounts;
using SocialInfra.Web.Forms;
using SocialInfra.Web.Map;
using SocialInfra.Web.Pages.Places;

namespace SocialInfra.Web.Pages.Moderation;

/// <summary>One submission beside the published place it would change: approve it, or return it with a reason.</summary>
[Authorize(Roles = Roles.Officers)]
public class ReviewModel(SocialInfraDbContext db, IActor actor, IOptionsSnapshot<MapOptions> options, TimeProvider clock) : PageModel
{
    public PlaceSubmission Submission { get; private set; } = null!;
    public Place? Current { get; private set; }
    public PlaceVersionsView Versions { get; private set; } = null!;
    public string? OrganisationName { get; private set; }

    /// <summary>The place has been changed since the submitter saw it.</summary>
    public bool PlaceChanged => Current is not null && Current.Version != Submission.BaseVersion;

    [BindProperty]
    public uint Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool ApproveOverChanges { get; set; }

    public FormErrors Errors { get; } = [];

    public bool AlreadyReviewed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Version = Submission.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var authority = (await MapView.LocalAuthorityAsync(db, options.Value, cancellationToken))?.Code ?? "";
        var (result, place) = await PlaceChanges.ApproveAsync(db, Submission, Version, ApproveOverChanges, authority,
            User.AsEditor(actor.Name), clock.GetUtcNow(), cancellationToken);
        switch (result.Outcome)
        {
            case ChangeOutcome.Saved:
                TempData["Banner"] = $"{place!.Name} has been published.";
                return Redirect($"/Places/{place.Id}");
            case ChangeOutcome.Invalid:
                Errors.AddRange(result.Errors.Select(e => new FieldError("versions", $"It cannot be published as it is: {e.Message}. Return it with this reason.")));
                return Page();
            default:
                return await ConflictAsync(id, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var result = await PlaceChanges.ReturnAsync(db, Submission, Version, Reason, User.AsEditor(actor.Name), clock.GetUtcNow(), cancellationToken);
        switch (result.Outcome)
        {
            case ChangeOutcome.Saved:
                TempData["Banner"] = $"{Submission.Name} has been returned to {OrganisationName} with your reason.";
                return RedirectToPage("/Moderation/Index");
            case ChangeOutcome.Invalid:
                Errors.AddRange(result.Errors);
                return Page();
            default:
                return await ConflictAsync(id, cancellationToken);
        }
    }

    // The submission was changed or reviewed meanwhile, or the place changed and the officer has not yet said to approve anyway.
    private async Task<IActionResult> ConflictAsync(Guid id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        Version = Submission.Version;
        Errors.Add(PlaceChanged && Submission.Status == SubmissionStatus.Pending ? nameof(ApproveOverChanges) : "versions",
            Submission.Status != SubmissionStatus.Pending
                ? $"This submission has already been {EnumText.Lower(Submission.Status)} by {Submission.ReviewedByName}"
                : PlaceChanged
                    ? "The place has changed since this was sent. Compare the versions, then confirm you want to approve it anyway, or return it"
                    : "The submission changed while you were reviewing it. Check the proposed version again");
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var submission = await db.PlaceSubmissions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (submission is null)
        {
            return false;
        }
        Submission = submission;
        AlreadyReviewed = submission.Status != SubmissionStatus.Pending;
        OrganisationName = await db.Organisations.Where(o => o.Id == submission.OrganisationId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        Current = submission.PlaceId is { } placeId ? await PlaceChanges.LoadForEditAsync(db, placeId, cancellationToken) : null;
        var published = Current is null || submission.Status == SubmissionStatus.Approved ? null : await PlaceDraft.OfAsync(db, Current, cancellationToken);
        Versions = new PlaceVersionsView(
            Current is null || submission.Status == SubmissionStatus.Approved ? "What was sent" : "What would change",
            Current is null ? "Now (a new place)" : "Published now",
            "Proposed",
            await PlaceVersions.CompareAsync(db, published, submission.Draft, cancellationToken));
        return true;
    }
}

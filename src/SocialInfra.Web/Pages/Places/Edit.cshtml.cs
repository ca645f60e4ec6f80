using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialInfra.Accounts;
using SocialInfra.Auditing;
using SocialInfra.Data;
using SocialInfra.Geography;
using SocialInfra.Places;
using SocialInfra.Web.Accounts;
using SocialInfra.Web.Forms;
using SocialInfra.Web.Map;

namespace SocialInfra.Web.Pages.Places;

/// <summary>
/// Adding or changing a place. Officers publish at once; VCFSE staff send it for review, and may change only their
/// organisation's places. Editing a submission that is waiting or was returned uses the same form.
/// </summary>
[Authorize(Roles = Roles.Editors)]
public class EditModel(SocialInfraDbContext db, IActor actor, IOptionsSnapshot<MapOptions> options, TimeProvider clock) : PageModel
{
    [BindProperty]
    public PlaceForm Place { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid? Submission { get; set; }

    public Place? Existing { get; private set; }
    public PlaceSubmission? Open { get; private set; }
    public FormErrors Errors { get; } = PlaceForm.NewErrors();

    /// <summary>Set when someone else saved first: their version beside this person's.</summary>
    public PlaceVersionsView? Conflict { get; private set; }
    public string? ConflictBy { get; private set; }

    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Wards { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name, string Organisation)> Services { get; private set; } = [];
    public string? OwnOrganisationName { get; private set; }
    public MapView? Map { get; private set; }
    private (string Code, string Name, NetTopologySuite.Geometries.Envelope Bounds)? _authority;

    public bool Publishes => User.IsOfficer();

    public string Heading => Existing is not null ? $"Change {Existing.Name}" : Open is not null ? $"Change your submission: {Open.Draft.Name}" : "Add a place";

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (Open is null && Existing is not null && !User.IsOfficer()
            && await OpenSubmissionForAsync(Existing.Id, cancellationToken) is { } open)
        {
            // One open change per place and organisation: carry on with it rather than start another.
            return RedirectToPage(new { id, submission = open });
        }
        Place = Open is not null ? PlaceForm.Of(Open.Draft, Open.Version)
            : Existing is not null ? PlaceForm.Of(await PlaceDraft.OfAsync(db, Existing, cancellationToken), Existing.Version)
            : new PlaceForm { Ownership = User.IsOfficer() ? null : Ownership.Community, OwnerOrganisationId = User.OrganisationId() };
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        var draft = Place.ToDraft(Errors);
        if (!User.IsOfficer())
        {
            draft = draft with { OwnerOrganisationId = User.OrganisationId() };
        }
        var (checkedDraft, problems) = await draft.CheckAsync(db, _authority?.Code ?? "", Existing, cancellationToken);
        Errors.AddRange(problems.Where(p => !Errors.Has(p.Field)));
        if (Errors.Count > 0)
        {
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        var editor = User.AsEditor(actor.Name);
        var now = clock.GetUtcNow();
        if (User.IsOfficer())
        {
            var place = Existing ?? PlaceChanges.NewPlace(checkedDraft, editor.Name, now);
            var published = await PlaceChanges.PublishAsync(db, place, checkedDraft, Place.Version, editor, now, cancellationToken);
            if (published.Outcome == ChangeOutcome.Saved)
            {
                TempData["Banner"] = Existing is null ? $"{place.Name} has been published." : $"Your changes to {place.Name} have been published.";
                return Redirect($"/Places/{place.Id}");
            }
        }
        else
        {
            if (Open is null && Existing is not null && await OpenSubmissionForAsync(Existing.Id, cancellationToken) is { } openId)
            {
                Open = await db.PlaceSubmissions.FindAsync([openId], cancellationToken);
            }
            var (submitted, submission) = await PlaceChanges.SubmitAsync(db, Existing, Open, checkedDraft, Place.Version, editor, now, cancellationToken);
            if (submitted.Outcome == ChangeOutcome.Saved)
            {
                TempData["Banner"] = $"{checkedDraft.Name} has been sent to the council for review. It will appear on the map once an officer approves it.";
                return RedirectToPage("/Submissions/Index", new { highlight = submission!.Id });
            }
        }
        await ShowConflictAsync(checkedDraft, cancellationToken);
        return Page();
    }

    // Someone else saved first: show their version beside this one; saving again means choosing this one knowingly.
    private async Task ShowConflictAsync(PlaceDraft yours, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var placeId = Existing?.Id;
        Existing = placeId is { } pid ? await PlaceChanges.LoadForEditAsync(db, pid, cancellationToken) : null;
        if (Open is not null)
        {
            Open = await db.PlaceSubmissions.AsNoTracking().SingleAsync(s => s.Id == Open.Id, cancellationToken);
        }
        else if (!User.IsOfficer() && placeId is { } p && await OpenSubmissionForAsync(p, cancellationToken) is { } openId)
        {
            Open = await db.PlaceSubmissions.AsNoTracking().SingleAsync(s => s.Id == openId, cancellationToken);
        }

        PlaceDraft theirs;
        if (Open is not null)
        {
            theirs = Open.Draft;
            Place.Version = Open.Version;
            ConflictBy = Open.ReviewedAt > Open.SubmittedAt
                ? $"{Open.ReviewedByName} ({EnumText.Lower(Open.Status)}) on {Open.ReviewedAt:d MMMM yyyy 'at' HH:mm}"
                : $"{Open.SubmittedByName} on {Open.SubmittedAt:d MMMM yyyy 'at' HH:mm}";
        }
        else
        {
            theirs = await PlaceDraft.OfAsync(db, Existing!, cancellationToken);
            Place.Version = Existing!.Version;
            var last = await db.AuditEntries.Where(a => a.EntityType == nameof(SocialInfra.Places.Place) && a.EntityId == Existing.Id.ToString())
                .OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
            ConflictBy = last is null ? null : $"{last.ChangedBy} on {last.ChangedAt:d MMMM yyyy 'at' HH:mm}";
        }
        Conflict = new PlaceVersionsView("Their version and yours", "Saved by someone else", "Yours (not saved)",
            await PlaceVersions.CompareAsync(db, theirs, yours, cancellationToken));
        Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadChoicesAsync(cancellationToken);
    }

    /// <summary>Finds what is being edited and checks this user may edit it; a result means stop and return it.</summary>
    private async Task<IActionResult?> LoadAsync(Guid? id, CancellationToken cancellationToken)
    {
        _authority = await MapView.LocalAuthorityAsync(db, options.Value, cancellationToken);
        if (Submission is { } submissionId)
        {
            Open = await db.PlaceSubmissions.SingleOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
            if (Open is null || (id is not null && Open.PlaceId != id))
            {
                return NotFound();
            }
            if (User.IsOfficer())
            {
                return RedirectToPage("/Moderation/Review", new { id = Open.Id });
            }
            if (Open.OrganisationId != User.OrganisationId())
            {
                return Forbid();
            }
            if (!Open.IsOpen)
            {
                return RedirectToPage("/Submissions/Index");
            }
        }
        var placeId = Open?.PlaceId ?? id;
        if (placeId is { } pid)
        {
            Existing = await PlaceChanges.LoadForEditAsync(db, pid, cancellationToken);
            if (Existing is null)
            {
                return NotFound();
            }
            if (!User.MayEditRecordOf(Existing.OwnerOrganisationId))
            {
                return Forbid();
            }
        }
        else if (!User.MayAdd())
        {
            return Forbid();
        }
        return null;
    }

    private Task<Guid?> OpenSubmissionForAsync(Guid placeId, CancellationToken cancellationToken)
    {
        var organisation = User.OrganisationId();
        return db.PlaceSubmissions
            .Where(s => s.PlaceId == placeId && s.OrganisationId == organisation
                && (s.Status == SubmissionStatus.Pending || s.Status == SubmissionStatus.Returned))
            .OrderByDescending(s => s.SubmittedAt).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        Wards = await FormChoices.WardsAsync(db, _authority?.Code ?? "", cancellationToken);
        var organisation = User.OrganisationId();
        if (User.IsOfficer())
        {
            Organisations = await FormChoices.OrganisationsAsync(db, cancellationToken);
        }
        else
        {
            OwnOrganisationName = await db.Organisations.Where(o => o.Id == organisation).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        }
        var services = db.Services.AsQueryable();
        if (!User.IsOfficer())
        {
            services = services.Where(s => s.OrganisationId == organisation);
        }
        Services = (await services.OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, Organisation = s.Organisation!.Name }).ToListAsync(cancellationToken))
            .Select(s => (s.Id, s.Name, s.Organisation)).ToList();

        if (_authority is { } authority)
        {
            Map = new MapView("Map for picking the place's point", authority.Code, authority.Bounds, options.Value);
        }
    }
}

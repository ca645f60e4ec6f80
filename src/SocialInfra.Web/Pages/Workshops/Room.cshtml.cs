using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialInfra.Data;
using SocialInfra.Places;
using SocialInfra.Web.Forms;
using SocialInfra.Web.Map;
using SocialInfra.Web.Workshops;
using SocialInfra.Workshops;

namespace SocialInfra.Web.Pages.Workshops;

/// <summary>
/// The participant's room on their phone: the workshop's map and everything on it, three short forms (a missing place,
/// a dormant or lost place, what is needed) and their dots. It works without JavaScript; with it, changes arrive live
/// and what is added with no connection waits on the phone until it can be sent.
/// </summary>
public class RoomModel(SocialInfraDbContext db, IOptionsSnapshot<MapOptions> options, TimeProvider clock) : PageModel
{
    /// <summary>Which of the three forms was sent: errors are shown on that one.</summary>
    public const string PlaceForm = "place", StatusForm = "status", NoteForm = "note";

    public sealed class ContributionInput
    {
        public string Form { get; set; } = PlaceForm;
        public Guid ClientId { get; set; }
        public ContributionKind? Kind { get; set; }
        public string? Text { get; set; }
        public string? CategorySlug { get; set; }
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }
        public string? Postcode { get; set; }
        public Guid? PlaceId { get; set; }
        public string? WardCode { get; set; }
    }

    [BindProperty] public ContributionInput Input { get; set; } = new();

    public RoomView Room { get; private set; } = null!;
    public WorkshopParticipant Participant { get; private set; } = null!;
    public IReadOnlyList<Category> Categories { get; private set; } = [];

    /// <summary>The recorded physical places in the workshop's wards, for marking one dormant or lost.</summary>
    public IReadOnlyList<(Guid Id, string Name, string Ward, Activity Activity)> Places { get; private set; } = [];

    public FormErrors Errors { get; } = [];
    [TempData] public string? Banner { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostContributeAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } away)
        {
            return away;
        }
        var form = Input.Form is PlaceForm or StatusForm or NoteForm ? Input.Form : PlaceForm;
        var result = await WorkshopRoom.ContributeAsync(db, Room.Session, Participant, new ContributionDraft
        {
            ClientId = Input.ClientId,
            Kind = form switch { PlaceForm => ContributionKind.MissingPlace, NoteForm => ContributionKind.GapNote, _ => Input.Kind },
            Text = Input.Text,
            CategorySlug = Input.CategorySlug,
            Latitude = Input.Latitude,
            Longitude = Input.Longitude,
            Postcode = Input.Postcode,
            PlaceId = Input.PlaceId,
            WardCode = Input.WardCode,
        }, clock.GetUtcNow(), cancellationToken);
        if (result.Outcome != RoomOutcome.Done)
        {
            // A point is chosen on the map (no input of its own): its error points at the field beside the map button.
            Errors.Anchors[$"{PlaceForm}-Latitude"] = $"{PlaceForm}-Postcode";
            Errors.Anchors[$"{NoteForm}-Latitude"] = $"{NoteForm}-WardCode";
            Errors.Anchors[$"{NoteForm}-Postcode"] = $"{NoteForm}-WardCode";
            foreach (var error in result.Errors)
            {
                // Locked or ended: the forms are gone, so the message points at the notice that says so.
                Errors.Add(error.Field.Length == 0 ? "room-state" : $"{form}-{error.Field}", error.Message);
            }
            return Page();
        }
        Banner = $"Added to the map: {RoomView.Headline(result.Value!)}";
        return RedirectToPage(new { code = Room.Session.Code });
    }

    public async Task<IActionResult> OnPostVoteAsync(string code, Guid contributionId, int dots, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } away)
        {
            return away;
        }
        var result = await WorkshopRoom.VoteAsync(db, Room.Session, Participant, contributionId, dots, cancellationToken);
        if (result.Outcome != RoomOutcome.Done)
        {
            // A contribution hidden or merged meanwhile is no longer listed: the message points at the list.
            Errors.Add(result.Outcome == RoomOutcome.NotFound || Room.State.Contributions.All(c => c.Id != contributionId) ? "on-the-map" : $"dots-{contributionId}",
                result.Errors[0].Message);
            return Page();
        }
        Banner = $"You have {result.Value!.MyDots} {(result.Value.MyDots == 1 ? "dot" : "dots")} on {RoomView.Headline(result.Value.Contribution)}; {result.Value.DotsLeft} left";
        return RedirectToPage(new { code = Room.Session.Code });
    }

    /// <summary>Loads the room for this browser's participant; anyone else is sent to join it first.</summary>
    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var session = await WorkshopRoom.FindAsync(db, code, cancellationToken);
        if (session is null)
        {
            return NotFound();
        }
        if (await WorkshopAccess.ParticipantAsync(db, HttpContext, session, cancellationToken) is not { } participant)
        {
            return RedirectToPage("Join", new { code = session.Code });
        }
        WorkshopAccess.NameInAudit(HttpContext, session, participant);
        Participant = participant;
        Room = await RoomView.LoadAsync(db, session, participant, options.Value, cancellationToken);
        Categories = await db.Categories.AsNoTracking().Where(c => c.Slug != CategoryTaxonomy.DigitalSpace).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var wardIds = WorkshopRoom.WardsOf(db, session.Id);
        Places = (await db.Places.AsNoTracking()
                .Where(p => p.Presence == Presence.Physical && p.Location != null)
                .SelectMany(p => wardIds.Where(w => w.Boundary.Covers(p.Location!)).Take(1), (p, w) => new { p.Id, p.Name, Ward = w.Name, p.Activity })
                .OrderBy(p => p.Ward).ThenBy(p => p.Name)
                .ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.Name, p.Ward, p.Activity)).ToList();
        return null;
    }
}

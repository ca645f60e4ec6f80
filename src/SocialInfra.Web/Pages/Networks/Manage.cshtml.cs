using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Accounts;
using SocialInfra.Data;
using SocialInfra.Networks;
using SocialInfra.Places;
using SocialInfra.Web.Forms;

namespace SocialInfra.Web.Pages.Networks;

/// <summary>
/// A coordinator's page for one network: members and their roles, relationships, coordinators, and requests to join.
/// Each form posts to its own handler and comes back here (post/redirect/get), or shows what was wrong with it.
/// </summary>
[Authorize]
public class ManageModel(SocialInfraDbContext db, TimeProvider clock) : PageModel
{
    public sealed record MemberRow(Guid Id, string Name, MemberKind Kind, string? Role, uint Version);
    public sealed record RelationshipRow(Guid Id, string From, RelationshipKind Kind, string To, string? Description);
    public sealed record CoordinatorRow(Guid UserId, string Name, string? Email);
    public sealed record RequestRow(Guid Id, string Name, MemberKind Kind, string Organisation, string ProposedBy, DateTimeOffset ProposedAt, string? Role, string? Message, uint Version);

    [BindProperty] public string? Member { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public Guid? From { get; set; }
    [BindProperty] public Guid? To { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public uint Version { get; set; }

    public ValueNetwork Network { get; private set; } = null!;
    public List<MemberRow> Members { get; private set; } = [];
    public List<RelationshipRow> Relationships { get; private set; } = [];
    public List<CoordinatorRow> Coordinators { get; private set; } = [];
    public List<RequestRow> Requests { get; private set; } = [];
    public IReadOnlyList<(MemberKind Kind, IReadOnlyList<(string Value, string Name)> Choices)> Candidates { get; private set; } = [];
    public FormErrors Errors { get; } = new() { Anchors = { ["Coordinator"] = "coordinators" } };

    /// <summary>The row whose form failed, so its input shows the error and keeps what was typed.</summary>
    public Guid? FailedRow { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public Task<IActionResult> OnPostAddMemberAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "members", async () =>
        {
            MemberRef? subject = MemberRef.TryParse(Member, out var chosen) ? chosen : null;
            var result = await NetworkRecordKeeping.AddMemberAsync(db, id, subject, Role, cancellationToken);
            return (result.Outcome, result.Errors, $"{await NameAsync(subject)} has joined the network.");
        }, cancellationToken);

    public Task<IActionResult> OnPostRoleAsync(Guid id, Guid memberId, CancellationToken cancellationToken) =>
        ChangeAsync(id, $"member-{memberId}", async () =>
        {
            var result = await NetworkRecordKeeping.ChangeRoleAsync(db, id, memberId, Role, Version, cancellationToken);
            FailedRow = memberId;
            return (result.Outcome, result.Errors.Select(e => e with { Field = $"Role-{memberId}" }).ToList(), "The role has been saved.");
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveMemberAsync(Guid id, Guid memberId, CancellationToken cancellationToken) =>
        ChangeAsync(id, "members", async () =>
        {
            var result = await NetworkRecordKeeping.RemoveMemberAsync(db, id, memberId, cancellationToken);
            return (result.Outcome, result.Errors, "The member and its relationships have been removed.");
        }, cancellationToken);

    public Task<IActionResult> OnPostAddRelationshipAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "relationships", async () =>
        {
            RelationshipKind? kind = EnumText.TryParse<RelationshipKind>(Kind, out var k) ? k : null;
            var result = await NetworkRecordKeeping.AddRelationshipAsync(db, id, From, To, kind, Description, cancellationToken);
            return (result.Outcome, result.Errors, "The relationship has been recorded.");
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveRelationshipAsync(Guid id, Guid relationshipId, CancellationToken cancellationToken) =>
        ChangeAsync(id, "relationships", async () =>
        {
            var result = await NetworkRecordKeeping.RemoveRelationshipAsync(db, id, relationshipId, cancellationToken);
            return (result.Outcome, result.Errors, "The relationship has been removed.");
        }, cancellationToken);

    public Task<IActionResult> OnPostAddCoordinatorAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "coordinators", async () =>
        {
            var result = await NetworkRecordKeeping.AddCoordinatorAsync(db, id, Email, cancellationToken);
            return (result.Outcome, result.Errors, $"{result.Value?.DisplayName} now coordinates the network.");
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveCoordinatorAsync(Guid id, Guid userId, CancellationToken cancellationToken) =>
        ChangeAsync(id, "coordinators", async () =>
        {
            var result = await NetworkRecordKeeping.RemoveCoordinatorAsync(db, id, userId, cancellationToken);
            return (result.Outcome, result.Errors, "They no longer coordinate the network.");
        }, cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, Guid requestId, CancellationToken cancellationToken) =>
        ChangeAsync(id, "requests", async () =>
        {
            var result = await NetworkRecordKeeping.AcceptAsync(db, id, requestId, Version, User.DisplayName(), clock.GetUtcNow(), cancellationToken);
            return (result.Outcome, result.Errors, "The request has been accepted: the member has joined.");
        }, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, Guid requestId, CancellationToken cancellationToken) =>
        ChangeAsync(id, "requests", async () =>
        {
            var result = await NetworkRecordKeeping.DeclineAsync(db, id, requestId, Version, Reason, User.DisplayName(), clock.GetUtcNow(), cancellationToken);
            FailedRow = requestId;
            return (result.Outcome, result.Errors.Select(e => e with { Field = $"Reason-{requestId}" }).ToList(), "The request has been declined.");
        }, cancellationToken);

    private async Task<IActionResult> ChangeAsync(
        Guid id, string section, Func<Task<(NetworkOutcome Outcome, IReadOnlyList<FieldError> Errors, string Banner)>> change, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        var (outcome, errors, banner) = await change();
        switch (outcome)
        {
            case NetworkOutcome.Done:
                TempData["Banner"] = banner;
                return Redirect($"/Networks/{id}/Manage#{section}");
            case NetworkOutcome.Invalid:
                Errors.AddRange(errors);
                break;
            default:
                // Gone or changed meanwhile: say so, and show the network as it now is.
                Errors.Add(section, outcome == NetworkOutcome.NotFound
                    ? "That has already been removed or answered by someone else"
                    : "Someone else changed this while you were looking at it: the page now shows the latest version");
                Errors.Anchors[section] = section;
                Response.StatusCode = StatusCodes.Status409Conflict;
                FailedRow = null;
                break;
        }
        db.ChangeTracker.Clear();
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult?> RefuseAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await db.ValueNetworks.AnyAsync(n => n.Id == id, cancellationToken))
        {
            return NotFound();
        }
        return await User.MayCoordinateAsync(db, id, cancellationToken) ? null : Forbid();
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Errors.Count == 0 && await RefuseAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        Network = await db.ValueNetworks.AsNoTracking().SingleAsync(n => n.Id == id, cancellationToken);
        var members = await db.NetworkMembers.AsNoTracking().Where(m => m.NetworkId == id)
            .Select(m => new { m.Id, m.OrganisationId, m.PlaceId, m.Role, m.Version, Name = m.Organisation!.Name ?? m.Place!.Name ?? m.Service!.Name })
            .ToListAsync(cancellationToken);
        Members = members.Select(m => new MemberRow(m.Id, m.Name, m.OrganisationId is not null ? MemberKind.Organisation : m.PlaceId is not null ? MemberKind.Place : MemberKind.Service, m.Role, m.Version))
            .OrderBy(m => m.Name).ToList();
        var names = Members.ToDictionary(m => m.Id, m => m.Name);
        Relationships = (await db.NetworkRelationships.AsNoTracking().Where(r => r.NetworkId == id).ToListAsync(cancellationToken))
            .Select(r => new RelationshipRow(r.Id, names[r.FromMemberId], r.Kind, names[r.ToMemberId], r.Description))
            .OrderBy(r => r.From).ThenBy(r => r.To).ThenBy(r => r.Kind).ToList();
        Coordinators = (await db.NetworkCoordinators.Where(c => c.NetworkId == id).Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { u.Id, u.DisplayName, u.Email })
                .OrderBy(u => u.DisplayName).ToListAsync(cancellationToken))
            .Select(u => new CoordinatorRow(u.Id, u.DisplayName, u.Email)).ToList();
        var requests = await db.MembershipRequests.AsNoTracking().Where(r => r.NetworkId == id && r.Status == RequestStatus.Pending)
            .OrderBy(r => r.ProposedAt)
            .Select(r => new
            {
                Request = r,
                Name = db.Organisations.Where(o => o.Id == r.OrganisationId).Select(o => o.Name).FirstOrDefault()
                    ?? db.Places.Where(p => p.Id == r.PlaceId).Select(p => p.Name).FirstOrDefault()
                    ?? db.Services.Where(s => s.Id == r.ServiceId).Select(s => s.Name).FirstOrDefault(),
                Organisation = db.Organisations.Where(o => o.Id == r.ProposedByOrganisationId).Select(o => o.Name).First(),
            })
            .ToListAsync(cancellationToken);
        Requests = requests.Select(r => new RequestRow(r.Request.Id, r.Name ?? "", r.Request.Subject.Kind, r.Organisation, r.Request.ProposedByName,
            r.Request.ProposedAt, r.Request.Role, r.Request.Message, r.Request.Version)).ToList();

        var organisations = await db.Organisations.AsNoTracking().Where(o => !db.NetworkMembers.Any(m => m.NetworkId == id && m.OrganisationId == o.Id))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var places = await db.Places.AsNoTracking().Where(p => p.Activity != Activity.Closed && !db.NetworkMembers.Any(m => m.NetworkId == id && m.PlaceId == p.Id))
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.Postcode }).ToListAsync(cancellationToken);
        var services = await db.Services.AsNoTracking().Where(s => !db.NetworkMembers.Any(m => m.NetworkId == id && m.ServiceId == s.Id))
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, Provider = s.Organisation!.Name }).ToListAsync(cancellationToken);
        Candidates =
        [
            (MemberKind.Organisation, organisations.Select(o => (new MemberRef(MemberKind.Organisation, o.Id).ToString(), o.Name)).ToList()),
            (MemberKind.Place, places.Select(p => (new MemberRef(MemberKind.Place, p.Id).ToString(), p.Postcode is null ? p.Name : $"{p.Name} ({p.Postcode})")).ToList()),
            (MemberKind.Service, services.Select(s => (new MemberRef(MemberKind.Service, s.Id).ToString(), $"{s.Name} ({s.Provider})")).ToList()),
        ];
        return Page();
    }

    private async Task<string> NameAsync(MemberRef? subject) =>
        subject is { } s ? await NetworkRecordKeeping.NameOfAsync(db, s) ?? "The member" : "The member";
}

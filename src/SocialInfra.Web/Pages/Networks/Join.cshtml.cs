using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Accounts;
using SocialInfra.Data;
using SocialInfra.Networks;
using SocialInfra.Web.Forms;

namespace SocialInfra.Web.Pages.Networks;

/// <summary>VCFSE staff ask for their organisation, or one of its places or services, to join a network, and see the answers.</summary>
[Authorize(Roles = Roles.VcfseStaff)]
public class JoinModel(SocialInfraDbContext db, TimeProvider clock) : PageModel
{
    public sealed record RequestRow(Guid Id, string Name, RequestStatus Status, DateTimeOffset ProposedAt, string? Reason);

    [BindProperty] public string? Member { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? Message { get; set; }

    public ValueNetwork Network { get; private set; } = null!;
    public List<(string Value, string Name, MemberKind Kind)> Choices { get; private set; } = [];
    public List<RequestRow> Requests { get; private set; } = [];
    public FormErrors Errors { get; } = new() { Anchors = { ["Member"] = "Member-0" } };

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.OrganisationId() is not { } organisation)
        {
            return Forbid();
        }
        MemberRef? subject = MemberRef.TryParse(Member, out var chosen) ? chosen : null;
        var result = await NetworkRecordKeeping.ProposeAsync(db, id, subject, Role, Message, User.UserId()!.Value, User.DisplayName(), organisation, clock.GetUtcNow(), cancellationToken);
        switch (result.Outcome)
        {
            case NetworkOutcome.Done:
                TempData["Banner"] = "Your request has been sent. The network's coordinators will answer it; the answer will show on this page.";
                return Redirect($"/Networks/{id}/Join");
            case NetworkOutcome.NotFound:
                return NotFound();
            default:
                Errors.AddRange(result.Errors);
                return await ShowAsync(id, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid requestId, CancellationToken cancellationToken)
    {
        if (User.OrganisationId() is not { } organisation)
        {
            return Forbid();
        }
        var result = await NetworkRecordKeeping.WithdrawAsync(db, requestId, organisation, User.DisplayName(), clock.GetUtcNow(), cancellationToken);
        if (result.Outcome == NetworkOutcome.NotFound)
        {
            return NotFound();
        }
        TempData["Banner"] = result.Outcome == NetworkOutcome.Done ? "Your request has been withdrawn." : "The coordinators had already answered that request.";
        return Redirect($"/Networks/{id}/Join");
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.ValueNetworks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken) is not { } network)
        {
            return NotFound();
        }
        if (User.OrganisationId() is not { } organisation)
        {
            return Forbid();
        }
        Network = network;
        Choices = (await NetworkRecordKeeping.HeldByAsync(db, organisation, cancellationToken))
            .Select(c => (c.Subject.ToString(), c.Name, c.Subject.Kind)).ToList();
        var requests = await db.MembershipRequests.AsNoTracking()
            .Where(r => r.NetworkId == id && r.ProposedByOrganisationId == organisation)
            .OrderByDescending(r => r.ProposedAt).ToListAsync(cancellationToken);
        var names = Choices.ToDictionary(c => c.Value, c => c.Name);
        Requests = requests.Select(r => new RequestRow(r.Id, names.GetValueOrDefault(r.Subject.ToString(), ""), r.Status, r.ProposedAt, r.Reason)).ToList();
        return Page();
    }
}

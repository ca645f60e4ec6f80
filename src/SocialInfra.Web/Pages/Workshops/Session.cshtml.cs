using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Accounts;
using SocialInfra.Data;
using SocialInfra.Places;
using SocialInfra.Web.Accounts;
using SocialInfra.Web.Workshops;
using SocialInfra.Workshops;

namespace SocialInfra.Web.Pages.Workshops;

/// <summary>
/// The facilitator's console: the join code and QR code, every contribution (hidden and merged ones too) with hide,
/// edit and merge, and locking and ending the workshop. It refreshes itself as the room changes.
/// </summary>
public class SessionModel(SocialInfraDbContext db, TimeProvider clock) : WorkshopPageModel(db)
{
    public IReadOnlyList<string> WardNames { get; private set; } = [];
    public int Participants { get; private set; }
    public IReadOnlyList<ContributionView> Contributions { get; private set; } = [];
    public string QrCode { get; private set; } = "";
    public string? Problem { get; private set; }
    [TempData] public string? Banner { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostLockAsync(Guid id, bool locked, CancellationToken cancellationToken) =>
        ActAsync(id, async () => await WorkshopRoom.SetLockedAsync(Db, Session, locked, cancellationToken),
            locked ? "The map is locked: participants can still move their dots." : "The map is open again.", cancellationToken);

    public Task<IActionResult> OnPostHideAsync(Guid id, Guid contributionId, bool hidden, int editVersion, CancellationToken cancellationToken) =>
        ActAsync(id, () => WorkshopRoom.SetHiddenAsync(Db, Session, contributionId, hidden, editVersion, cancellationToken),
            hidden ? "Hidden from the room." : "Shown to the room again.", cancellationToken);

    public Task<IActionResult> OnPostMergeAsync(Guid id, string? from, Guid? into, CancellationToken cancellationToken)
    {
        // "from" carries the version the facilitator saw: "id:version".
        var parts = (from ?? "").Split(':');
        if (parts.Length != 2 || !Guid.TryParse(parts[0], out var fromId) || !int.TryParse(parts[1], out var version) || into is null)
        {
            return ActAsync(id, () => Task.FromResult(RoomOutcome.Invalid), "", cancellationToken);
        }
        return ActAsync(id, () => WorkshopRoom.MergeAsync(Db, Session, fromId, into.Value, version, cancellationToken),
            "Merged: the dots have moved across.", cancellationToken);
    }

    public Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => WorkshopRoom.EndAsync(Db, Session, User.AsEditor(User.DisplayName()), clock.GetUtcNow(), cancellationToken),
            "The workshop has ended. Its missing, dormant and lost places are in the moderation queue.", cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<RoomOutcome>> act, string done, CancellationToken cancellationToken)
    {
        if (await LoadSessionAsync(id, recordOnly: false, cancellationToken) is { } away)
        {
            return away;
        }
        var outcome = await act();
        if (outcome == RoomOutcome.Done)
        {
            Banner = done;
            return RedirectToPage(new { id });
        }
        Problem = outcome == RoomOutcome.Invalid ? "Choose two different contributions to merge" : RoomResult<object>.Explain(outcome);
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadSessionAsync(id, recordOnly: false, cancellationToken) is { } away)
        {
            return away;
        }
        WardNames = await WorkshopRoom.WardsOf(Db, id).OrderBy(w => w.Name).Select(w => w.Name).ToListAsync(cancellationToken);
        Participants = await Db.WorkshopParticipants.CountAsync(p => p.SessionId == id, cancellationToken);
        Contributions = await WorkshopRoom.Views(Db, Db.Contributions.AsNoTracking().Where(c => c.SessionId == id).OrderBy(c => c.CreatedAt))
            .ToListAsync(cancellationToken);
        QrCode = QrCodeSvg.Draw(JoinUrl, $"QR code for {JoinUrl}");
        return null;
    }
}

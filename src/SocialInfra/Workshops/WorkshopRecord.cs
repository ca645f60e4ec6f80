using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Gaps;
using SocialInfra.Geography;

namespace SocialInfra.Workshops;

/// <summary>What a workshop leaves behind: the gap scores of its wards before it, and with what the room reported.</summary>
public static class WorkshopRecord
{
    /// <summary>
    /// The composite gap score and rank of each of the workshop's wards, as recorded now and as if its shown contributions
    /// were on the map: missing places counted as open, dormant and lost places as not. Ranks are within the whole borough.
    /// </summary>
    public static async Task<WorkshopGapRecord> GapsAsync(SocialInfraDbContext db, WorkshopSession session, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var shown = await db.Contributions.AsNoTracking()
            .Where(c => c.SessionId == session.Id && c.Status == ContributionStatus.Shown && c.Kind != ContributionKind.GapNote)
            .Select(c => new { c.Kind, c.CategorySlug, c.Location, c.PlaceId })
            .ToListAsync(cancellationToken);
        var question = new GapQuestion(session.LocalAuthorityCode)
        {
            Added = shown.Where(c => c.Kind == ContributionKind.MissingPlace && c.Location is not null && c.CategorySlug is not null)
                .Select(c => new HypotheticalPlace(c.CategorySlug!, c.Location!)).ToList(),
            Closed = shown.Where(c => c.PlaceId is not null && c.Kind is ContributionKind.DormantPlace or ContributionKind.LostPlace)
                .Select(c => c.PlaceId!.Value).Distinct().ToList(),
        };
        var analysis = await db.AnalyseAsync(question, cancellationToken);
        var codes = await WorkshopRoom.WardsOf(db, session.Id).Select(w => w.Code).ToListAsync(cancellationToken);
        var wards = (analysis?.Wards ?? []).Where(w => codes.Contains(w.Code))
            .OrderBy(w => w.Name)
            .Select(w => new WorkshopWardGap(w.Code, w.Name, (w.Before ?? w).GapScore, (w.Before ?? w).Rank, w.GapScore, w.Rank))
            .ToList();
        return new WorkshopGapRecord(at, wards);
    }

    /// <summary>The record as it stands: frozen once the workshop has ended, worked out afresh while it runs.</summary>
    public static async Task<WorkshopGapRecord> CurrentGapsAsync(SocialInfraDbContext db, WorkshopSession session, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        session.GapRecord ?? await GapsAsync(db, session, now, cancellationToken);
}

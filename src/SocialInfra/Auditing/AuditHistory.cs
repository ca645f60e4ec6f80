using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Places;

namespace SocialInfra.Auditing;

/// <summary>The recorded history of one place: its own changes, its activity periods, wards served, services and submissions.</summary>
public static class AuditHistory
{
    public const string WardServedLink = "PlaceWardServed";
    public const string ServiceLink = "ServicePlace";

    /// <summary>Newest first. Submissions (proposals not yet public) only when <paramref name="withSubmissions"/>.</summary>
    public static async Task<List<AuditEntry>> ForPlaceAsync(SocialInfraDbContext db, Guid placeId, bool withSubmissions, CancellationToken cancellationToken = default)
    {
        var id = placeId.ToString();
        var periodIds = await db.ActivityPeriods.Where(p => p.PlaceId == placeId).Select(p => p.Id.ToString()).ToListAsync(cancellationToken);
        var submissionIds = withSubmissions
            ? await db.PlaceSubmissions.Where(s => s.PlaceId == placeId).Select(s => s.Id.ToString()).ToListAsync(cancellationToken)
            : [];
        // Link rows are keyed "placeId/wardId" or "serviceId/placeId": the place's id appears in the key.
        return await db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == nameof(Place) && a.EntityId == id)
                || ((a.EntityType == WardServedLink || a.EntityType == ServiceLink) && a.EntityId.Contains(id))
                || (a.EntityType == nameof(ActivityPeriod) && periodIds.Contains(a.EntityId))
                || (a.EntityType == nameof(PlaceSubmission) && submissionIds.Contains(a.EntityId)))
            .OrderByDescending(a => a.ChangedAt).ThenByDescending(a => a.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
    }
}

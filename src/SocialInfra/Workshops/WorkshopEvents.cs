using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;

namespace SocialInfra.Workshops;

/// <summary>
/// What the room hears: each change is announced with PostgreSQL NOTIFY inside the transaction that makes it, so the
/// announcement goes out only if the change is committed, in commit order, to every app instance listening on the
/// channel. Each instance passes it on to the browsers connected to it (the web app's WorkshopBroadcaster).
/// </summary>
public static class WorkshopEvents
{
    public const string Channel = "socialinfra_workshops";

    /// <summary>How events are written: the browser's names and enum spellings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A contribution was added, edited, shown again or had its dots changed.</summary>
    public static Task ContributionAsync(SocialInfraDbContext db, Guid sessionId, ContributionView contribution, CancellationToken cancellationToken) =>
        NotifyAsync(db, sessionId, new { type = "contribution", contribution }, cancellationToken);

    /// <summary>A contribution left the map: hidden or merged into another.</summary>
    public static Task WithdrawnAsync(SocialInfraDbContext db, Guid sessionId, Guid id, int revision, CancellationToken cancellationToken) =>
        NotifyAsync(db, sessionId, new { type = "withdrawn", id, revision }, cancellationToken);

    /// <summary>The workshop was locked, opened again or ended.</summary>
    public static Task StateAsync(SocialInfraDbContext db, Guid sessionId, WorkshopState state, CancellationToken cancellationToken) =>
        NotifyAsync(db, sessionId, new { type = "state", state }, cancellationToken);

    private static Task NotifyAsync(SocialInfraDbContext db, Guid sessionId, object message, CancellationToken cancellationToken)
    {
        // The session id (32 hex digits) first, then the event as the browsers will get it; well under NOTIFY's 8,000 bytes.
        var payload = sessionId.ToString("N") + JsonSerializer.Serialize(message, Json);
        return db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", cancellationToken);
    }

    /// <summary>Splits a notification into the session it is for and the event to pass on.</summary>
    public static bool TryRead(string payload, out Guid sessionId, out string message)
    {
        message = payload.Length > 32 ? payload[32..] : "";
        return Guid.TryParseExact(payload.AsSpan(0, Math.Min(32, payload.Length)), "N", out sessionId) && message.Length > 0;
    }
}

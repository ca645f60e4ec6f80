namespace SocialInfra.Auditing;

/// <summary>One recorded change to a place, service, network or organisation: who, when, before and after.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public AuditAction Action { get; set; }
    public required string ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>JSON of the changed properties before the change; null when created.</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the changed properties after the change; null when deleted.</summary>
    public string? After { get; set; }
}

/// <summary>What happened to the audited record.</summary>
public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>Names who is making the current change, e.g. the signed-in user.</summary>
public interface IActor
{
    /// <summary>
    /// Room for the longest name an actor has: a user's display name (200) and email address (256), as
    /// "Ann Officer (ann@council.example)", with a few words more ("…, workshop ABC123").
    /// </summary>
    const int MaximumNameLength = 500;

    string Name { get; }
}

/// <summary>The actor for background work: seeding and command-line imports.</summary>
public sealed class SystemActor(string name = "system") : IActor
{
    public string Name { get; } = name;
}

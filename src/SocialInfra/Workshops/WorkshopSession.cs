using NetTopologySuite.Geometries;
using SocialInfra.Geography;
using SocialInfra.Places;

namespace SocialInfra.Workshops;

/// <summary>
/// A gap-analysis workshop: a facilitator's room of residents and partners mapping a set of wards together. Participants
/// join by its short code without an account; what they add is never published until an officer approves it.
/// </summary>
public class WorkshopSession
{
    public const int MinimumDots = 1;
    public const int MaximumDots = 20;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>What participants type to join: six letters and digits, none that are easily confused (no 0/O, 1/I/L).</summary>
    public required string Code { get; set; }
    public required string Title { get; set; }
    public required string LocalAuthorityCode { get; set; }
    public List<Ward> Wards { get; set; } = [];

    /// <summary>Each participant's fixed number of dots to vote with.</summary>
    public int DotBudget { get; set; } = 5;
    public WorkshopState State { get; set; } = WorkshopState.Open;

    public Guid FacilitatorId { get; set; }
    public required string FacilitatorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The gap scores before and after, frozen when the workshop ends; null while it runs.</summary>
    public WorkshopGapRecord? GapRecord { get; set; }

    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; set; }
}

/// <summary>Where a workshop stands.</summary>
public enum WorkshopState
{
    /// <summary>Participants add contributions and vote.</summary>
    Open,

    /// <summary>The map is locked: nothing can be added; dots can still be moved.</summary>
    Locked,

    /// <summary>Over: contributions have gone to the moderation queue and the record is frozen.</summary>
    Ended,
}

/// <summary>Someone in the room, known by the name they chose; their browser holds a secret token, of which only the hash is kept.</summary>
public class WorkshopParticipant
{
    public const int MaximumNameLength = 40;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SessionId { get; set; }
    public required string DisplayName { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}

/// <summary>Something a participant puts on the map: a missing place, a dormant or lost place, or a note of what is needed.</summary>
public class Contribution
{
    public const int MaximumTextLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SessionId { get; set; }
    public Guid ParticipantId { get; set; }

    /// <summary>Chosen by the participant's browser, so a contribution sent again after a dropped connection is kept once.</summary>
    public Guid ClientId { get; set; }
    public ContributionKind Kind { get; set; }

    /// <summary>The missing place's name, or the note ("We need somewhere for teenagers after school").</summary>
    public required string Text { get; set; }
    public string? CategorySlug { get; set; }
    public Point? Location { get; set; }

    /// <summary>The recorded place said to be dormant or lost.</summary>
    public Guid? PlaceId { get; set; }
    public Place? Place { get; set; }
    public int WardId { get; set; }
    public Ward? Ward { get; set; }

    public ContributionStatus Status { get; set; } = ContributionStatus.Shown;
    public Guid? MergedIntoId { get; set; }

    /// <summary>All dots on it, kept up to date under a row lock so that every broadcast tally is exact.</summary>
    public int Dots { get; set; }

    /// <summary>Goes up with every change, so a browser can tell a late message from a newer one.</summary>
    public int Revision { get; set; }

    /// <summary>Goes up when the facilitator edits, hides or merges it: the concurrency check for those (votes do not conflict).</summary>
    public int EditVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The moderation-queue submission made from it when the workshop ended.</summary>
    public Guid? SubmissionId { get; set; }
}

/// <summary>What a contribution says.</summary>
public enum ContributionKind
{
    /// <summary>A place that exists but is not on the map.</summary>
    MissingPlace,

    /// <summary>A recorded place that is not active now.</summary>
    DormantPlace,

    /// <summary>A recorded place that has closed for good.</summary>
    LostPlace,

    /// <summary>"We need…": a gap the room has noticed.</summary>
    GapNote,
}

/// <summary>Whether a contribution is seen by the room.</summary>
public enum ContributionStatus
{
    Shown,
    Hidden,

    /// <summary>Folded into another contribution, which took its dots.</summary>
    Merged,
}

/// <summary>A participant's dots on one contribution.</summary>
public class Vote
{
    public Guid ParticipantId { get; set; }
    public Guid ContributionId { get; set; }
    public int Dots { get; set; }
}

/// <summary>The session's wards' gap scores (composite) before the workshop and with its contributions counted.</summary>
public sealed record WorkshopGapRecord(DateTimeOffset WorkedOutAt, IReadOnlyList<WorkshopWardGap> Wards);

/// <summary>One ward's gap score and rank in the borough, as it was and with the workshop's missing, dormant and lost places.</summary>
public sealed record WorkshopWardGap(string Code, string Name, double? GapBefore, int? RankBefore, double? GapAfter, int? RankAfter);

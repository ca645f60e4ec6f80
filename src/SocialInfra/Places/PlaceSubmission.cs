using SocialInfra.Organisations;

namespace SocialInfra.Places;

/// <summary>
/// A new place or a change to one, proposed by VCFSE staff. The public sees nothing of it until a council
/// officer approves it; a returned submission carries the officer's reason and can be changed and sent again.
/// </summary>
public class PlaceSubmission
{
    public const int ReturnReasonLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The place being changed; null for a new place until it is approved.</summary>
    public Guid? PlaceId { get; set; }
    public Place? Place { get; set; }

    /// <summary>The place's version the change was made from: an approval over a newer version is a conflict.</summary>
    public uint? BaseVersion { get; set; }

    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    private PlaceDraft _draft = new();

    /// <summary>What is proposed, whole; setting it also sets <see cref="Name"/>.</summary>
    public required PlaceDraft Draft
    {
        get => _draft;
        set
        {
            _draft = value;
            Name = value.Name;
        }
    }

    /// <summary>The proposed name, kept beside the draft so lists can show and sort by it.</summary>
    public string Name { get; private set; } = "";
    public SubmissionStatus Status { get; set; } = SubmissionStatus.Pending;

    public Guid SubmittedById { get; set; }
    public required string SubmittedByName { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }

    public string? ReviewedByName { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>Why an officer returned it: what the submitter should change.</summary>
    public string? ReturnReason { get; set; }

    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; set; }

    public bool IsOpen => Status is SubmissionStatus.Pending or SubmissionStatus.Returned;

    public void Approve(string officer, DateTimeOffset at, Guid placeId)
    {
        PlaceId = placeId;
        Status = SubmissionStatus.Approved;
        ReviewedByName = officer;
        ReviewedAt = at;
        ReturnReason = null;
    }

    public void Return(string officer, DateTimeOffset at, string reason)
    {
        Status = SubmissionStatus.Returned;
        ReviewedByName = officer;
        ReviewedAt = at;
        ReturnReason = reason.Trim();
    }

    /// <summary>Sends a changed draft back to the queue.</summary>
    public void Resubmit(PlaceDraft draft, Guid userId, string userName, DateTimeOffset at)
    {
        Draft = draft;
        Status = SubmissionStatus.Pending;
        SubmittedById = userId;
        SubmittedByName = userName;
        SubmittedAt = at;
    }
}

/// <summary>Where a submission stands in moderation.</summary>
public enum SubmissionStatus
{
    Pending,
    Approved,
    Returned,
    Withdrawn,
}

using SocialInfra.Places;

namespace SocialInfra.Web.Pages.Submissions;

/// <summary>A submission as the lists show it.</summary>
public sealed record SubmissionRow
{
    public Guid Id { get; init; }
    public Guid? PlaceId { get; init; }
    public required string Name { get; init; }
    /// <summary>The place's name now, for a change to a published place.</summary>
    public string? CurrentName { get; init; }
    public bool IsNewPlace { get; init; }
    public required string Organisation { get; init; }
    public SubmissionStatus Status { get; init; }
    public required string SubmittedBy { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public string? ReviewedBy { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
    public string? ReturnReason { get; init; }

    public static IQueryable<SubmissionRow> From(IQueryable<PlaceSubmission> submissions) =>
        submissions.Select(s => new SubmissionRow
        {
            Id = s.Id,
            PlaceId = s.PlaceId,
            Name = s.Name,
            // So an officer sees which place a change is to, even when the change renames it.
            CurrentName = s.Place != null ? s.Place.Name : null,
            IsNewPlace = s.BaseVersion == null,
            Organisation = s.Organisation!.Name,
            Status = s.Status,
            SubmittedBy = s.SubmittedByName,
            SubmittedAt = s.SubmittedAt,
            ReviewedBy = s.ReviewedByName,
            ReviewedAt = s.ReviewedAt,
            ReturnReason = s.ReturnReason,
        });

    public string StatusTagClass => Status switch
    {
        SubmissionStatus.Pending => "govuk-tag--blue",
        SubmissionStatus.Approved => "govuk-tag--green",
        SubmissionStatus.Returned => "govuk-tag--orange",
        _ => "govuk-tag--grey",
    };

    public string StatusText => Status switch
    {
        SubmissionStatus.Pending => "Waiting for review",
        SubmissionStatus.Approved => "Published",
        SubmissionStatus.Returned => "Returned",
        _ => "Withdrawn",
    };
}

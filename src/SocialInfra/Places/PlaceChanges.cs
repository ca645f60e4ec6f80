using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;

namespace SocialInfra.Places;

/// <summary>Who is making a change, as far as the rules need to know.</summary>
public sealed record Editor(Guid UserId, string Name, Guid? OrganisationId, bool IsOfficer)
{
    /// <summary>Officers change anything; others only what their organisation holds.</summary>
    public bool MayChange(Guid? organisationId) => IsOfficer || (organisationId is not null && organisationId == OrganisationId);
}

/// <summary>How a change ended: saved, or not saved because someone else changed the record first.</summary>
public enum ChangeOutcome
{
    Saved,
    Conflict,
    Invalid,
}

public sealed record ChangeResult(ChangeOutcome Outcome, IReadOnlyList<FieldError> Errors)
{
    public static readonly ChangeResult Saved = new(ChangeOutcome.Saved, []);
    public static readonly ChangeResult Conflict = new(ChangeOutcome.Conflict, []);
}

/// <summary>
/// The rules for changing places: officers publish at once; VCFSE staff submit, and an officer approves or returns.
/// Every change names the version it was made from, so nobody's change is silently overwritten.
/// </summary>
public static class PlaceChanges
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The date in the UK at <paramref name="at"/>: "last verified" and activity dates are UK dates.</summary>
    public static DateOnly UkDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, UkTime).DateTime);

    /// <summary>The place with everything an edit changes, tracked.</summary>
    public static Task<Place?> LoadForEditAsync(SocialInfraDbContext db, Guid id, CancellationToken cancellationToken = default) =>
        db.Places.AsSplitQuery().Include(p => p.WardsServed).Include(p => p.ActivityPeriods)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>A place made from a checked draft, not yet saved.</summary>
    public static Place NewPlace(PlaceDraft draft, string recordedBy, DateTimeOffset at) => new()
    {
        Name = draft.Name,
        CategorySlug = draft.CategorySlug,
        Provenance = new Provenance { Source = "manual", RecordedBy = recordedBy, RecordedAt = at },
    };

    /// <summary>An officer's edit or new place: public at once. <paramref name="expectedVersion"/> is the version the officer saw.</summary>
    public static async Task<ChangeResult> PublishAsync(
        SocialInfraDbContext db, Place place, PlaceDraft draft, uint expectedVersion, Editor editor, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (!editor.IsOfficer)
        {
            throw new InvalidOperationException("Only officers publish changes directly.");
        }
        var isNew = db.Entry(place).State is EntityState.Detached or EntityState.Added;
        if (!isNew)
        {
            if (place.Version != expectedVersion)
            {
                return ChangeResult.Conflict;
            }
            db.Entry(place).Property(p => p.Version).OriginalValue = expectedVersion;
        }
        await draft.ApplyToAsync(db, place, _ => true, UkDate(at), cancellationToken);
        place.Provenance.RecordedBy = editor.Name;
        place.Provenance.RecordedAt = at;
        if (isNew)
        {
            db.Places.Add(place);
        }
        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>
    /// VCFSE staff's new place or change: waits for an officer. Changing an open submission sends it again;
    /// <paramref name="expectedVersion"/> is the version of the submission, or of the place, that was edited.
    /// </summary>
    public static async Task<(ChangeResult Result, PlaceSubmission? Submission)> SubmitAsync(
        SocialInfraDbContext db, Place? place, PlaceSubmission? open, PlaceDraft draft, uint expectedVersion, Editor editor, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        if (editor.OrganisationId is not { } organisation)
        {
            throw new InvalidOperationException("Only someone who belongs to an organisation can submit places.");
        }
        // What VCFSE staff submit is always their own organisation's, and they choose only among its services:
        // other organisations' services at the place stay as they are.
        var ownServices = await db.Services.Where(s => s.OrganisationId == organisation && draft.ServiceIds.Contains(s.Id))
            .Select(s => s.Id).ToListAsync(cancellationToken);
        var othersHere = place is null ? [] : await db.Services
            .Where(s => s.OrganisationId != organisation && s.DeliveredAt.Any(p => p.Id == place.Id))
            .Select(s => s.Id).ToListAsync(cancellationToken);
        draft = draft with { OwnerOrganisationId = organisation, ServiceIds = [.. ownServices, .. othersHere] };
        if (open is not null)
        {
            if (open.Version != expectedVersion)
            {
                return (ChangeResult.Conflict, open);
            }
            db.Entry(open).Property(s => s.Version).OriginalValue = expectedVersion;
            open.Resubmit(draft, editor.UserId, editor.Name, at);
            return (await SaveAsync(db, cancellationToken), open);
        }
        if (place is not null && place.Version != expectedVersion)
        {
            return (ChangeResult.Conflict, null);
        }
        var submission = new PlaceSubmission
        {
            PlaceId = place?.Id,
            BaseVersion = place?.Version,
            OrganisationId = organisation,
            Draft = draft,
            SubmittedById = editor.UserId,
            SubmittedByName = editor.Name,
            SubmittedAt = at,
        };
        db.PlaceSubmissions.Add(submission);
        return (await SaveAsync(db, cancellationToken), submission);
    }

    /// <summary>
    /// Publishes a submission. When the place has changed since the submitter saw it, nothing happens unless the
    /// officer has seen both versions and chosen to approve anyway.
    /// </summary>
    public static async Task<(ChangeResult Result, Place? Place)> ApproveAsync(
        SocialInfraDbContext db, PlaceSubmission submission, uint expectedVersion, bool overPlaceChanges, string localAuthorityCode,
        Editor officer, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (!officer.IsOfficer)
        {
            throw new InvalidOperationException("Only officers approve submissions.");
        }
        if (submission.Version != expectedVersion || submission.Status != SubmissionStatus.Pending)
        {
            return (ChangeResult.Conflict, null);
        }
        var place = submission.PlaceId is { } id ? await LoadForEditAsync(db, id, cancellationToken) : null;
        if (place is not null && place.Version != submission.BaseVersion && !overPlaceChanges)
        {
            return (ChangeResult.Conflict, place);
        }
        // The borough, the services and the wards may have changed since it was sent: check again.
        var (draft, errors) = await submission.Draft.CheckAsync(db, localAuthorityCode, place, cancellationToken);
        if (errors.Count > 0)
        {
            return (new ChangeResult(ChangeOutcome.Invalid, errors), place);
        }
        var isNew = place is null;
        place ??= NewPlace(draft, submission.SubmittedByName, at);
        await draft.ApplyToAsync(db, place, s => s.OrganisationId == submission.OrganisationId, UkDate(at), cancellationToken);
        place.Provenance.RecordedBy = submission.SubmittedByName;
        place.Provenance.RecordedAt = at;
        if (isNew)
        {
            db.Places.Add(place);
        }
        db.Entry(submission).Property(s => s.Version).OriginalValue = expectedVersion;
        submission.Approve(officer.Name, at, place.Id);
        return (await SaveAsync(db, cancellationToken), place);
    }

    /// <summary>Sends a submission back to its organisation with the officer's reason; nothing is published.</summary>
    public static async Task<ChangeResult> ReturnAsync(
        SocialInfraDbContext db, PlaceSubmission submission, uint expectedVersion, string? reason, Editor officer, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        if (!officer.IsOfficer)
        {
            throw new InvalidOperationException("Only officers return submissions.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new ChangeResult(ChangeOutcome.Invalid, [new FieldError("Reason", "Enter the reason, so the submitter knows what to change")]);
        }
        if (reason.Trim().Length > PlaceSubmission.ReturnReasonLength)
        {
            return new ChangeResult(ChangeOutcome.Invalid, [new FieldError("Reason", $"Reason must be {PlaceSubmission.ReturnReasonLength:N0} characters or fewer")]);
        }
        if (submission.Version != expectedVersion || submission.Status != SubmissionStatus.Pending)
        {
            return ChangeResult.Conflict;
        }
        db.Entry(submission).Property(s => s.Version).OriginalValue = expectedVersion;
        submission.Return(officer.Name, at, reason);
        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>Records that the place's details were checked and are still right.</summary>
    public static async Task<ChangeResult> ConfirmStillCorrectAsync(
        SocialInfraDbContext db, Place place, uint expectedVersion, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (place.Version != expectedVersion)
        {
            return ChangeResult.Conflict;
        }
        db.Entry(place).Property(p => p.Version).OriginalValue = expectedVersion;
        place.LastVerifiedOn = UkDate(at);
        return await SaveAsync(db, cancellationToken);
    }

    private static async Task<ChangeResult> SaveAsync(SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ChangeResult.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangeResult.Conflict;
        }
    }
}

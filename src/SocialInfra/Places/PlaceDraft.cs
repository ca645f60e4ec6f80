using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Geography;
using SocialInfra.Services;

namespace SocialInfra.Places;

/// <summary>
/// Everything a person can set on a place, as they entered it: what an edit makes, or a submission proposes.
/// Stored whole with a submission, so an officer sees exactly what was asked for.
/// </summary>
public sealed record PlaceDraft
{
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public string CategorySlug { get; init; } = "";
    public Ownership Ownership { get; init; } = Ownership.Community;
    public Permanence Permanence { get; init; } = Permanence.Enduring;
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }

    public Activity Activity { get; init; } = Activity.Active;
    /// <summary>When the place entered <see cref="Activity"/>, if that is a change.</summary>
    public DateOnly? ActivitySince { get; init; }
    public string? ActivityNote { get; init; }

    public int? Capacity { get; init; }
    public Presence Presence { get; init; } = Presence.Physical;
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Address { get; init; }
    public string? Postcode { get; init; }
    public string? Url { get; init; }
    public List<int> WardIds { get; init; } = [];
    public List<string> AccessibilityFeatures { get; init; } = [];
    public string? OpeningHours { get; init; }
    public Guid? OwnerOrganisationId { get; init; }
    public List<Guid> ServiceIds { get; init; } = [];

    /// <summary>The place as it stands, in the same shape as an edit of it.</summary>
    public static async Task<PlaceDraft> OfAsync(SocialInfraDbContext db, Place place, CancellationToken cancellationToken = default)
    {
        var serviceIds = await db.Services.Where(s => s.DeliveredAt.Any(p => p.Id == place.Id))
            .OrderBy(s => s.Name).Select(s => s.Id).ToListAsync(cancellationToken);
        var current = place.ActivityPeriods.SingleOrDefault(p => p.EndsOn is null);
        return new PlaceDraft
        {
            Name = place.Name,
            Description = place.Description,
            CategorySlug = place.CategorySlug,
            Ownership = place.Ownership,
            Permanence = place.Permanence,
            StartsOn = place.StartsOn,
            EndsOn = place.EndsOn,
            Activity = place.Activity,
            ActivitySince = current?.StartsOn,
            ActivityNote = current?.Note,
            Capacity = place.Capacity,
            Presence = place.Presence,
            Latitude = place.Location?.Y,
            Longitude = place.Location?.X,
            Address = place.Address,
            Postcode = place.Postcode,
            Url = place.Url,
            WardIds = place.WardsServed.Select(w => w.Id).Order().ToList(),
            AccessibilityFeatures = [.. place.AccessibilityFeatures],
            OpeningHours = place.OpeningHours,
            OwnerOrganisationId = place.OwnerOrganisationId,
            ServiceIds = serviceIds,
        };
    }

    /// <summary>
    /// Checks the draft against the borough and the records it names, and finds the point of a postcode when no
    /// point was picked. Returns the draft ready to apply, or the problems, each naming its field.
    /// </summary>
    public async Task<(PlaceDraft Draft, List<FieldError> Errors)> CheckAsync(
        SocialInfraDbContext db, string localAuthorityCode, Place? existing, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var draft = this with
        {
            Name = Name.Trim(),
            // Written the usual way when it is a postcode; as typed (upper case) otherwise, so the error can quote it.
            Postcode = string.IsNullOrWhiteSpace(Postcode) ? null : Geography.Postcode.Normalise(Postcode) ?? Postcode.Trim().ToUpperInvariant(),
        };

        if (draft.Name.Length == 0)
        {
            errors.Add(new FieldError(nameof(Name), "Enter the name of the place"));
        }
        else if (draft.Name.Length > Place.NameLength)
        {
            errors.Add(new FieldError(nameof(Name), $"Name must be {Place.NameLength} characters or fewer"));
        }
        if (!await db.Categories.AnyAsync(c => c.Slug == draft.CategorySlug, cancellationToken))
        {
            errors.Add(new FieldError(nameof(CategorySlug), "Choose the kind of place"));
        }
        if (StartsOn is { } starts && EndsOn is { } ends && ends < starts)
        {
            errors.Add(new FieldError(nameof(EndsOn), $"End date must be the same as or after the start date ({starts:d MMMM yyyy})"));
        }
        if (Capacity < 0)
        {
            errors.Add(new FieldError(nameof(Capacity), "Capacity must be 0 or more"));
        }
        if (draft.Postcode is { } written && Geography.Postcode.Normalise(written) is null)
        {
            errors.Add(new FieldError(nameof(Postcode), $"Enter a real postcode, like RM10 9QH (you entered '{written}')"));
        }
        if (WebAddress.Problem(Url, Place.UrlLength) is { } urlProblem)
        {
            errors.Add(new FieldError(nameof(Url), urlProblem));
        }
        if (ActivityNote?.Trim().Length > ActivityPeriod.NoteLength)
        {
            errors.Add(new FieldError(nameof(ActivityNote), $"Note must be {ActivityPeriod.NoteLength:N0} characters or fewer"));
        }

        if (Presence == Presence.Physical)
        {
            draft = await LocateAsync(db, localAuthorityCode, draft, errors, cancellationToken);
        }
        else
        {
            draft = draft with { Latitude = null, Longitude = null };
            if (WardIds.Count == 0)
            {
                errors.Add(new FieldError(nameof(WardIds), "Choose at least one ward that this digital space serves"));
            }
        }
        var knownWards = await db.CurrentWards(localAuthorityCode).CountAsync(w => WardIds.Contains(w.Id), cancellationToken);
        if (knownWards != WardIds.Distinct().Count())
        {
            errors.Add(new FieldError(nameof(WardIds), "Choose wards from the list"));
        }
        if (OwnerOrganisationId is { } owner && !await db.Organisations.AnyAsync(o => o.Id == owner, cancellationToken))
        {
            errors.Add(new FieldError(nameof(OwnerOrganisationId), "Choose the organisation from the list"));
        }
        if (await db.Services.CountAsync(s => ServiceIds.Contains(s.Id), cancellationToken) != ServiceIds.Distinct().Count())
        {
            errors.Add(new FieldError(nameof(ServiceIds), "Choose services from the list"));
        }

        var current = existing?.ActivityPeriods.SingleOrDefault(p => p.EndsOn is null);
        if (existing is not null && Activity != existing.Activity && current?.StartsOn is { } since && ActivitySince is { } from && from < since)
        {
            errors.Add(new FieldError(nameof(ActivitySince),
                $"The date it became {EnumText.Lower(Activity)} must be on or after {since:d MMMM yyyy}, when it became {EnumText.Lower(existing.Activity)}"));
        }
        return (draft, errors);
    }

    private static async Task<PlaceDraft> LocateAsync(
        SocialInfraDbContext db, string localAuthorityCode, PlaceDraft draft, List<FieldError> errors, CancellationToken cancellationToken)
    {
        if (draft.Latitude is null != draft.Longitude is null)
        {
            errors.Add(new FieldError(draft.Latitude is null ? nameof(Latitude) : nameof(Longitude), "Enter both latitude and longitude, or pick the point on the map"));
            return draft;
        }
        if (draft.Latitude is null)
        {
            if (draft.Postcode is null)
            {
                errors.Add(new FieldError(nameof(Postcode), "Enter the postcode, or pick the point on the map"));
                return draft;
            }
            if (Geography.Postcode.Normalise(draft.Postcode) is not { } postcode)
            {
                return draft;
            }
            if (await db.LocatePostcodeAsync(postcode, cancellationToken) is not { } found)
            {
                errors.Add(new FieldError(nameof(Postcode), $"We could not find {postcode} in the postcode directory or among the borough's places. Pick the point on the map instead"));
                return draft;
            }
            draft = draft with { Latitude = Math.Round(found.Y, 6), Longitude = Math.Round(found.X, 6) };
        }
        if (draft.Latitude is not (>= -90 and <= 90) || draft.Longitude is not (>= -180 and <= 180))
        {
            errors.Add(new FieldError(nameof(Latitude), "Latitude must be between -90 and 90 and longitude between -180 and 180"));
            return draft;
        }
        var point = SpatialQueries.PointAt(draft.Longitude!.Value, draft.Latitude!.Value);
        if (!await db.IsInLocalAuthorityAsync(localAuthorityCode, point, cancellationToken))
        {
            var name = await db.LocalAuthorities.Where(a => a.Code == localAuthorityCode).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);
            errors.Add(new FieldError(nameof(Latitude), $"The point ({draft.Latitude:0.#####}, {draft.Longitude:0.#####}) is outside {name ?? "the borough"}. Pick a point inside the borough"));
        }
        return draft;
    }

    /// <summary>Makes the place match this checked draft. Links to services the editor may not change are left alone.</summary>
    public async Task ApplyToAsync(SocialInfraDbContext db, Place place, Func<Service, bool> mayChangeService, DateOnly today, CancellationToken cancellationToken = default)
    {
        place.Name = Name;
        place.Description = Blank(Description);
        place.CategorySlug = CategorySlug;
        place.Ownership = Ownership;
        place.Permanence = Permanence;
        place.StartsOn = StartsOn;
        place.EndsOn = EndsOn;
        place.Capacity = Capacity;
        place.Presence = Presence;
        var location = Presence == Presence.Physical && Latitude is { } lat && Longitude is { } lon ? SpatialQueries.PointAt(lon, lat) : null;
        if (location is null != place.Location is null || (location is not null && !location.EqualsExact(place.Location!)))
        {
            place.Location = location;
        }
        place.Address = Blank(Address);
        place.Postcode = Postcode is null ? null : Geography.Postcode.Normalise(Postcode) ?? Postcode;
        place.Url = Blank(Url);
        place.OpeningHours = Blank(OpeningHours);
        place.OwnerOrganisationId = OwnerOrganisationId;
        if (!place.AccessibilityFeatures.SequenceEqual(AccessibilityFeatures))
        {
            place.AccessibilityFeatures = [.. AccessibilityFeatures];
        }

        var wardIds = Presence == Presence.Digital ? WardIds : [];
        place.WardsServed.RemoveAll(w => !wardIds.Contains(w.Id));
        var missing = wardIds.Except(place.WardsServed.Select(w => w.Id)).ToList();
        place.WardsServed.AddRange(await db.Wards.Where(w => missing.Contains(w.Id)).ToListAsync(cancellationToken));

        if (place.ActivityPeriods.Count == 0)
        {
            place.ChangeActivity(Activity, ActivitySince, Blank(ActivityNote));
        }
        else if (Activity != place.Activity)
        {
            place.ChangeActivity(Activity, ActivitySince ?? today, Blank(ActivityNote));
        }

        var services = await db.Services.Include(s => s.DeliveredAt.Where(p => p.Id == place.Id))
            .Where(s => ServiceIds.Contains(s.Id) || s.DeliveredAt.Any(p => p.Id == place.Id))
            .ToListAsync(cancellationToken);
        foreach (var service in services.Where(mayChangeService))
        {
            var wanted = ServiceIds.Contains(service.Id);
            var there = service.DeliveredAt.Any(p => p.Id == place.Id);
            if (wanted && !there)
            {
                service.DeliveredAt.Add(place);
            }
            else if (!wanted && there)
            {
                service.DeliveredAt.RemoveAll(p => p.Id == place.Id);
            }
        }
        place.LastVerifiedOn = today;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

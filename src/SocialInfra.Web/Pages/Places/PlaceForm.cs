using System.Globalization;
using SocialInfra.Places;
using SocialInfra.Web.Forms;

namespace SocialInfra.Web.Pages.Places;

/// <summary>The place form as typed: numbers and dates stay text until checked, so a mistake is shown, never lost.</summary>
public sealed class PlaceForm
{
    /// <summary>Prefix of the inputs' ids (asp-for="Place.Name" gives id Place_Name).</summary>
    public const string IdPrefix = "Place_";

    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? CategorySlug { get; set; }
    public Ownership? Ownership { get; set; }
    public Permanence Permanence { get; set; }
    public DateInput StartsOn { get; set; } = new();
    public DateInput EndsOn { get; set; } = new();
    public Activity Activity { get; set; }
    public DateInput ActivitySince { get; set; } = new();
    public string? ActivityNote { get; set; }
    public string? Capacity { get; set; }
    public Presence Presence { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string? Url { get; set; }
    public List<int> WardIds { get; set; } = [];
    public List<string> AccessibilityFeatures { get; set; } = [];
    /// <summary>Features not in the common list, one per line.</summary>
    public string? OtherAccessibility { get; set; }
    public string? OpeningHours { get; set; }
    public Guid? OwnerOrganisationId { get; set; }
    public List<Guid> ServiceIds { get; set; } = [];

    /// <summary>The version of the place or submission the form was filled from.</summary>
    public uint Version { get; set; }

    public static FormErrors NewErrors()
    {
        var errors = new FormErrors { IdPrefix = IdPrefix };
        foreach (var date in new[] { nameof(StartsOn), nameof(EndsOn), nameof(ActivitySince) })
        {
            errors.Anchors[date] = $"{IdPrefix}{date}_Day";
        }
        errors.Anchors[nameof(Ownership)] = $"{IdPrefix}Ownership-0";
        errors.Anchors[nameof(WardIds)] = $"{IdPrefix}WardIds-0";
        errors.Anchors[nameof(ServiceIds)] = $"{IdPrefix}ServiceIds-0";
        return errors;
    }

    public static PlaceForm Of(PlaceDraft draft, uint version) => new()
    {
        Name = draft.Name,
        Description = draft.Description,
        CategorySlug = draft.CategorySlug,
        Ownership = draft.Ownership,
        Permanence = draft.Permanence,
        StartsOn = DateInput.Of(draft.StartsOn),
        EndsOn = DateInput.Of(draft.EndsOn),
        Activity = draft.Activity,
        ActivitySince = DateInput.Of(draft.ActivitySince),
        ActivityNote = draft.ActivityNote,
        Capacity = draft.Capacity?.ToString(CultureInfo.InvariantCulture),
        Presence = draft.Presence,
        Latitude = draft.Latitude?.ToString("0.######", CultureInfo.InvariantCulture),
        Longitude = draft.Longitude?.ToString("0.######", CultureInfo.InvariantCulture),
        Address = draft.Address,
        Postcode = draft.Postcode,
        Url = draft.Url,
        WardIds = [.. draft.WardIds],
        AccessibilityFeatures = draft.AccessibilityFeatures.Where(AccessibilityFeatureList.Common.Contains).ToList(),
        OtherAccessibility = string.Join('\n', draft.AccessibilityFeatures.Where(f => !AccessibilityFeatureList.Common.Contains(f))),
        OpeningHours = draft.OpeningHours,
        OwnerOrganisationId = draft.OwnerOrganisationId,
        ServiceIds = [.. draft.ServiceIds],
        Version = version,
    };

    /// <summary>The draft the form describes; what cannot be read (a date, a number) is reported against its field.</summary>
    public PlaceDraft ToDraft(FormErrors errors)
    {
        if (Ownership is null)
        {
            errors.Add(nameof(Ownership), "Choose who owns the place");
        }
        var capacity = (int?)null;
        if (!string.IsNullOrWhiteSpace(Capacity))
        {
            if (int.TryParse(Capacity.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var people))
            {
                capacity = people;
            }
            else
            {
                errors.Add(nameof(Capacity), "Capacity must be a whole number of people, like 120");
            }
        }
        var latitude = Coordinate(Latitude, nameof(Latitude), "Latitude", errors);
        var longitude = Coordinate(Longitude, nameof(Longitude), "Longitude", errors);
        var features = AccessibilityFeatures.Where(AccessibilityFeatureList.Common.Contains)
            .Concat((OtherAccessibility ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct().ToList();

        return new PlaceDraft
        {
            Name = Name ?? "",
            Description = Description,
            CategorySlug = CategorySlug ?? "",
            Ownership = Ownership ?? SocialInfra.Places.Ownership.Community,
            Permanence = Permanence,
            StartsOn = StartsOn.Read(nameof(StartsOn), "Start date", errors),
            EndsOn = EndsOn.Read(nameof(EndsOn), "End date", errors),
            Activity = Activity,
            ActivitySince = ActivitySince.Read(nameof(ActivitySince), "The date it changed", errors),
            ActivityNote = ActivityNote,
            Capacity = capacity,
            Presence = Presence,
            Latitude = latitude,
            Longitude = longitude,
            Address = Address,
            Postcode = Postcode,
            Url = string.IsNullOrWhiteSpace(Url) ? null : Url.Trim(),
            WardIds = WardIds.Distinct().Order().ToList(),
            AccessibilityFeatures = features,
            OpeningHours = OpeningHours,
            OwnerOrganisationId = OwnerOrganisationId,
            ServiceIds = ServiceIds.Distinct().ToList(),
        };
    }

    private static double? Coordinate(string? text, string field, string label, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Numbers.TryParseFinite(text.Trim(), out var value))
        {
            return value;
        }
        errors.Add(field, $"{label} must be a number in decimal degrees, like 51.5362");
        return null;
    }
}

namespace SocialInfra.Imports;

/// <summary>
/// The columns of a places CSV and the properties of a places GeoJSON feature, the same for export and import,
/// so that what SocialInfra exports it can load again unchanged.
/// </summary>
public static class PlaceColumns
{
    public const string Id = "id";
    public const string Name = "name";
    public const string Category = "category";
    public const string Description = "description";
    public const string Ownership = "ownership";
    public const string OwnerOrganisation = "owner_organisation";
    public const string Permanence = "permanence";
    public const string StartsOn = "starts_on";
    public const string EndsOn = "ends_on";
    public const string Activity = "activity";
    public const string ActivitySince = "activity_since";
    public const string Presence = "presence";
    public const string Latitude = "latitude";
    public const string Longitude = "longitude";
    public const string WardsServed = "wards_served";
    public const string Address = "address";
    public const string Postcode = "postcode";
    public const string Website = "website";
    public const string OpeningHours = "opening_hours";
    public const string Capacity = "capacity";
    public const string Accessibility = "accessibility";
    public const string LastVerified = "last_verified";
    public const string Source = "source";
    public const string SourceId = "source_id";
    public const string Licence = "licence";

    /// <summary>Every column in export order; GeoJSON leaves out latitude and longitude, which its geometry carries.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Id, Name, Category, Description, Ownership, OwnerOrganisation, Permanence, StartsOn, EndsOn, Activity, ActivitySince,
        Presence, Latitude, Longitude, WardsServed, Address, Postcode, Website, OpeningHours, Capacity, Accessibility,
        LastVerified, Source, SourceId, Licence,
    ];

    /// <summary>Separates the items of a list in one cell, e.g. "Step-free access; Hearing loop".</summary>
    public const string ListSeparator = "; ";

    public static List<string> SplitList(string? cell) =>
        cell?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? [];

    /// <summary>Licence of OpenStreetMap-derived records.</summary>
    public const string OpenDatabaseLicence = "ODbL-1.0";

    public const string OpenStreetMapSource = "openstreetmap";

    public static bool IsOpenDatabaseLicence(string licence) => licence.StartsWith("ODbL", StringComparison.OrdinalIgnoreCase);
}

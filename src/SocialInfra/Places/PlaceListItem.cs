namespace SocialInfra.Places;

/// <summary>A place as one row of a list or table.</summary>
public sealed record PlaceListItem(Guid Id, string Name, string CategorySlug, string CategoryName, Ownership Ownership, Activity Activity, Presence Presence, string? Postcode);

public static class PlaceListQueries
{
    /// <summary>Rows ordered by name, for the accessible lists that sit beside every map.</summary>
    public static IQueryable<PlaceListItem> ListItems(this IQueryable<Place> places) =>
        places.OrderBy(p => p.Name).Select(p => new PlaceListItem(
            p.Id, p.Name, p.CategorySlug, p.Category!.Name, p.Ownership, p.Activity, p.Presence, p.Postcode));
}

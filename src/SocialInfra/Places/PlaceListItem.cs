using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Geography;

namespace SocialInfra.Places;

/// <summary>A row of the accessible place tables that sit beside every map.</summary>
public sealed record PlaceListItem
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required string CategorySlug { get; init; }
    public required string CategoryName { get; init; }
    public Ownership Ownership { get; init; }
    public Activity Activity { get; init; }
    public Presence Presence { get; init; }
    public string? Postcode { get; init; }
    public double? Longitude { get; init; }
    public double? Latitude { get; init; }

    /// <summary>The newest-vintage ward the place's point lies in; null for digital places and places outside every ward.</summary>
    public string? WardCode { get; init; }
    public string? WardName { get; init; }
    public DateOnly? LastVerifiedOn { get; init; }
}

/// <summary>The columns a place table can be sorted by.</summary>
public enum PlaceSort
{
    Name,
    Category,
    Ward,
    Ownership,
    Activity,
    LastVerified,
}

/// <summary>One page of a sorted place table and how many rows there are in all.</summary>
public sealed record PlaceListPage(IReadOnlyList<PlaceListItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public static class PlaceListQueries
{
    public const int DefaultPageSize = 50;

    /// <summary>Rows with their ward, sorted in SQL by the column asked for, then by name and id so the order is total.</summary>
    public static IQueryable<PlaceListItem> ListItems(this IQueryable<Place> places, SocialInfraDbContext db, PlaceSort sort = PlaceSort.Name, bool descending = false)
    {
        // One lateral join finds each place's ward (of the newest vintage) for both its code and its name.
        var rows =
            from p in places
            from w in db.CurrentWards().Where(w => p.Location != null && w.Boundary.Covers(p.Location)).OrderBy(w => w.Code).Take(1).DefaultIfEmpty()
            select new PlaceListItem
            {
                Id = p.Id,
                Name = p.Name,
                CategorySlug = p.CategorySlug,
                CategoryName = p.Category!.Name,
                Ownership = p.Ownership,
                Activity = p.Activity,
                Presence = p.Presence,
                Postcode = p.Postcode,
                Longitude = p.Location != null ? p.Location.X : null,
                Latitude = p.Location != null ? p.Location.Y : null,
                WardCode = w != null ? w.Code : null,
                WardName = w != null ? w.Name : null,
                LastVerifiedOn = p.LastVerifiedOn,
            };
        var sorted = (sort, descending) switch
        {
            (PlaceSort.Category, false) => rows.OrderBy(r => r.CategoryName),
            (PlaceSort.Category, true) => rows.OrderByDescending(r => r.CategoryName),
            (PlaceSort.Ward, false) => rows.OrderBy(r => r.WardName == null).ThenBy(r => r.WardName),
            (PlaceSort.Ward, true) => rows.OrderBy(r => r.WardName == null).ThenByDescending(r => r.WardName),
            (PlaceSort.Ownership, false) => rows.OrderBy(r => r.Ownership),
            (PlaceSort.Ownership, true) => rows.OrderByDescending(r => r.Ownership),
            (PlaceSort.Activity, false) => rows.OrderBy(r => r.Activity),
            (PlaceSort.Activity, true) => rows.OrderByDescending(r => r.Activity),
            (PlaceSort.LastVerified, false) => rows.OrderBy(r => r.LastVerifiedOn == null).ThenBy(r => r.LastVerifiedOn),
            (PlaceSort.LastVerified, true) => rows.OrderBy(r => r.LastVerifiedOn == null).ThenByDescending(r => r.LastVerifiedOn),
            (_, false) => rows.OrderBy(r => r.Name),
            (_, true) => rows.OrderByDescending(r => r.Name),
        };
        return sorted.ThenBy(r => r.Name).ThenBy(r => r.Id);
    }

    /// <summary>The page asked for (clamped to the pages there are) and the total count.</summary>
    public static async Task<PlaceListPage> ToPageAsync(this IQueryable<PlaceListItem> rows, int page, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var total = await rows.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, new PlaceListPage([], total, 1, pageSize).PageCount);
        var items = await rows.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PlaceListPage(items, total, page, pageSize);
    }
}

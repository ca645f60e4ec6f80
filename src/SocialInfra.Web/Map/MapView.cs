using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using SocialInfra.Data;
using SocialInfra.Places;

namespace SocialInfra.Web.Map;

/// <summary>
/// What the _Map partial needs to draw a Leaflet map: where to open, which authority's wards to outline,
/// which places to ask the API for, and optionally a place to open or a ward to pick out.
/// </summary>
public sealed record MapView(string Label, string LocalAuthority, Envelope Bounds, MapOptions Options)
{
    /// <summary>The places API query the map adds its bbox and zoom to, without the "?".</summary>
    public string Filters { get; init; } = "";
    public Guid? Place { get; init; }
    public string? HighlightWard { get; init; }

    /// <summary>Where the same places are listed as a table: the map's accessible equivalent.</summary>
    public string ListHref { get; init; } = "#places-table";

    /// <summary>The categories the key explains.</summary>
    public IReadOnlyList<Category> Categories { get; init; } = [];

    /// <summary>A map of one authority's places, with the key's categories loaded.</summary>
    public static async Task<MapView> CreateAsync(
        SocialInfraDbContext db, MapOptions options, string label, string localAuthority, Envelope bounds, CancellationToken cancellationToken) =>
        new(label, localAuthority, bounds, options)
        {
            Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken),
        };

    public string BoundsText => Text(Bounds);

    /// <summary>A box as the maps' data-bounds attribute reads it: "minLon,minLat,maxLon,maxLat", invariant culture.</summary>
    public static string Text(Envelope bounds) =>
        string.Join(',', new[] { bounds.MinX, bounds.MinY, bounds.MaxX, bounds.MaxY }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>The configured authority, else the first one loaded; null when no boundaries are loaded yet.</summary>
    public static async Task<(string Code, string Name, Envelope Bounds)?> LocalAuthorityAsync(SocialInfraDbContext db, MapOptions options, CancellationToken cancellationToken)
    {
        var authority = await db.LocalAuthorities.AsNoTracking()
            .Where(a => options.LocalAuthority == "" || a.Code == options.LocalAuthority)
            .OrderBy(a => a.Code)
            .Select(a => new { a.Code, a.Name, a.Boundary })
            .FirstOrDefaultAsync(cancellationToken);
        return authority?.Boundary is null ? null : (authority.Code, authority.Name, authority.Boundary.EnvelopeInternal);
    }
}

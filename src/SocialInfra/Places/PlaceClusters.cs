using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace SocialInfra.Places;

/// <summary>Places grouped into one square cell of a grid: how many, their mean position and their extent.</summary>
public sealed record PlaceCluster(int Count, Point Centre, Envelope Extent, Guid? OnlyPlaceId);

/// <summary>Server-side clustering for the map: a grid of square cells sized to the zoom, grouped in SQL.</summary>
public static class PlaceClusters
{
    /// <summary>
    /// The width in degrees of <paramref name="cellPixels"/> screen pixels at a web-map zoom level:
    /// at zoom z the world's 360 degrees of longitude span 256 × 2^z pixels.
    /// </summary>
    public static double CellDegrees(int zoom, int cellPixels) => 360.0 / (256.0 * Math.Pow(2, zoom)) * cellPixels;

    /// <summary>
    /// The height in degrees of latitude of a cell <paramref name="cellDegrees"/> wide that looks square on a web map
    /// at that latitude: Mercator stretches latitude by 1 / cos(latitude), so the same pixels span fewer degrees.
    /// </summary>
    public static double CellHeightDegrees(double cellDegrees, double latitude) => cellDegrees * Math.Cos(latitude * Math.PI / 180);

    /// <summary>
    /// Groups the physical places into grid cells (<paramref name="cellWidth"/> by <paramref name="cellHeight"/> degrees)
    /// in one GROUP BY. A cell holding a single place carries that place's id, so the map can draw it as itself rather
    /// than as a "1".
    /// </summary>
    public static async Task<List<PlaceCluster>> ClusterAsync(this IQueryable<Place> places, double cellWidth, double cellHeight, CancellationToken cancellationToken = default)
    {
        var cells = await places
            .Where(p => p.Location != null)
            .GroupBy(p => new { X = Math.Floor(p.Location!.X / cellWidth), Y = Math.Floor(p.Location!.Y / cellHeight) })
            .Select(g => new
            {
                Count = g.Count(),
                Longitude = g.Average(p => p.Location!.X),
                Latitude = g.Average(p => p.Location!.Y),
                MinX = g.Min(p => p.Location!.X),
                MaxX = g.Max(p => p.Location!.X),
                MinY = g.Min(p => p.Location!.Y),
                MaxY = g.Max(p => p.Location!.Y),
                AnyId = g.Min(p => p.Id.ToString()),
            })
            .ToListAsync(cancellationToken);
        return cells
            .Select(c => new PlaceCluster(
                c.Count,
                Geography.SpatialQueries.PointAt(c.Longitude, c.Latitude),
                new Envelope(c.MinX, c.MaxX, c.MinY, c.MaxY),
                c.Count == 1 && Guid.TryParse(c.AnyId, out var id) ? id : null))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Centre.X).ThenBy(c => c.Centre.Y)
            .ToList();
    }
}

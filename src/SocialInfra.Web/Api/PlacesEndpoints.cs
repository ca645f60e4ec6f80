using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SocialInfra.Data;
using SocialInfra.Geography;
using Microsoft.Extensions.Options;
using SocialInfra.Places;
using SocialInfra.Web.Map;

namespace SocialInfra.Web.Api;

/// <summary>GET /api/places (bbox and filters) and GET /api/places/{id}, as GeoJSON.</summary>
public static class PlacesEndpoints
{
    public static RouteGroupBuilder MapPlaces(this RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync);
        group.MapGet("{id}", GetAsync);
        return group;
    }

    private static async Task<IResult> ListAsync(
        string? bbox, string? zoom, [AsParameters] PlaceSearchText search,
        SocialInfraDbContext db, IOptionsSnapshot<MapOptions> options, CancellationToken cancellationToken)
    {
        var (filter, errors) = await PlaceSearch.ParseAsync(search, db, cancellationToken);
        if (errors.Count > 0)
        {
            return Problems.BadParameter(errors[0].Field, errors[0].Message);
        }
        var query = filter.Apply(db);
        var latitude = 0.0;
        if (bbox is not null)
        {
            if (!TryParseBox(bbox, out var box, out var error))
            {
                return Problems.BadParameter("bbox", error);
            }
            query = query.PlacesInBox(box);
            latitude = (box.MinY + box.MaxY) / 2;
        }
        int? zoomLevel = null;
        if (zoom is not null)
        {
            if (!int.TryParse(zoom, NumberStyles.None, CultureInfo.InvariantCulture, out var z) || z > MaxZoom)
            {
                return Problems.BadParameter("zoom", $"zoom must be a whole number from 0 to {MaxZoom}; got '{zoom}'.");
            }
            zoomLevel = z;
        }

        // A map (it sends its zoom) gets clusters when zoomed far out or when too many places are in view.
        var map = options.Value;
        if (zoomLevel is { } level && (level < map.ClusterBelowZoom || await query.CountAsync(cancellationToken) > map.ClusterAbove))
        {
            // Cells square on screen: as wide as ClusterCellPixels, and as tall at the middle of the view.
            var width = PlaceClusters.CellDegrees(level, map.ClusterCellPixels);
            var clusters = await query.ClusterAsync(width, PlaceClusters.CellHeightDegrees(width, latitude), cancellationToken);
            var singleIds = clusters.Where(c => c.OnlyPlaceId is not null).Select(c => c.OnlyPlaceId!.Value).ToList();
            var singles = await db.Places.AsNoTracking().Where(p => singleIds.Contains(p.Id)).Select(PlaceRow.Projection).ToListAsync(cancellationToken);
            return GeoJson.Collection(clusters.Where(c => c.OnlyPlaceId is null).Select(ClusterFeature)
                .Concat(singles.OrderBy(p => p.Name).Select(p => p.ToFeature())));
        }

        var places = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Select(PlaceRow.Projection).ToListAsync(cancellationToken);
        return GeoJson.Collection(places.Select(p => p.ToFeature()));
    }

    /// <summary>The deepest zoom a web map uses.</summary>
    public const int MaxZoom = 24;

    private static Feature ClusterFeature(PlaceCluster cluster) => new(cluster.Centre, new AttributesTable
    {
        { "cluster", true },
        { "count", cluster.Count },
        { "extent", new[] { cluster.Extent.MinX, cluster.Extent.MinY, cluster.Extent.MaxX, cluster.Extent.MaxY } },
    });

    private static async Task<IResult> GetAsync(string id, SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        var place = Guid.TryParse(id, out var guid)
            ? await db.Places.AsNoTracking().Where(p => p.Id == guid).Select(PlaceRow.Projection).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (place is null)
        {
            return Problems.NotFound($"No place with id '{id}'.");
        }
        var details = await PlaceDetails.LoadAsync(db, guid, place.Location, cancellationToken);
        var feature = place.ToFeature();
        feature.Attributes.Add("description", place.Description);
        feature.Attributes.Add("ward", details.Ward is { } ward ? new { code = ward.Code, name = ward.Name } : null);
        feature.Attributes.Add("activityHistory", details.History.Select(a => new { activity = a.Activity.ToString(), startsOn = a.StartsOn, endsOn = a.EndsOn, note = a.Note }));
        feature.Attributes.Add("services", details.Services.Select(s => new { id = s.Id, name = s.Name, provider = s.Provider, preventionLevel = s.PreventionLevel.ToString() }));
        feature.Attributes.Add("networks", details.Networks.Select(n => new { id = n.Id, name = n.Name, role = n.Role }));
        return GeoJson.Single(feature);
    }

    /// <summary>Parses "minLon,minLat,maxLon,maxLat" in WGS84 degrees, as RFC 7946 orders a bbox.</summary>
    public static bool TryParseBox(string text, out Envelope box, out string error)
    {
        box = new Envelope();
        var parts = text.Split(',');
        var numbers = new double[parts.Length];
        if (parts.Length != 4 || parts.Where((part, i) =>
                !Numbers.TryParseFinite(part, out numbers[i])).Any())
        {
            error = $"bbox must be four numbers minLon,minLat,maxLon,maxLat, e.g. 0.07,51.52,0.19,51.6; got '{text}'.";
            return false;
        }
        var (minLon, minLat, maxLon, maxLat) = (numbers[0], numbers[1], numbers[2], numbers[3]);
        if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90)
        {
            error = "bbox longitudes must lie between -180 and 180 and latitudes between -90 and 90.";
            return false;
        }
        if (minLon > maxLon || minLat > maxLat)
        {
            error = "bbox must give the minimum longitude and latitude before the maximum ones.";
            return false;
        }
        box = new Envelope(minLon, maxLon, minLat, maxLat);
        error = "";
        return true;
    }
}

/// <summary>
/// The fields of a place that its public GeoJSON feature carries. Not who recorded it: that is a person's name or
/// e-mail once people sign in, and stays with the audit history for staff.
/// </summary>
public sealed record PlaceRow(
    Guid Id, string Name, string? Description, string Category, string CategoryName, Ownership Ownership, Permanence Permanence,
    Activity Activity, Presence Presence, Point? Location, string? Address, string? Postcode, string? Url, int? Capacity,
    string? OpeningHours, List<string> AccessibilityFeatures, string? Owner, DateOnly? LastVerifiedOn,
    string Source, string? SourceId, string Licence, DateTimeOffset RecordedAt)
{
    public static readonly System.Linq.Expressions.Expression<Func<Place, PlaceRow>> Projection = p => new PlaceRow(
        p.Id, p.Name, p.Description, p.CategorySlug, p.Category!.Name, p.Ownership, p.Permanence, p.Activity, p.Presence, p.Location,
        p.Address, p.Postcode, p.Url, p.Capacity, p.OpeningHours, p.AccessibilityFeatures,
        p.OwnerOrganisation != null ? p.OwnerOrganisation.Name : null, p.LastVerifiedOn,
        p.Provenance.Source, p.Provenance.SourceId, p.Provenance.Licence, p.Provenance.RecordedAt);

    public Feature ToFeature() => new(Location, new AttributesTable
    {
        { GeoJson.IdProperty, Id },
        { "name", Name },
        { "category", Category },
        { "categoryName", CategoryName },
        { "ownership", Ownership.ToString() },
        { "permanence", Permanence.ToString() },
        { "activity", Activity.ToString() },
        { "presence", Presence.ToString() },
        { "address", Address },
        { "postcode", Postcode },
        { "url", Url },
        { "capacity", Capacity },
        { "openingHours", OpeningHours },
        { "accessibilityFeatures", AccessibilityFeatures },
        { "owner", Owner },
        { "lastVerifiedOn", LastVerifiedOn },
        { "source", Source },
        { "sourceId", SourceId },
        { "licence", Licence },
        { "recordedAt", RecordedAt },
    });
}

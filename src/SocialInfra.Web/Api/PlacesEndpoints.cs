using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SocialInfra.Data;
using SocialInfra.Geography;
using SocialInfra.Places;

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
        string? bbox, string? category, string? ownership, string? activity, string? presence,
        SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Places.AsNoTracking();
        if (bbox is not null)
        {
            if (!TryParseBox(bbox, out var box, out var error))
            {
                return Problems.BadParameter("bbox", error);
            }
            query = query.PlacesInBox(box);
        }
        if (!string.IsNullOrWhiteSpace(category))
        {
            var slugs = category.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var known = await db.Categories.Where(c => slugs.Contains(c.Slug)).Select(c => c.Slug).ToListAsync(cancellationToken);
            var unknown = slugs.Except(known).ToList();
            if (unknown.Count > 0)
            {
                return Problems.BadParameter("category", $"Unknown category '{unknown[0]}'. Use category slugs such as library or community-centre.");
            }
            query = query.Where(p => slugs.Contains(p.CategorySlug));
        }
        if (!TryFilter<Ownership>(ownership, "ownership", out var owned, out var problem))
        {
            return problem;
        }
        if (!TryFilter<Activity>(activity, "activity", out var active, out problem))
        {
            return problem;
        }
        if (!TryFilter<Presence>(presence, "presence", out var present, out problem))
        {
            return problem;
        }
        if (owned is { } o) query = query.Where(p => p.Ownership == o);
        if (active is { } a) query = query.Where(p => p.Activity == a);
        if (present is { } pr) query = query.Where(p => p.Presence == pr);

        var places = await query.OrderBy(p => p.Name).Select(PlaceRow.Projection).ToListAsync(cancellationToken);
        return GeoJson.Collection(places.Select(p => p.ToFeature()));
    }

    private static async Task<IResult> GetAsync(string id, SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        var place = Guid.TryParse(id, out var guid)
            ? await db.Places.AsNoTracking().Where(p => p.Id == guid).Select(PlaceRow.Projection).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (place is null)
        {
            return Problems.NotFound($"No place with id '{id}'.");
        }
        var history = await db.ActivityPeriods.AsNoTracking().Where(a => a.PlaceId == guid)
            .OrderBy(a => a.StartsOn == null ? 0 : 1).ThenBy(a => a.StartsOn)
            .Select(a => new { activity = a.Activity.ToString(), startsOn = a.StartsOn, endsOn = a.EndsOn, note = a.Note })
            .ToListAsync(cancellationToken);
        var feature = place.ToFeature();
        feature.Attributes.Add("description", place.Description);
        feature.Attributes.Add("activityHistory", history);
        return GeoJson.Single(feature);
    }

    /// <summary>Parses "minLon,minLat,maxLon,maxLat" in WGS84 degrees, as RFC 7946 orders a bbox.</summary>
    public static bool TryParseBox(string text, out Envelope box, out string error)
    {
        box = new Envelope();
        var parts = text.Split(',');
        var numbers = new double[parts.Length];
        if (parts.Length != 4 || parts.Where((part, i) =>
                !double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i])).Any())
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

    private static bool TryFilter<T>(string? text, string parameter, out T? value, out IResult problem) where T : struct, Enum
    {
        value = null;
        problem = Results.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (EnumText.TryParse<T>(text, out var parsed))
        {
            value = parsed;
            return true;
        }
        problem = Problems.BadParameter(parameter, $"Unknown {parameter} '{text}'. Use one of: {EnumText.Choices<T>()}.");
        return false;
    }
}

/// <summary>The fields of a place that its GeoJSON feature carries.</summary>
public sealed record PlaceRow(
    Guid Id, string Name, string? Description, string Category, string CategoryName, Ownership Ownership, Permanence Permanence,
    Activity Activity, Presence Presence, Point? Location, string? Address, string? Postcode, string? Url, int? Capacity,
    string? OpeningHours, List<string> AccessibilityFeatures, string? Owner, DateOnly? LastVerifiedOn, string Source, string Licence)
{
    public static readonly System.Linq.Expressions.Expression<Func<Place, PlaceRow>> Projection = p => new PlaceRow(
        p.Id, p.Name, p.Description, p.CategorySlug, p.Category!.Name, p.Ownership, p.Permanence, p.Activity, p.Presence, p.Location,
        p.Address, p.Postcode, p.Url, p.Capacity, p.OpeningHours, p.AccessibilityFeatures,
        p.OwnerOrganisation != null ? p.OwnerOrganisation.Name : null, p.LastVerifiedOn, p.Provenance.Source, p.Provenance.Licence);

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
        { "licence", Licence },
    });
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SocialInfra.Data;
using SocialInfra.Exports;

namespace SocialInfra.Web.Api;

/// <summary>
/// OGC API – Features (Part 1: Core, GeoJSON) over the published places and current wards, so that GIS staff can add
/// them as layers in QGIS ("Add WFS / OGC API – Features layer", URL …/ogc).
/// </summary>
public static class OgcFeaturesEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;
    private const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private sealed record Collection(string Id, string Title, string Description);

    private static readonly Collection[] Collections =
    [
        new("places", "Places", "Published places of social infrastructure, with their category, ownership, activity, source and licence."),
        new("wards", "Wards", "Electoral wards of the newest boundary year loaded, with population and IMD score."),
    ];

    public static RouteGroupBuilder MapOgcFeatures(this RouteGroupBuilder group)
    {
        group.MapGet("", Landing);
        group.MapGet("api", OpenApi);
        group.MapGet("conformance", () => Results.Json(new JsonObject
        {
            ["conformsTo"] = new JsonArray(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30"),
        }));
        group.MapGet("collections", CollectionsAsync);
        group.MapGet("collections/{collectionId}", CollectionAsync);
        group.MapGet("collections/{collectionId}/items", ItemsAsync);
        group.MapGet("collections/{collectionId}/items/{featureId}", ItemAsync);
        return group.OpenToAnyOrigin();
    }

    private static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/ogc";

    private static JsonObject Link(string href, string rel, string type, string title) =>
        new() { ["href"] = href, ["rel"] = rel, ["type"] = type, ["title"] = title };

    private static IResult Landing(HttpRequest request)
    {
        var root = Base(request);
        return Results.Json(new JsonObject
        {
            ["title"] = "SocialInfra open data",
            ["description"] = "Places of social infrastructure and wards, as OGC API – Features.",
            ["links"] = new JsonArray(
                Link(root, "self", "application/json", "This document"),
                Link($"{root}/api", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "The API definition"),
                Link($"{root}/conformance", "conformance", "application/json", "Conformance classes"),
                Link($"{root}/collections", "data", "application/json", "The collections")),
        });
    }

    // QGIS reads the definition for the largest page it may ask for.
    private static IResult OpenApi(HttpRequest request) => Results.Json(new JsonObject
    {
        ["openapi"] = "3.0.3",
        ["info"] = new JsonObject { ["title"] = "SocialInfra open data", ["version"] = "1.0" },
        ["servers"] = new JsonArray(new JsonObject { ["url"] = Base(request) }),
        ["paths"] = new JsonObject(),
        ["components"] = new JsonObject
        {
            ["parameters"] = new JsonObject
            {
                ["limit"] = new JsonObject
                {
                    ["name"] = "limit",
                    ["in"] = "query",
                    ["schema"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = MaxLimit, ["default"] = DefaultLimit },
                },
            },
        },
    }, contentType: "application/vnd.oai.openapi+json;version=3.0");

    private static async Task<IResult> CollectionsAsync(HttpRequest request, SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        var extent = await ExtentAsync(db, cancellationToken);
        return Results.Json(new JsonObject
        {
            ["links"] = new JsonArray(Link($"{Base(request)}/collections", "self", "application/json", "The collections")),
            ["collections"] = new JsonArray(Collections.Select(c => (JsonNode)Describe(request, c, extent)).ToArray()),
        });
    }

    private static async Task<IResult> CollectionAsync(string collectionId, HttpRequest request, SocialInfraDbContext db, CancellationToken cancellationToken) =>
        Collections.FirstOrDefault(c => c.Id == collectionId) is { } collection
            ? Results.Json(Describe(request, collection, await ExtentAsync(db, cancellationToken)))
            : NoCollection(collectionId);

    private static IResult NoCollection(string collectionId) =>
        Problems.NotFound($"There is no collection '{collectionId}': the collections are {string.Join(" and ", Collections.Select(c => c.Id))}.");

    private static JsonObject Describe(HttpRequest request, Collection collection, Envelope? extent)
    {
        var href = $"{Base(request)}/collections/{collection.Id}";
        var description = new JsonObject
        {
            ["id"] = collection.Id,
            ["title"] = collection.Title,
            ["description"] = collection.Description,
            ["itemType"] = "feature",
            ["crs"] = new JsonArray(Crs84),
            ["links"] = new JsonArray(
                Link(href, "self", "application/json", collection.Title),
                Link($"{href}/items", "items", GeoJson.ContentType, $"{collection.Title} as GeoJSON"),
                Link("https://www.openstreetmap.org/copyright", "license", "text/html", "Records derived from OpenStreetMap: ODbL 1.0"),
                Link("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/", "license", "text/html", "Other records: Open Government Licence v3.0")),
        };
        if (extent is not null)
        {
            description["extent"] = new JsonObject
            {
                ["spatial"] = new JsonObject
                {
                    ["bbox"] = new JsonArray(new JsonArray(extent.MinX, extent.MinY, extent.MaxX, extent.MaxY)),
                    ["crs"] = Crs84,
                },
            };
        }
        return description;
    }

    private static async Task<Envelope?> ExtentAsync(SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        var boundaries = await db.LocalAuthorities.AsNoTracking().Where(a => a.Boundary != null).Select(a => a.Boundary!).ToListAsync(cancellationToken);
        if (boundaries.Count == 0)
        {
            return null;
        }
        var extent = new Envelope();
        boundaries.ForEach(b => extent.ExpandToInclude(b.EnvelopeInternal));
        return extent;
    }

    private static async Task<IResult> ItemsAsync(
        string collectionId, string? bbox, string? limit, string? offset, string? excludeOdbl,
        HttpRequest request, SocialInfraDbContext db, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (Collections.All(c => c.Id != collectionId))
        {
            return NoCollection(collectionId);
        }
        Envelope? box = null;
        if (bbox is not null)
        {
            if (!PlacesEndpoints.TryParseBox(bbox, out var parsed, out var error))
            {
                return Problems.BadParameter("bbox", error);
            }
            box = parsed;
        }
        if (!OpenDataRequests.TryParseNumber(limit, 1, MaxLimit, DefaultLimit, out var take))
        {
            return Problems.BadParameter("limit", $"limit must be a whole number from 1 to {MaxLimit}; got '{limit}'.");
        }
        if (!OpenDataRequests.TryParseNumber(offset, 0, int.MaxValue, 0, out var skip))
        {
            return Problems.BadParameter("offset", $"offset must be a whole number from 0; got '{offset}'.");
        }
        if (!OpenDataRequests.TryParseFlag(excludeOdbl, out var exclude))
        {
            return OpenDataRequests.BadFlag(nameof(excludeOdbl), excludeOdbl);
        }

        int matched;
        List<IFeature> features;
        if (collectionId == "places")
        {
            var query = new PlaceExportQuery(exclude, box, skip, take);
            matched = await PlaceExport.Matching(db, query).CountAsync(cancellationToken);
            features = (await PlaceExport.RowsAsync(db, query, cancellationToken)).Select(PlaceExport.Feature).ToList();
        }
        else
        {
            matched = await WardExport.Matching(db, box).CountAsync(cancellationToken);
            features = (await WardExport.SummariesAsync(db, box, skip, take, cancellationToken: cancellationToken)).Select(WardExport.Feature).ToList();
        }

        var items = $"{Base(request)}/collections/{collectionId}/items";
        string Page(int from) => QueryString.Create(new Dictionary<string, string?>
        {
            ["bbox"] = bbox,
            ["limit"] = take.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["offset"] = from.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["excludeOdbl"] = excludeOdbl,
        }.Where(p => p.Value is not null)).ToUriComponent();
        var links = new JsonArray(Link(items + Page(skip), "self", GeoJson.ContentType, "This page"));
        if (skip + features.Count < matched)
        {
            links.Add(Link(items + Page(skip + take), "next", GeoJson.ContentType, "Next page"));
        }
        if (skip > 0)
        {
            links.Add(Link(items + Page(Math.Max(0, skip - take)), "prev", GeoJson.ContentType, "Previous page"));
        }
        var options = json.Value.SerializerOptions;
        var collection = new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["numberMatched"] = matched,
            ["numberReturned"] = features.Count,
            ["timeStamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["links"] = links,
            ["features"] = new JsonArray(features.Select(f => JsonSerializer.SerializeToNode(f, options)).ToArray()),
        };
        return Results.Json(collection, contentType: GeoJson.ContentType);
    }

    private static async Task<IResult> ItemAsync(
        string collectionId, string featureId, SocialInfraDbContext db, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        IFeature? feature = collectionId switch
        {
            "places" when Guid.TryParse(featureId, out var id) =>
                (await PlaceExport.RowsAsync(db, new PlaceExportQuery(Id: id), cancellationToken)).Select(PlaceExport.Feature).SingleOrDefault(),
            "wards" => (await WardExport.SummariesAsync(db, code: featureId, cancellationToken: cancellationToken)).Select(WardExport.Feature).SingleOrDefault(),
            _ => null,
        };
        if (Collections.All(c => c.Id != collectionId))
        {
            return NoCollection(collectionId);
        }
        return feature is null
            ? Problems.NotFound($"There is no feature '{featureId}' in the collection {collectionId}.")
            : Results.Json(JsonSerializer.SerializeToNode(feature, json.Value.SerializerOptions), contentType: GeoJson.ContentType);
    }
}

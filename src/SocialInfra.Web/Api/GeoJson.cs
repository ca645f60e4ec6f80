using NetTopologySuite.Features;

namespace SocialInfra.Web.Api;

/// <summary>RFC 7946 responses: features with an id, served as application/geo+json.</summary>
public static class GeoJson
{
    public const string IdProperty = "id";
    public const string ContentType = "application/geo+json";

    public static IResult Collection(IEnumerable<IFeature> features)
    {
        var collection = new FeatureCollection();
        foreach (var feature in features)
        {
            collection.Add(feature);
        }
        return Results.Json(collection, contentType: ContentType);
    }

    public static IResult Single(IFeature feature) => Results.Json(feature, contentType: ContentType);
}

/// <summary>Problem Details (RFC 9457) that name the request parameter at fault.</summary>
public static class Problems
{
    public static IResult BadParameter(string parameter, string message) =>
        Results.ValidationProblem(
            new Dictionary<string, string[]> { [parameter] = [message] },
            detail: message,
            title: $"The {parameter} parameter is not valid");

    public static IResult NotFound(string message) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: message);
}

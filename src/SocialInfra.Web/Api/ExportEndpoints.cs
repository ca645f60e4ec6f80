using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NetTopologySuite.Features;
using SocialInfra.Data;
using SocialInfra.Exports;

namespace SocialInfra.Web.Api;

/// <summary>
/// Downloads of the published places and the current wards as CSV and GeoJSON, in the columns the imports read.
/// ?excludeOdbl=true leaves out records derived from OpenStreetMap (ODbL).
/// </summary>
public static class ExportEndpoints
{
    public static RouteGroupBuilder MapExports(this RouteGroupBuilder group)
    {
        group.MapGet("places.csv", PlacesCsvAsync);
        group.MapGet("places.geojson", PlacesGeoJsonAsync);
        group.MapGet("wards.csv", WardsCsvAsync);
        group.MapGet("wards.geojson", WardsGeoJsonAsync);
        group.MapGet("gaps.csv", GapsEndpoints.CsvAsync);
        return group.OpenToAnyOrigin();
    }

    private static async Task<IResult> PlacesCsvAsync(string? excludeOdbl, SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        if (!OpenDataRequests.TryParseFlag(excludeOdbl, out var exclude))
        {
            return OpenDataRequests.BadFlag(nameof(excludeOdbl), excludeOdbl);
        }
        var rows = await PlaceExport.RowsAsync(db, new PlaceExportQuery(exclude), cancellationToken);
        return Results.File(PlaceExport.Csv(rows), "text/csv; charset=utf-8", "places.csv");
    }

    private static async Task<IResult> PlacesGeoJsonAsync(string? excludeOdbl, SocialInfraDbContext db, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (!OpenDataRequests.TryParseFlag(excludeOdbl, out var exclude))
        {
            return OpenDataRequests.BadFlag(nameof(excludeOdbl), excludeOdbl);
        }
        var rows = await PlaceExport.RowsAsync(db, new PlaceExportQuery(exclude), cancellationToken);
        return Download(rows.Select(PlaceExport.Feature), "places.geojson", json.Value.SerializerOptions);
    }

    private static async Task<IResult> WardsCsvAsync(SocialInfraDbContext db, CancellationToken cancellationToken) =>
        Results.File(WardExport.Csv(await WardExport.SummariesAsync(db, cancellationToken: cancellationToken)), "text/csv; charset=utf-8", "wards.csv");

    private static async Task<IResult> WardsGeoJsonAsync(SocialInfraDbContext db, IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
        Download((await WardExport.SummariesAsync(db, cancellationToken: cancellationToken)).Select(WardExport.Feature), "wards.geojson", json.Value.SerializerOptions);

    private static IResult Download(IEnumerable<IFeature> features, string fileName, JsonSerializerOptions options)
    {
        var collection = new FeatureCollection();
        foreach (var feature in features)
        {
            collection.Add(feature);
        }
        return Results.File(JsonSerializer.SerializeToUtf8Bytes(collection, options), GeoJson.ContentType, fileName);
    }
}

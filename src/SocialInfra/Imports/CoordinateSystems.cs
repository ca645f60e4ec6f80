using System.Text.Json;
using NetTopologySuite.Geometries;

namespace SocialInfra.Imports;

/// <summary>The coordinate systems official boundary files come in.</summary>
public enum CoordinateSystem
{
    /// <summary>No "crs" member: RFC 7946 GeoJSON, longitude and latitude on WGS84.</summary>
    Undeclared,
    Wgs84,
    BritishNationalGrid,
}

public static class CoordinateSystems
{
    public const int BritishNationalGridSrid = 27700;

    /// <summary>Reads an old-style GeoJSON "crs" member, e.g. {"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}}.</summary>
    public static CoordinateSystem FromCrsMember(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var name = document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("properties", out var properties)
            && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty("name", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        return FromName(name) ?? throw new ImportFileException("File",
            $"uses the coordinate reference system {name ?? document.RootElement.GetRawText()}, which SocialInfra cannot read: " +
            "give it in WGS84 (EPSG:4326) or British National Grid (EPSG:27700).");
    }

    /// <summary>The system an EPSG or OGC name stands for, or null when it is another.</summary>
    public static CoordinateSystem? FromName(string? name)
    {
        var text = name?.Trim().ToUpperInvariant() ?? "";
        if (text.EndsWith("CRS84", StringComparison.Ordinal) || text.EndsWith(":4326", StringComparison.Ordinal))
        {
            return CoordinateSystem.Wgs84;
        }
        return text.EndsWith(":27700", StringComparison.Ordinal) ? CoordinateSystem.BritishNationalGrid : null;
    }

    /// <summary>Whether every coordinate could be a longitude and latitude.</summary>
    public static bool LooksLikeLongitudeLatitude(Envelope box) =>
        box.MinX >= -180 && box.MaxX <= 180 && box.MinY >= -90 && box.MaxY <= 90;

    /// <summary>Whether the coordinates could be British National Grid eastings and northings in metres.</summary>
    public static bool LooksLikeBritishNationalGrid(Envelope box) =>
        box.MinX >= -10_000 && box.MaxX <= 800_000 && box.MinY >= -10_000 && box.MaxY <= 1_300_000 && !LooksLikeLongitudeLatitude(box);

    /// <summary>
    /// The system a feature's coordinates are in, given what the file declares; null (with the reason) when they do not fit it.
    /// A file with no "crs" member whose coordinates are plainly eastings and northings is read as British National Grid.
    /// </summary>
    public static CoordinateSystem? Resolve(CoordinateSystem declared, Geometry geometry, out string? problem)
    {
        var box = geometry.EnvelopeInternal;
        problem = null;
        switch (declared)
        {
            case CoordinateSystem.BritishNationalGrid when LooksLikeBritishNationalGrid(box):
                return CoordinateSystem.BritishNationalGrid;
            case CoordinateSystem.BritishNationalGrid:
                problem = $"has coordinates ({box.MinX}, {box.MinY}) that are not British National Grid eastings and northings, which the file says it uses.";
                return null;
            case CoordinateSystem.Wgs84 when LooksLikeLongitudeLatitude(box):
                return CoordinateSystem.Wgs84;
            case CoordinateSystem.Wgs84:
                problem = $"has coordinates ({box.MinX}, {box.MinY}) that are not longitude and latitude, but the file says it uses WGS84; " +
                    "if they are British National Grid metres, set the file's crs to EPSG:27700.";
                return null;
            default:
                if (LooksLikeLongitudeLatitude(box))
                {
                    return CoordinateSystem.Wgs84;
                }
                if (LooksLikeBritishNationalGrid(box))
                {
                    return CoordinateSystem.BritishNationalGrid;
                }
                problem = $"has coordinates ({box.MinX}, {box.MinY}) that are neither longitude and latitude nor British National Grid metres.";
                return null;
        }
    }
}

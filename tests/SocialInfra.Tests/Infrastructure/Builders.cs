using NetTopologySuite.Geometries;
using SocialInfra.Geography;
using SocialInfra.Places;

namespace SocialInfra.Tests.Infrastructure;

/// <summary>Small builders for hand-made geography and places.</summary>
public static class Build
{
    /// <summary>Metres per degree of latitude (mean): good to 0.5 % anywhere, enough for margins of tens of metres.</summary>
    public const double MetresPerDegreeLatitude = 111_195;

    public static MultiPolygon Square(double minLon, double minLat, double size) =>
        SpatialQueries.Factory.CreateMultiPolygon([
            SpatialQueries.Factory.CreatePolygon([
                new Coordinate(minLon, minLat), new Coordinate(minLon + size, minLat),
                new Coordinate(minLon + size, minLat + size), new Coordinate(minLon, minLat + size),
                new Coordinate(minLon, minLat)]),
        ]);

    public static Place Place(string name, double lon, double lat, string category = "community-centre") =>
        new() { Name = name, CategorySlug = category, Location = SpatialQueries.PointAt(lon, lat) };

    /// <summary>A point due north of the given one by a number of metres.</summary>
    public static (double Lon, double Lat) North(double lon, double lat, double metres) => (lon, lat + metres / MetresPerDegreeLatitude);
}

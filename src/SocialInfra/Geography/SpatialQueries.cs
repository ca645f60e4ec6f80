using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using SocialInfra.Data;
using SocialInfra.Data.Configurations;
using SocialInfra.Places;

namespace SocialInfra.Geography;

/// <summary>The spatial questions the product asks of PostGIS, in one place.</summary>
public static class SpatialQueries
{
    public const int Srid = 4326;

    public static readonly GeometryFactory Factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(Srid);

    public static Point PointAt(double longitude, double latitude) => Factory.CreatePoint(new Coordinate(longitude, latitude));

    /// <summary>Every authority's wards of the newest boundary vintage loaded for that authority.</summary>
    public static IQueryable<Ward> CurrentWards(this SocialInfraDbContext db) =>
        db.Wards.Where(w => w.BoundaryYear == db.Wards.Where(x => x.LocalAuthorityCode == w.LocalAuthorityCode).Max(x => x.BoundaryYear));

    /// <summary>A local authority's wards of the newest boundary vintage loaded for it.</summary>
    public static IQueryable<Ward> CurrentWards(this SocialInfraDbContext db, string localAuthorityCode) =>
        db.CurrentWards().Where(w => w.LocalAuthorityCode == localAuthorityCode);

    /// <summary>The ward of the newest boundary vintage that contains the point (ST_Covers: a point on the boundary counts), if any.</summary>
    public static Task<Ward?> WardContainingAsync(this SocialInfraDbContext db, Point point, CancellationToken cancellationToken = default) =>
        db.Wards.AsNoTracking()
            .Where(w => w.Boundary.Covers(point))
            .OrderByDescending(w => w.BoundaryYear).ThenBy(w => w.Code)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Physical places within <paramref name="metres"/> of the point, measured on the spheroid (ST_DWithin on geography).</summary>
    public static IQueryable<Place> Within(this IQueryable<Place> places, Point point, double metres) =>
        places.Where(p => EF.Property<Point>(p, PlaceConfiguration.LocationGeography).IsWithinDistance(point, metres));

    /// <summary>Places whose point lies inside the ward's boundary.</summary>
    public static IQueryable<Place> InWard(this IQueryable<Place> places, SocialInfraDbContext db, int wardId) =>
        places.Where(p => p.Location != null && db.Wards.Any(w => w.Id == wardId && w.Boundary.Covers(p.Location)));

    /// <summary>Physical places whose point lies inside the local authority's boundary.</summary>
    public static IQueryable<Place> InLocalAuthority(this IQueryable<Place> places, SocialInfraDbContext db, string localAuthorityCode) =>
        places.Where(p => p.Location != null
            && db.LocalAuthorities.Any(a => a.Code == localAuthorityCode && a.Boundary != null && a.Boundary.Covers(p.Location)));

    /// <summary>Whether the point lies inside the local authority's boundary.</summary>
    public static Task<bool> IsInLocalAuthorityAsync(this SocialInfraDbContext db, string localAuthorityCode, Point point, CancellationToken cancellationToken = default) =>
        db.LocalAuthorities.AnyAsync(a => a.Code == localAuthorityCode && a.Boundary != null && a.Boundary.Covers(point), cancellationToken);

    /// <summary>Places whose postcode is in the district (outward code), e.g. "RM10".</summary>
    public static IQueryable<Place> InPostcodeDistrict(this IQueryable<Place> places, string district)
    {
        var prefix = district + " ";
        return places.Where(p => p.Postcode != null && p.Postcode.StartsWith(prefix));
    }

    /// <summary>How many places (of any activity) lie inside each ward, by point in polygon.</summary>
    public static IQueryable<WardPlaceCount> PlaceCountsByWard(this SocialInfraDbContext db) =>
        from w in db.Wards
        from p in db.Places
        where p.Location != null && w.Boundary.Covers(p.Location)
        group p by w.Id into g
        select new WardPlaceCount(g.Key, g.Count());

    /// <summary>Places whose point lies in the envelope (uses the GiST index through the && operator).</summary>
    public static IQueryable<Place> PlacesInBox(this IQueryable<Place> places, Envelope box)
    {
        var polygon = Factory.ToGeometry(box);
        return places.Where(p => p.Location != null && p.Location.Intersects(polygon));
    }

    /// <summary>
    /// Each ward's figures over its LSOAs of the newest vintage loaded (2011 and 2021 LSOAs cover the same people once
    /// each); population is their sum, or null while any one's population is unknown.
    /// </summary>
    public static IQueryable<WardSummary> Summaries(this IQueryable<Ward> wards) =>
        wards.Select(w => new WardSummary(
            w.Id, w.Code, w.Name, w.LocalAuthorityCode, w.BoundaryYear, w.ImdScore,
            w.Lsoas.Any() && w.Lsoas.Where(l => l.Vintage == w.Lsoas.Max(x => x.Vintage)).All(l => l.Population != null)
                ? w.Lsoas.Where(l => l.Vintage == w.Lsoas.Max(x => x.Vintage)).Sum(l => l.Population)
                : null,
            w.Lsoas.Count(l => l.Vintage == w.Lsoas.Max(x => x.Vintage)),
            w.Boundary));

    /// <summary>
    /// Sets each ward's IMD score to the population-weighted mean of its LSOAs' scores (one vintage), where every one
    /// of those LSOAs has a score and a population. Returns how many wards were set.
    /// </summary>
    public static Task<int> WeightWardImdScoresAsync(this SocialInfraDbContext db, string localAuthorityCode, int vintage, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "Wards" AS w SET "ImdScore" = s.score
            FROM (SELECT l."WardId", sum(l."ImdScore" * l."Population") / sum(l."Population") AS score
                  FROM "Lsoas" AS l
                  WHERE l."LocalAuthorityCode" = {localAuthorityCode} AND l."Vintage" = {vintage} AND l."WardId" IS NOT NULL
                  GROUP BY l."WardId"
                  HAVING count(*) = count(l."ImdScore") AND count(*) = count(l."Population") AND sum(l."Population") > 0) AS s
            WHERE w."Id" = s."WardId"
            """, cancellationToken);

    /// <summary>Sets each LSOA's reference point to its point on surface where no population-weighted centroid was loaded.</summary>
    public static Task<int> FillLsoaReferencePointsAsync(this SocialInfraDbContext db, string localAuthorityCode, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "Lsoas" SET "ReferencePoint" = ST_PointOnSurface("Boundary")
            WHERE "LocalAuthorityCode" = {localAuthorityCode} AND "ReferencePoint" IS NULL
            """, cancellationToken);

    /// <summary>Assigns each LSOA to the ward of the newest vintage that contains its reference point.</summary>
    public static Task<int> AssignLsoasToWardsAsync(this SocialInfraDbContext db, string localAuthorityCode, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "Lsoas" AS l SET "WardId" = (
                SELECT w."Id" FROM "Wards" AS w
                WHERE w."LocalAuthorityCode" = l."LocalAuthorityCode" AND ST_Covers(w."Boundary", l."ReferencePoint")
                ORDER BY w."BoundaryYear" DESC, w."Code" LIMIT 1)
            WHERE l."LocalAuthorityCode" = {localAuthorityCode}
            """, cancellationToken);

    /// <summary>Reprojects British National Grid (EPSG:27700) geometries to WGS84 in PostGIS, in the order given.</summary>
    public static async Task<List<Geometry>> FromBritishNationalGridAsync(
        this SocialInfraDbContext db, IReadOnlyList<Geometry> geometries, CancellationToken cancellationToken = default)
    {
        var input = geometries.Select(g =>
        {
            var copy = g.Copy();
            copy.SRID = 27700;
            return copy;
        }).ToArray();
        return await db.Database.SqlQuery<Geometry>($"""
            SELECT ST_Transform(t.g, 4326) AS "Value" FROM unnest({input}) WITH ORDINALITY AS t(g, i) ORDER BY t.i
            """).ToListAsync(cancellationToken);
    }

    /// <summary>The id of the nearest place with the same name (any case) within <paramref name="metres"/> of each point, or null.</summary>
    public static async Task<Guid?[]> PlacesNamedNearAsync(
        this SocialInfraDbContext db, IReadOnlyList<(string Name, Point Location)> wanted, double metres, CancellationToken cancellationToken = default)
    {
        var names = wanted.Select(w => w.Name).ToArray();
        var longitudes = wanted.Select(w => w.Location.X).ToArray();
        var latitudes = wanted.Select(w => w.Location.Y).ToArray();
        var matches = await db.Database.SqlQuery<NamedPlaceMatch>($"""
            SELECT t.i AS "Index", m."Id" AS "Id"
            FROM unnest({names}, {longitudes}, {latitudes}) WITH ORDINALITY AS t(name, lon, lat, i)
            CROSS JOIN LATERAL (
                SELECT p."Id" FROM "Places" AS p
                WHERE lower(p."Name") = lower(t.name)
                  AND ST_DWithin(p."LocationGeography", ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326)::geography, {metres})
                ORDER BY p."LocationGeography" <-> ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326)::geography
                LIMIT 1) AS m
            """).ToListAsync(cancellationToken);
        var result = new Guid?[wanted.Count];
        foreach (var match in matches)
        {
            result[match.Index - 1] = match.Id;
        }
        return result;
    }

    /// <summary>Where a postcode is in the loaded postcode directory, else the middle of the places recorded with it.</summary>
    public static async Task<Point?> LocatePostcodeAsync(this SocialInfraDbContext db, string postcode, CancellationToken cancellationToken = default)
    {
        var known = await db.Postcodes.Where(p => p.Code == postcode).Select(p => p.Location).FirstOrDefaultAsync(cancellationToken);
        if (known is not null)
        {
            return known;
        }
        var points = await db.Places.Where(p => p.Postcode == postcode && p.Location != null).Select(p => p.Location!).ToListAsync(cancellationToken);
        return points.Count == 0 ? null : PointAt(points.Average(p => p.X), points.Average(p => p.Y));
    }

    /// <summary>Sets the authority's boundary to the union of its newest wards.</summary>
    public static Task<int> UnionLocalAuthorityBoundaryAsync(this SocialInfraDbContext db, string localAuthorityCode, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "LocalAuthorities" SET "Boundary" = (
                SELECT ST_Multi(ST_Union(w."Boundary")) FROM "Wards" AS w
                WHERE w."LocalAuthorityCode" = {localAuthorityCode}
                  AND w."BoundaryYear" = (SELECT max("BoundaryYear") FROM "Wards" WHERE "LocalAuthorityCode" = {localAuthorityCode}))
            WHERE "Code" = {localAuthorityCode}
            """, cancellationToken);
}

/// <summary>The number of places inside a ward.</summary>
public sealed record WardPlaceCount(int WardId, int Places);

/// <summary>A place matched by name and distance to the <see cref="Index"/>th (from 1) point asked about.</summary>
public sealed record NamedPlaceMatch(long Index, Guid Id);

/// <summary>A ward with its resident population (null when not known for every LSOA in it) and IMD score.</summary>
public sealed record WardSummary(
    int Id, string Code, string Name, string LocalAuthorityCode, int BoundaryYear, double? ImdScore,
    int? Population, int LsoaCount, MultiPolygon Boundary);

using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Geography;

namespace SocialInfra.Networks;

/// <summary>
/// A ward's open places and how many of them are in a value network (as a member, or through a service delivered
/// there); the rest are isolated. <see cref="Networks"/> counts the networks reaching the ward through those places or
/// through services serving the ward.
/// </summary>
public sealed record WardConnections(int WardId, string WardCode, string WardName, int Places, int Connected, int Networks, IReadOnlyList<IsolatedPlace> Isolated)
{
    public int IsolatedCount => Places - Connected;

    /// <summary>Connected places as a share of the ward's open places; null when it has none.</summary>
    public double? ConnectedShare => Places == 0 ? null : (double)Connected / Places;
}

/// <summary>An open place in no value network.</summary>
public sealed record IsolatedPlace(Guid Id, string Name, string CategorySlug);

/// <summary>Connected provision by ward: open places, physical ones by point in the ward and digital ones by the wards they serve.</summary>
public static class ConnectedProvision
{
    private sealed record WardPlace(int WardId, Guid PlaceId, string Name, string CategorySlug, Guid[] NetworkIds);

    private sealed record WardNetwork(int WardId, Guid NetworkId);

    /// <summary>Every current ward of the authority, or only the one with <paramref name="wardCode"/> (a ward report needs no more).</summary>
    public static async Task<List<WardConnections>> ByWardAsync(
        SocialInfraDbContext db, string localAuthorityCode, CancellationToken cancellationToken = default, string? wardCode = null)
    {
        var wards = await db.CurrentWards(localAuthorityCode).Where(w => wardCode == null || w.Code == wardCode)
            .OrderBy(w => w.Name).Select(w => new { w.Id, w.Code, w.Name }).ToListAsync(cancellationToken);
        var wardIds = wards.Select(w => w.Id).ToArray();
        // Ward by ward through the GiST index on Location, as the gap analysis counts places; each place with the
        // networks it is in, directly or through a service delivered there.
        var places = await db.Database.SqlQuery<WardPlace>($"""
            WITH ward_places AS (
                SELECT w."Id" AS ward_id, p."Id" AS place_id, p."Name" AS name, p."CategorySlug" AS category
                FROM "Wards" AS w JOIN "Places" AS p ON ST_Covers(w."Boundary", p."Location")
                WHERE w."Id" = ANY({wardIds}) AND p."Presence" = 'Physical' AND p."Activity" = 'Active'
                UNION
                SELECT s."WardId", p."Id", p."Name", p."CategorySlug"
                FROM "PlaceWardServed" AS s JOIN "Places" AS p ON p."Id" = s."PlaceId"
                WHERE s."WardId" = ANY({wardIds}) AND p."Presence" = 'Digital' AND p."Activity" = 'Active')
            SELECT x.ward_id AS "WardId", x.place_id AS "PlaceId", x.name AS "Name", x.category AS "CategorySlug",
                   ARRAY(SELECT m."NetworkId" FROM "NetworkMembers" AS m WHERE m."PlaceId" = x.place_id
                         UNION
                         SELECT m."NetworkId" FROM "ServicePlace" AS sp JOIN "NetworkMembers" AS m ON m."ServiceId" = sp."ServiceId"
                             JOIN "Services" AS s ON s."Id" = sp."ServiceId"
                         WHERE sp."PlaceId" = x.place_id AND s."Status" = 'Active') AS "NetworkIds"
            FROM ward_places AS x
            """).ToListAsync(cancellationToken);
        var serving = await db.Database.SqlQuery<WardNetwork>($"""
            SELECT sw."WardId", m."NetworkId"
            FROM "ServiceWard" AS sw JOIN "NetworkMembers" AS m ON m."ServiceId" = sw."ServiceId"
                JOIN "Services" AS s ON s."Id" = sw."ServiceId"
            WHERE sw."WardId" = ANY({wardIds}) AND s."Status" = 'Active'
            """).ToListAsync(cancellationToken);
        var placesByWard = places.ToLookup(p => p.WardId);
        var networksByWard = places.SelectMany(p => p.NetworkIds.Select(n => new WardNetwork(p.WardId, n))).Concat(serving)
            .GroupBy(n => n.WardId).ToDictionary(g => g.Key, g => g.Select(n => n.NetworkId).Distinct().Count());
        return wards.Select(w => new WardConnections(
                w.Id, w.Code, w.Name, placesByWard[w.Id].Count(), placesByWard[w.Id].Count(p => p.NetworkIds.Length > 0),
                networksByWard.GetValueOrDefault(w.Id),
                placesByWard[w.Id].Where(p => p.NetworkIds.Length == 0).OrderBy(p => p.Name).Select(p => new IsolatedPlace(p.PlaceId, p.Name, p.CategorySlug)).ToList()))
            .ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using SocialInfra.Data;
using SocialInfra.Geography;
using SocialInfra.Services;

namespace SocialInfra.Places;

/// <summary>A service delivered at a place, as its popup and page list it.</summary>
public sealed record ServiceAtPlace(Guid Id, string Name, string Provider, PreventionLevel PreventionLevel);

/// <summary>A value network a place belongs to, with the place's role in it.</summary>
public sealed record NetworkOfPlace(Guid Id, string Name, string? Role);

/// <summary>What surrounds a place: its ward, its activity history, its services and its networks.</summary>
public sealed record PlaceDetails(
    Ward? Ward, IReadOnlyList<ActivityPeriod> History, IReadOnlyList<ServiceAtPlace> Services, IReadOnlyList<NetworkOfPlace> Networks)
{
    /// <summary>
    /// Loads the details of a place; history runs oldest first, a period begun before records counting as oldest.
    /// Both the map popup (through the API) and the place page read them here; both already hold the place's point.
    /// </summary>
    public static async Task<PlaceDetails> LoadAsync(SocialInfraDbContext db, Guid placeId, Point? location, CancellationToken cancellationToken = default)
    {
        var ward = location is null ? null : await db.WardContainingAsync(location, cancellationToken);
        var history = await db.ActivityPeriods.AsNoTracking().Where(a => a.PlaceId == placeId)
            .OrderBy(a => a.StartsOn == null ? 0 : 1).ThenBy(a => a.StartsOn).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var services = await db.Services.Where(s => s.DeliveredAt.Any(p => p.Id == placeId)).OrderBy(s => s.Name)
            .Select(s => new ServiceAtPlace(s.Id, s.Name, s.Organisation!.Name, s.PreventionLevel))
            .ToListAsync(cancellationToken);
        var networks = await (
                from m in db.NetworkMembers
                join n in db.ValueNetworks on m.NetworkId equals n.Id
                where m.PlaceId == placeId
                orderby n.Name, n.Id
                select new NetworkOfPlace(n.Id, n.Name, m.Role))
            .ToListAsync(cancellationToken);
        return new PlaceDetails(ward, history, services, networks);
    }
}

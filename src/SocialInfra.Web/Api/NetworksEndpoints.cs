using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SocialInfra.Data;
using SocialInfra.Geography;
using SocialInfra.Networks;

namespace SocialInfra.Web.Api;

/// <summary>
/// GET /api/networks/{id}: a network's members as points (organisations have no place, so are left out) and its
/// relationships as lines between members that are both on the map. The network's page lists everything in tables.
/// </summary>
public static class NetworksEndpoints
{
    public static RouteGroupBuilder MapNetworks(this RouteGroupBuilder group)
    {
        group.MapGet("{id:guid}", GetAsync);
        return group;
    }

    private static async Task<IResult> GetAsync(Guid id, SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        if (await NetworkFigures.ForNetworkAsync(db, id, cancellationToken) is not { } figures)
        {
            return Problems.NotFound($"There is no value network {id}.");
        }
        var members = figures.Members.Where(m => m.Location is not null).Select(m => new Feature(m.Location, new AttributesTable
        {
            { GeoJson.IdProperty, m.MemberId.ToString() },
            { "feature", "member" },
            { "name", m.Name },
            { "kind", m.Subject.Kind.ToString().ToLowerInvariant() },
            { "subjectId", m.Subject.Id },
            { "sector", m.Sector.ToString().ToLowerInvariant() },
            { "role", m.Role },
            { "degree", m.Degree },
            { "betweenness", Math.Round(m.Betweenness, 2) },
            { "networks", m.Networks },
            { "hostsSeveralNetworks", m.HostsSeveralNetworks },
        }));
        var links = figures.Relationships.Where(r => r.From.Location is not null && r.To.Location is not null && !r.From.Location.EqualsExact(r.To.Location))
            .Select(r => new Feature(
                SpatialQueries.Factory.CreateLineString([r.From.Location!.Coordinate, r.To.Location!.Coordinate]),
                new AttributesTable
                {
                    { GeoJson.IdProperty, r.Id.ToString() },
                    { "feature", "relationship" },
                    { "kind", r.Kind.ToString().ToLowerInvariant() },
                    { "kindName", EnumText.Words(r.Kind) },
                    { "from", r.From.Name },
                    { "to", r.To.Name },
                    { "description", r.Description },
                }));
        return GeoJson.Collection([.. members, .. links]);
    }
}

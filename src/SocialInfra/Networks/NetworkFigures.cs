using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using SocialInfra.Data;
using SocialInfra.Organisations;
using SocialInfra.Places;

namespace SocialInfra.Networks;

/// <summary>
/// One member of a network (or, for the borough, one organisation, place or service across every network) and how it
/// is connected: <see cref="Networks"/> counts the networks it is in; for a place, also those of the services delivered there.
/// </summary>
public sealed record MemberFigure(
    Guid? MemberId, MemberRef Subject, string Name, string? Role, Sector Sector, int Degree, double Betweenness,
    IReadOnlyList<Sector> SectorsReached, int Networks, Point? Location, uint Version)
{
    /// <summary>An organisation linked to members of two or more different sectors, so it joins them up.</summary>
    public bool BridgesSectors => Subject.Kind == MemberKind.Organisation && SectorsReached.Count >= 2;

    /// <summary>A place where two or more networks meet.</summary>
    public bool HostsSeveralNetworks => Subject.Kind == MemberKind.Place && Networks >= 2;
}

/// <summary>A relationship between two members, by name, with where each end is on the map (if anywhere).</summary>
public sealed record RelationshipFigure(Guid Id, RelationshipKind Kind, string? Description, MemberFigure From, MemberFigure To);

/// <summary>The simple figures of a network, or of every network in the borough taken together.</summary>
public sealed record NetworkFigures(IReadOnlyList<MemberFigure> Members, IReadOnlyList<RelationshipFigure> Relationships, int Connections, double? Density)
{
    public const int MostConnectedShown = 5;

    public IReadOnlyDictionary<Sector, int> MembersBySector =>
        Enum.GetValues<Sector>().ToDictionary(s => s, s => Members.Count(m => m.Sector == s));

    public IReadOnlyDictionary<MemberKind, int> MembersByKind =>
        Enum.GetValues<MemberKind>().ToDictionary(k => k, k => Members.Count(m => m.Subject.Kind == k));

    public IReadOnlyDictionary<RelationshipKind, int> RelationshipsByKind =>
        Enum.GetValues<RelationshipKind>().ToDictionary(k => k, k => Relationships.Count(r => r.Kind == k));

    /// <summary>The members with the most links, ties broken by betweenness and then name.</summary>
    public IReadOnlyList<MemberFigure> MostConnected =>
        Members.Where(m => m.Degree > 0).OrderByDescending(m => m.Degree).ThenByDescending(m => m.Betweenness).ThenBy(m => m.Name)
            .Take(MostConnectedShown).ToList();

    /// <summary>Members with no relationship in the network.</summary>
    public IReadOnlyList<MemberFigure> Isolated => Members.Where(m => m.Degree == 0).OrderBy(m => m.Name).ToList();

    public IReadOnlyList<MemberFigure> Bridges => Members.Where(m => m.BridgesSectors).OrderBy(m => m.Name).ToList();

    public IReadOnlyList<MemberFigure> SharedPlaces => Members.Where(m => m.HostsSeveralNetworks).OrderByDescending(m => m.Networks).ThenBy(m => m.Name).ToList();

    public MemberFigure? Member(Guid memberId) => Members.FirstOrDefault(m => m.MemberId == memberId);

    /// <summary>The figures of one network; null when there is no such network.</summary>
    public static async Task<NetworkFigures?> ForNetworkAsync(SocialInfraDbContext db, Guid networkId, CancellationToken cancellationToken = default)
    {
        if (!await db.ValueNetworks.AnyAsync(n => n.Id == networkId, cancellationToken))
        {
            return null;
        }
        return (await NetworkRecord.LoadAsync(db, cancellationToken)).Figures(networkId);
    }

    /// <summary>Every network taken together: an organisation in two networks is one node, linked to the members of both.</summary>
    public static async Task<NetworkFigures> ForBoroughAsync(SocialInfraDbContext db, CancellationToken cancellationToken = default) =>
        (await NetworkRecord.LoadAsync(db, cancellationToken)).Figures(null);
}

/// <summary>Every membership and relationship, read at once: networks are counted in tens and members in hundreds.</summary>
internal sealed class NetworkRecord
{
    private sealed record Membership(
        Guid Id, Guid NetworkId, MemberRef Subject, string Name, string? Role, Sector Sector, Point? Location, uint Version);

    private readonly List<Membership> _members;
    private readonly List<NetworkRelationship> _relationships;
    private readonly Dictionary<MemberRef, int> _networks;

    private NetworkRecord(List<Membership> members, List<NetworkRelationship> relationships, Dictionary<MemberRef, int> networks)
    {
        _members = members;
        _relationships = relationships;
        _networks = networks;
    }

    public static async Task<NetworkRecord> LoadAsync(SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.NetworkMembers.AsNoTracking()
            .Select(m => new
            {
                m.Id, m.NetworkId, m.OrganisationId, m.PlaceId, m.ServiceId, m.Role, m.Version,
                OrganisationName = m.Organisation!.Name,
                OrganisationKind = (OrganisationKind?)m.Organisation!.Kind,
                PlaceName = m.Place!.Name,
                Ownership = (Ownership?)m.Place!.Ownership,
                PlaceLocation = m.Place!.Location,
                ServiceName = m.Service!.Name,
                ProviderKind = (OrganisationKind?)m.Service!.Organisation!.Kind,
                // A service is drawn at the first place it is delivered at, by name.
                ServiceLocation = m.Service!.DeliveredAt.Where(p => p.Location != null).OrderBy(p => p.Name).Select(p => p.Location).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var members = rows.Select(m => m.OrganisationId is { } o
                ? new Membership(m.Id, m.NetworkId, new(MemberKind.Organisation, o), m.OrganisationName!, m.Role, Sectors.Of(m.OrganisationKind!.Value), null, m.Version)
                : m.PlaceId is { } p
                    ? new Membership(m.Id, m.NetworkId, new(MemberKind.Place, p), m.PlaceName!, m.Role, Sectors.Of(m.Ownership!.Value), m.PlaceLocation, m.Version)
                    : new Membership(m.Id, m.NetworkId, new(MemberKind.Service, m.ServiceId!.Value), m.ServiceName!, m.Role, Sectors.Of(m.ProviderKind!.Value), m.ServiceLocation, m.Version))
            .ToList();
        var relationships = await db.NetworkRelationships.AsNoTracking().ToListAsync(cancellationToken);

        // A place is in a network when it is a member, or when a service delivered there is.
        var servicePlaces = await db.Services.AsNoTracking()
            .Where(s => db.NetworkMembers.Any(m => m.ServiceId == s.Id))
            .SelectMany(s => s.DeliveredAt.Select(p => new { ServiceId = s.Id, PlaceId = p.Id }))
            .ToListAsync(cancellationToken);
        var networks = members.GroupBy(m => m.Subject).ToDictionary(g => g.Key, g => g.Select(m => m.NetworkId).ToHashSet());
        foreach (var link in servicePlaces)
        {
            var place = new MemberRef(MemberKind.Place, link.PlaceId);
            if (!networks.TryGetValue(place, out var set))
            {
                networks[place] = set = [];
            }
            set.UnionWith(networks[new MemberRef(MemberKind.Service, link.ServiceId)]);
        }
        return new NetworkRecord(members, relationships, networks.ToDictionary(n => n.Key, n => n.Value.Count));
    }

    public NetworkFigures Figures(Guid? networkId)
    {
        var members = _members.Where(m => networkId is null || m.NetworkId == networkId).ToList();
        var byMember = _members.ToDictionary(m => m.Id);
        var relationships = _relationships.Where(r => networkId is null || r.NetworkId == networkId).ToList();
        // Across the borough a subject is one node however many networks it is in; within one network it is one member anyway.
        var subjects = members.GroupBy(m => m.Subject).Select(g => g.First()).ToList();
        var graph = new NetworkGraph<MemberRef>(
            subjects.Select(m => m.Subject),
            relationships.Select(r => (byMember[r.FromMemberId].Subject, byMember[r.ToMemberId].Subject)));
        var betweenness = graph.Betweenness();
        var sectors = subjects.ToDictionary(m => m.Subject, m => m.Sector);
        var figures = subjects.Select(m => new MemberFigure(
                networkId is null ? null : m.Id, m.Subject, m.Name, networkId is null ? null : m.Role, m.Sector,
                graph.Degree(m.Subject), betweenness[m.Subject],
                graph.Neighbours(m.Subject).Select(n => sectors[n]).Distinct().Order().ToList(),
                _networks.GetValueOrDefault(m.Subject), m.Location, m.Version))
            .OrderBy(m => m.Name).ThenBy(m => m.Subject.Id)
            .ToList();
        var bySubject = figures.ToDictionary(f => f.Subject);
        var links = relationships
            .Select(r => new RelationshipFigure(r.Id, r.Kind, r.Description, bySubject[byMember[r.FromMemberId].Subject], bySubject[byMember[r.ToMemberId].Subject]))
            .OrderBy(r => r.From.Name).ThenBy(r => r.To.Name).ThenBy(r => r.Kind)
            .ToList();
        return new NetworkFigures(figures, links, graph.Connections, graph.Density);
    }
}

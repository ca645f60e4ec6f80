using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using SocialInfra.Data;
using SocialInfra.Organisations;
using SocialInfra.Places;
using SocialInfra.Services;

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

/// <summary>A place where two or more networks meet: as a member, or where their member services are delivered.</summary>
public sealed record SharedPlace(Guid Id, string Name, int Networks);

/// <summary>A relationship between two members, by name, with where each end is on the map (if anywhere).</summary>
public sealed record RelationshipFigure(Guid Id, RelationshipKind Kind, string? Description, MemberFigure From, MemberFigure To);

/// <summary>The simple figures of a network, or of every network in the borough taken together.</summary>
public sealed record NetworkFigures(
    IReadOnlyList<MemberFigure> Members, IReadOnlyList<RelationshipFigure> Relationships, int Connections, double? Density, IReadOnlyList<SharedPlace> SharedPlaces)
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
    private readonly Dictionary<MemberRef, HashSet<Guid>> _networks;
    private readonly Dictionary<Guid, string> _placeNames;

    private NetworkRecord(List<Membership> members, List<NetworkRelationship> relationships, Dictionary<MemberRef, HashSet<Guid>> networks, Dictionary<Guid, string> placeNames)
    {
        _members = members;
        _relationships = relationships;
        _networks = networks;
        _placeNames = placeNames;
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

        // A place is in a network when it is a member, or when an active service delivered there is.
        var servicePlaces = await db.Services.AsNoTracking()
            .Where(s => s.Status == ServiceStatus.Active && db.NetworkMembers.Any(m => m.ServiceId == s.Id))
            .SelectMany(s => s.DeliveredAt.Select(p => new { ServiceId = s.Id, PlaceId = p.Id, PlaceName = p.Name }))
            .ToListAsync(cancellationToken);
        var networks = members.GroupBy(m => m.Subject).ToDictionary(g => g.Key, g => g.Select(m => m.NetworkId).ToHashSet());
        foreach (var link in servicePlaces)
        {
            // Read apart from the members, so a service that joined since has no networks here yet.
            if (networks.TryGetValue(new MemberRef(MemberKind.Service, link.ServiceId), out var ofService))
            {
                var place = new MemberRef(MemberKind.Place, link.PlaceId);
                if (!networks.TryGetValue(place, out var set))
                {
                    networks[place] = set = [];
                }
                set.UnionWith(ofService);
            }
        }
        var placeNames = members.Where(m => m.Subject.Kind == MemberKind.Place).Select(m => (m.Subject.Id, m.Name))
            .Concat(servicePlaces.Select(l => (l.PlaceId, l.PlaceName)))
            .DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2);
        return new NetworkRecord(members, relationships, networks, placeNames);
    }

    public NetworkFigures Figures(Guid? networkId)
    {
        var members = _members.Where(m => networkId is null || m.NetworkId == networkId).ToList();
        var byMember = _members.ToDictionary(m => m.Id);
        // Relationships are read apart from the members: one added since, between members not read, waits for the next look.
        var relationships = _relationships.Where(r => (networkId is null || r.NetworkId == networkId)
            && byMember.ContainsKey(r.FromMemberId) && byMember.ContainsKey(r.ToMemberId)).ToList();
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
                _networks.GetValueOrDefault(m.Subject)?.Count ?? 0, m.Location, m.Version))
            .OrderBy(m => m.Name).ThenBy(m => m.Subject.Id)
            .ToList();
        var bySubject = figures.ToDictionary(f => f.Subject);
        var links = relationships
            .Select(r => new RelationshipFigure(r.Id, r.Kind, r.Description, bySubject[byMember[r.FromMemberId].Subject], bySubject[byMember[r.ToMemberId].Subject]))
            .OrderBy(r => r.From.Name).ThenBy(r => r.To.Name).ThenBy(r => r.Kind)
            .ToList();
        var shared = _networks
            .Where(n => n.Key.Kind == MemberKind.Place && n.Value.Count >= 2 && (networkId is null || n.Value.Contains(networkId.Value)))
            .Select(n => new SharedPlace(n.Key.Id, _placeNames[n.Key.Id], n.Value.Count))
            .OrderByDescending(p => p.Networks).ThenBy(p => p.Name).ToList();
        return new NetworkFigures(figures, links, graph.Connections, graph.Density, shared);
    }
}

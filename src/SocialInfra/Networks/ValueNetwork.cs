using SocialInfra.Organisations;
using SocialInfra.Places;
using SocialInfra.Services;

namespace SocialInfra.Networks;

/// <summary>A group or partnership held together by shared values, linking organisations, places and services.</summary>
public class ValueNetwork
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string? Purpose { get; set; }
    public List<NetworkValue> Values { get; set; } = [];
    public List<NetworkMember> Members { get; set; } = [];
    public List<NetworkRelationship> Relationships { get; set; } = [];
    public uint Version { get; set; }
}

/// <summary>The shared values a network is built on.</summary>
public enum NetworkValue
{
    NetworkBuilding,
    Participation,
    PowerSharing,
    Reciprocity,
    Trust,
    Inclusion,
}

/// <summary>An organisation, place or service taking part in a network, with its role.</summary>
public class NetworkMember
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public Guid? PlaceId { get; set; }
    public Place? Place { get; set; }
    public Guid? ServiceId { get; set; }
    public Service? Service { get; set; }
    public string? Role { get; set; }

    public MemberKind Kind => OrganisationId is not null ? MemberKind.Organisation
        : PlaceId is not null ? MemberKind.Place
        : MemberKind.Service;

    public static NetworkMember For(Organisation organisation, string? role = null) =>
        new() { OrganisationId = organisation.Id, Organisation = organisation, Role = role };

    public static NetworkMember For(Place place, string? role = null) =>
        new() { PlaceId = place.Id, Place = place, Role = role };

    public static NetworkMember For(Service service, string? role = null) =>
        new() { ServiceId = service.Id, Service = service, Role = role };
}

/// <summary>What a network member is.</summary>
public enum MemberKind
{
    Organisation,
    Place,
    Service,
}

/// <summary>A typed link between two members of the same network.</summary>
public class NetworkRelationship
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid FromMemberId { get; set; }
    public Guid ToMemberId { get; set; }
    public RelationshipKind Kind { get; set; }
    public string? Description { get; set; }
}

/// <summary>How two network members relate.</summary>
public enum RelationshipKind
{
    Partnership,
    Funding,
    Referral,
    SharedSpace,
    Commissioning,
}

using SocialInfra.Organisations;
using SocialInfra.Places;
using SocialInfra.Services;

namespace SocialInfra.Networks;

/// <summary>A group or partnership held together by shared values, linking organisations, places and services.</summary>
public class ValueNetwork
{
    public const int NameLength = 200;
    public const int PurposeLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string? Purpose { get; set; }
    public List<NetworkValue> Values { get; set; } = [];
    public List<NetworkMember> Members { get; set; } = [];
    public List<NetworkRelationship> Relationships { get; set; } = [];

    /// <summary>The people who keep the network's record: they change it and answer requests to join.</summary>
    public List<NetworkCoordinator> Coordinators { get; set; } = [];

    /// <summary>Optimistic concurrency token of the name, purpose and values (PostgreSQL xmin).</summary>
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
    public const int RoleLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public Guid? PlaceId { get; set; }
    public Place? Place { get; set; }
    public Guid? ServiceId { get; set; }
    public Service? Service { get; set; }
    public string? Role { get; set; }

    /// <summary>Optimistic concurrency token of the role (PostgreSQL xmin).</summary>
    public uint Version { get; set; }

    public MemberKind Kind => OrganisationId is not null ? MemberKind.Organisation
        : PlaceId is not null ? MemberKind.Place
        : MemberKind.Service;

    public static NetworkMember For(Organisation organisation, string? role = null) =>
        new() { OrganisationId = organisation.Id, Organisation = organisation, Role = role };

    public static NetworkMember For(Place place, string? role = null) =>
        new() { PlaceId = place.Id, Place = place, Role = role };

    public static NetworkMember For(Service service, string? role = null) =>
        new() { ServiceId = service.Id, Service = service, Role = role };

    public static NetworkMember For(MemberRef subject, string? role = null) => subject.Kind switch
    {
        MemberKind.Organisation => new() { OrganisationId = subject.Id, Role = role },
        MemberKind.Place => new() { PlaceId = subject.Id, Role = role },
        _ => new() { ServiceId = subject.Id, Role = role },
    };
}

/// <summary>What a network member is.</summary>
public enum MemberKind
{
    Organisation,
    Place,
    Service,
}

/// <summary>An organisation, place or service by kind and id, as a form names it ("place:{id}").</summary>
public readonly record struct MemberRef(MemberKind Kind, Guid Id)
{
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Id}";

    public static bool TryParse(string? text, out MemberRef value)
    {
        value = default;
        var parts = (text ?? "").Split(':', 2);
        if (parts.Length != 2 || !EnumText.TryParse<MemberKind>(parts[0], out var kind) || !Guid.TryParse(parts[1], out var id))
        {
            return false;
        }
        value = new MemberRef(kind, id);
        return true;
    }
}

/// <summary>A typed link between two members of the same network; funding, referral and commissioning run from one to the other.</summary>
public class NetworkRelationship
{
    public const int DescriptionLength = 500;

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

/// <summary>A user who coordinates a network.</summary>
public class NetworkCoordinator
{
    public Guid NetworkId { get; set; }
    public Guid UserId { get; set; }
}

/// <summary>VCFSE staff asking for their organisation, or one of its places or services, to join a network.</summary>
public class MembershipRequest
{
    public const int MessageLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public ValueNetwork? Network { get; set; }
    public Guid? OrganisationId { get; set; }
    public Guid? PlaceId { get; set; }
    public Guid? ServiceId { get; set; }

    /// <summary>The organisation the proposer works for, which answers for the request.</summary>
    public Guid ProposedByOrganisationId { get; set; }
    public Guid ProposedByUserId { get; set; }
    public required string ProposedByName { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public string? Role { get; set; }
    public string? Message { get; set; }

    public RequestStatus Status { get; set; } = RequestStatus.Pending;
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Reason { get; set; }
    public uint Version { get; set; }

    public MemberRef Subject => OrganisationId is { } o ? new(MemberKind.Organisation, o)
        : PlaceId is { } p ? new(MemberKind.Place, p)
        : new(MemberKind.Service, ServiceId!.Value);
}

/// <summary>Where a request to join stands.</summary>
public enum RequestStatus
{
    Pending,
    Accepted,
    Declined,
    Withdrawn,
}

/// <summary>The three sectors social infrastructure spans: council and other public bodies, private, and voluntary and community (VCFSE).</summary>
public enum Sector
{
    Public,
    Private,
    Vcfse,
}

/// <summary>Which sector an organisation or place belongs to.</summary>
public static class Sectors
{
    public static Sector Of(OrganisationKind kind) => kind switch
    {
        OrganisationKind.LocalAuthority or OrganisationKind.Education or OrganisationKind.Health => Sector.Public,
        OrganisationKind.Private => Sector.Private,
        _ => Sector.Vcfse,
    };

    public static Sector Of(Ownership ownership) => ownership switch
    {
        Ownership.Public => Sector.Public,
        Ownership.Private => Sector.Private,
        _ => Sector.Vcfse,
    };

    public static string Name(Sector sector) => sector switch
    {
        Sector.Public => "Council and public",
        Sector.Private => "Private",
        _ => "Voluntary and community (VCFSE)",
    };
}

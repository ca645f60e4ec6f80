using SocialInfra.Geography;
using SocialInfra.Organisations;
using SocialInfra.Places;

namespace SocialInfra.Services;

/// <summary>A public or voluntary service delivered at places and/or across wards.</summary>
public class Service
{
    public const int NameLength = 200;
    public const int UrlLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? WhoFor { get; set; }
    public string? Eligibility { get; set; }
    public string? Cost { get; set; }
    public string? Url { get; set; }
    public PreventionLevel PreventionLevel { get; set; } = PreventionLevel.Universal;

    /// <summary>The organisation that commissions or funds the service, when not the provider.</summary>
    public Guid? CommissionedById { get; set; }
    public Organisation? CommissionedBy { get; set; }

    public ServiceStatus Status { get; set; } = ServiceStatus.Active;
    public List<Place> DeliveredAt { get; set; } = [];
    public List<Ward> WardsServed { get; set; } = [];

    public Provenance Provenance { get; set; } = new();
    public uint Version { get; set; }
}

/// <summary>How preventative a service is, from open to all to crisis support.</summary>
public enum PreventionLevel
{
    Universal,
    EarlyHelp,
    Targeted,
    Acute,
}

/// <summary>Service status as in Open Referral UK.</summary>
public enum ServiceStatus
{
    Active,
    Inactive,
    Defunct,
    TemporarilyClosed,
}

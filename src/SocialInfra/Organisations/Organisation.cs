namespace SocialInfra.Organisations;

/// <summary>A body that owns places, runs services or joins value networks.</summary>
public class Organisation
{
    public const int NameLength = 200;
    public const int NumberLength = 20;
    public const int WebsiteLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
    public string? CharityNumber { get; set; }
    public string? CompanyNumber { get; set; }
    public string? Website { get; set; }
}

/// <summary>The sector an organisation belongs to.</summary>
public enum OrganisationKind
{
    LocalAuthority,
    Vcfse,
    Private,
    CommunityGroup,
    Faith,
    Education,
    Health,
}

using Microsoft.AspNetCore.Identity;
using SocialInfra.Organisations;

namespace SocialInfra.Accounts;

/// <summary>Someone who signs in: a council officer, a workshop facilitator, VCFSE staff or an administrator.</summary>
public class User : IdentityUser<Guid>
{
    public User()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public const int DisplayNameLength = 200;

    /// <summary>ASP.NET Core Identity's own limit on the email address (and the user name, which is the email address).</summary>
    public const int EmailLength = 256;

    /// <summary>The name shown to colleagues and in the change history.</summary>
    public required string DisplayName { get; set; }

    /// <summary>The organisation the user works for; VCFSE staff may change only its places and services.</summary>
    public Guid? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
}

/// <summary>One of the four roles in <see cref="Roles"/>.</summary>
public class Role : IdentityRole<Guid>
{
    public Role()
    {
        Id = Guid.CreateVersion7();
    }
}

/// <summary>What a signed-in user may do; each user has one role.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string CouncilOfficer = "CouncilOfficer";
    public const string Facilitator = "Facilitator";
    public const string VcfseStaff = "VcfseStaff";

    public static readonly IReadOnlyList<string> All = [Admin, CouncilOfficer, Facilitator, VcfseStaff];

    /// <summary>Officers and administrators moderate and publish at once.</summary>
    public const string Officers = $"{CouncilOfficer},{Admin}";

    /// <summary>Everyone who may propose or make changes to places and services.</summary>
    public const string Editors = $"{VcfseStaff},{CouncilOfficer},{Admin}";

    public static string Describe(string role) => role switch
    {
        Admin => "Administrator",
        CouncilOfficer => "Council officer",
        Facilitator => "Workshop facilitator",
        VcfseStaff => "VCFSE staff",
        _ => role,
    };
}

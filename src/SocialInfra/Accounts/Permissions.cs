using System.Security.Claims;

namespace SocialInfra.Accounts;

/// <summary>Who may change what: officers and administrators anything; VCFSE staff only their own organisation's records.</summary>
public static class Permissions
{
    /// <summary>The claim carrying the id of the user's organisation.</summary>
    public const string OrganisationClaim = "socialinfra:organisation";

    /// <summary>The claim carrying the user's display name.</summary>
    public const string DisplayNameClaim = "socialinfra:display-name";

    public static bool IsOfficer(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.CouncilOfficer) || user.IsInRole(Roles.Admin);

    public static bool MayEdit(this ClaimsPrincipal user) => user.IsOfficer() || user.IsInRole(Roles.VcfseStaff);

    public static Guid? OrganisationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(OrganisationClaim), out var id) ? id : null;

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "anonymous";

    /// <summary>Whether the user may change a record held by <paramref name="organisationId"/> (null: held by nobody).</summary>
    public static bool MayEditRecordOf(this ClaimsPrincipal user, Guid? organisationId) =>
        user.IsOfficer()
        || (user.IsInRole(Roles.VcfseStaff) && organisationId is not null && organisationId == user.OrganisationId());

    /// <summary>Whether the user may add new places and services: officers, and VCFSE staff who belong to an organisation.</summary>
    public static bool MayAdd(this ClaimsPrincipal user) => user.IsOfficer() || (user.IsInRole(Roles.VcfseStaff) && user.OrganisationId() is not null);
}

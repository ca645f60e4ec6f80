using System.Security.Claims;
using SocialInfra.Accounts;
using SocialInfra.Places;

namespace SocialInfra.Web.Accounts;

public static class EditorExtensions
{
    /// <summary>The signed-in user as the domain's rules see them; the name is the one the audit history records.</summary>
    public static Editor AsEditor(this ClaimsPrincipal user, string actorName) =>
        new(user.UserId() ?? throw new InvalidOperationException("Not signed in."), actorName, user.OrganisationId(), user.IsOfficer());
}

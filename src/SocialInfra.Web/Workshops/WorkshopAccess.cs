using System.Security.Claims;
using SocialInfra.Accounts;
using SocialInfra.Data;
using SocialInfra.Workshops;

namespace SocialInfra.Web.Workshops;

/// <summary>
/// Who may do what with a workshop: its facilitator (and administrators) run it; officers may read its record;
/// participants act in it only with the key their browser was given when they joined that workshop.
/// </summary>
public static class WorkshopAccess
{
    /// <summary>Everyone who may open the workshops pages.</summary>
    public const string Roles = $"{SocialInfra.Accounts.Roles.Facilitator},{SocialInfra.Accounts.Roles.CouncilOfficer},{SocialInfra.Accounts.Roles.Admin}";

    /// <summary>Who may set up a workshop.</summary>
    public static bool MayCreate(this ClaimsPrincipal user) => user.IsInRole(SocialInfra.Accounts.Roles.Facilitator) || user.IsInRole(SocialInfra.Accounts.Roles.Admin);

    /// <summary>Whether the user runs this workshop: its own facilitator, or an administrator.</summary>
    public static bool MayRun(this ClaimsPrincipal user, WorkshopSession session) =>
        user.IsInRole(SocialInfra.Accounts.Roles.Admin) || (user.IsInRole(SocialInfra.Accounts.Roles.Facilitator) && user.UserId() == session.FacilitatorId);

    /// <summary>Whether the user may read the workshop's record: whoever runs it, and council officers.</summary>
    public static bool MayReadRecord(this ClaimsPrincipal user, WorkshopSession session) => user.MayRun(session) || user.IsOfficer();

    /// <summary>The cookie holding a participant's key to one workshop: one per workshop, so joining another never mixes them.</summary>
    public static string CookieName(string code) => $"si-workshop-{code}";

    /// <summary>The participant this browser joined the workshop as, if it did.</summary>
    public static Task<WorkshopParticipant?> ParticipantAsync(SocialInfraDbContext db, HttpContext http, WorkshopSession session, CancellationToken cancellationToken = default) =>
        WorkshopRoom.ParticipantAsync(db, session.Id, http.Request.Cookies[CookieName(session.Code)], cancellationToken);

    /// <summary>Gives this browser its key to the workshop.</summary>
    public static void RememberParticipant(HttpResponse response, WorkshopSession session, string token) =>
        response.Cookies.Append(CookieName(session.Code), token, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            Secure = response.HttpContext.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(2),
            Path = "/",
        });

    /// <summary>Names the participant in the audit history of what they change.</summary>
    public static void NameInAudit(HttpContext http, WorkshopSession session, WorkshopParticipant participant) =>
        NameInAudit(http, session.Code, participant.DisplayName);

    public static void NameInAudit(HttpContext http, string code, string displayName) =>
        http.Items[SignedInActor.ParticipantItem] = $"{displayName} (workshop {code} participant)";
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SocialInfra.Accounts;
using SocialInfra.Data;

namespace SocialInfra.Web.Accounts;

/// <summary>Identity on PostgreSQL, the sign-in cookie, and optional OpenID Connect (e.g. Entra ID) from settings.</summary>
public static class AccountSetup
{
    public const string OpenIdConnectSection = "Authentication:OpenIdConnect";
    public const string OpenIdConnectScheme = "oidc";

    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentity<User, Role>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // NCSC guidance: length over composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<SocialInfraDbContext>()
            .AddClaimsPrincipalFactory<SocialInfraClaimsFactory>();

        // Role and organisation changes, and locking someone out, reach their sign-in within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "SocialInfra.SignIn";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/Account/Login";
            cookie.LogoutPath = "/Account/Logout";
            cookie.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }
                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
            // A signed-in user who may not do something gets 403 and the status page, not a redirect.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        var oidc = builder.Configuration.GetSection(OpenIdConnectSection).Get<OpenIdConnectSettings>();
        if (oidc is { Authority.Length: > 0, ClientId.Length: > 0 })
        {
            builder.Services.AddAuthentication().AddOpenIdConnect(OpenIdConnectScheme, oidc.DisplayName, options =>
            {
                options.SignInScheme = IdentityConstants.ExternalScheme;
                options.Authority = oidc.Authority;
                options.ClientId = oidc.ClientId;
                options.ClientSecret = oidc.ClientSecret;
                options.ResponseType = "code";
                options.UsePkce = true;
                options.CallbackPath = "/signin-oidc";
                options.Scope.Add("email");
                options.SaveTokens = false;
                options.MapInboundClaims = true;
            });
        }

        builder.Services.AddAuthorization();
    }
}

/// <summary>Settings for signing in with the council's identity provider; off unless Authority and ClientId are set.</summary>
public sealed class OpenIdConnectSettings
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    /// <summary>Keep out of the repository: environment variable Authentication__OpenIdConnect__ClientSecret.</summary>
    public string? ClientSecret { get; set; }
    public string DisplayName { get; set; } = "your organisation's account";
}

/// <summary>Adds the user's display name and organisation to the sign-in, so pages can check ownership without a query.</summary>
public sealed class SocialInfraClaimsFactory(UserManager<User> users, RoleManager<Role> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, Role>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Permissions.DisplayNameClaim, user.DisplayName));
        if (user.OrganisationId is { } organisation)
        {
            identity.AddClaim(new Claim(Permissions.OrganisationClaim, organisation.ToString()));
        }
        return identity;
    }
}

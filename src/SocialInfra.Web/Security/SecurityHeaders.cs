using SocialInfra.Web.Accounts;
using SocialInfra.Web.Map;

namespace SocialInfra.Web.Security;

/// <summary>
/// The headers every response carries: a Content-Security-Policy with no inline script or style (pages load their
/// scripts and styles from files; data for scripts sits in JSON blocks, which never run), and the usual hardening.
/// The base map's tile server and the sign-in provider are the only other origins allowed.
/// </summary>
public static class SecurityHeaders
{
    public static string ContentSecurityPolicy(IConfiguration configuration)
    {
        var tiles = Origin(configuration.GetSection(MapOptions.Section).Get<MapOptions>()?.TileUrl ?? new MapOptions().TileUrl);
        var signIn = Origin(configuration[$"{AccountSetup.OpenIdConnectSection}:Authority"]);
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            $"img-src 'self' data:{(tiles is null ? "" : " " + tiles)}",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            // The sign-in form redirects to the provider.
            $"form-action 'self'{(signIn is null ? "" : " " + signIn)}",
            "frame-ancestors 'none'");
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var policy = ContentSecurityPolicy(app.Configuration);
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
        return app;
    }

    /// <summary>"https://tile.openstreetmap.org" from a URL or URL template; null for none or a relative one.</summary>
    private static string? Origin(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }
        // Templates carry {s}, {z}, {x}, {y}: only the scheme and host matter, and a {s} subdomain becomes a wildcard.
        var text = url.Replace("{s}", "x-subdomain", StringComparison.Ordinal);
        if (!Uri.TryCreate(text.Split('{')[0], UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return null;
        }
        var host = uri.Host.Replace("x-subdomain", "*", StringComparison.Ordinal);
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }
}

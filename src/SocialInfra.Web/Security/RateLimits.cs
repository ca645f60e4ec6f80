using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SocialInfra.Web.Security;

/// <summary>Settings of the rate limits (section "RateLimits"): attempts a minute from one address.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts a minute from one address; the account's own lockout still applies after five wrong passwords.</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Workshop joins a minute from one address: a room of phones on the venue's Wi-Fi shares one address.</summary>
    public int JoinPerMinute { get; set; } = 60;
}

/// <summary>
/// Limits the form posts that guess at something: signing in (passwords) and joining a workshop (codes). Each client
/// address has its own fixed one-minute window; more is answered 429 with Retry-After and a page that says when to retry.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
                {
                    context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }
                return ValueTask.CompletedTask;
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, options));
        });
    }

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitOptions options)
    {
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var path = http.Request.Path;
        var (name, limit) =
            path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase) ? ("sign-in", options.SignInPerMinute)
            : path.Equals("/join", StringComparison.OrdinalIgnoreCase) || path.Equals("/Workshops/Join", StringComparison.OrdinalIgnoreCase) ? ("join", options.JoinPerMinute)
            : ("", 0);
        if (name.Length == 0)
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        // Behind a proxy this is the client's address once the forwarded headers are trusted (docs/operations.md).
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{name}:{address}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}

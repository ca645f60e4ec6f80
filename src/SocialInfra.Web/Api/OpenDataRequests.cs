using System.Globalization;

namespace SocialInfra.Web.Api;

/// <summary>The query parameters the open data endpoints share, read the same way everywhere.</summary>
public static class OpenDataRequests
{
    /// <summary>Paths served as data (Problem Details on errors, any origin may read them), not as pages.</summary>
    public static bool IsData(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/export") || path.StartsWithSegments("/ogc") || path.StartsWithSegments("/openreferral");

    /// <summary>Lets other sites' scripts and tools read open data.</summary>
    public static RouteGroupBuilder OpenToAnyOrigin(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
            return await next(context);
        });
        return group;
    }

    /// <summary>"true" or "false" (or absent: false); any other text is an error naming the parameter.</summary>
    public static bool TryParseFlag(string? text, out bool value)
    {
        value = false;
        return text is null || bool.TryParse(text, out value);
    }

    public static IResult BadFlag(string name, string? text) =>
        Problems.BadParameter(name, $"{name} must be true or false; got '{text}'.");

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or the default when absent.</summary>
    public static bool TryParseNumber(string? text, int min, int max, int fallback, out int value)
    {
        value = fallback;
        return text is null || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
    }
}

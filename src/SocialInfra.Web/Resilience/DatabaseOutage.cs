using SocialInfra.Data;
using SocialInfra.Web.Api;

namespace SocialInfra.Web.Resilience;

/// <summary>
/// When PostgreSQL cannot be reached (restarting, refusing connections, out of connections), a request that
/// still fails after the execution strategy's retries is answered 503 with Retry-After, not 500: Problem Details for
/// the API, and for pages a page saying nothing was saved and to try again. Nothing else is caught here.
/// </summary>
public static class DatabaseOutage
{
    public const int RetryAfterSeconds = 5;

    public static IApplicationBuilder UseDatabaseOutage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsOutage(e) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseOutage))
                .LogWarning(e, "The database did not answer {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            if (OpenDataRequests.IsData(context.Request.Path))
            {
                await Results.Problem(
                    title: "The database is not answering",
                    detail: $"The service cannot reach its database just now, so this request may not have been carried out. Try again in {RetryAfterSeconds} seconds.",
                    statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
            }
            // Pages: the empty 503 is re-executed as /Status/503, which needs no database.
        }
    });

    /// <summary>A failure to reach the database (also after the retries ran out), not a query's own failure.</summary>
    public static bool IsOutage(Exception exception) => SocialInfraDatabase.IsConnectionFailure(exception);
}

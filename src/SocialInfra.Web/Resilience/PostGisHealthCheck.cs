using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace SocialInfra.Web.Resilience;

/// <summary>
/// Healthy when PostgreSQL answers with PostGIS installed (and says which versions); Degraded when it answers but
/// slowly; Unhealthy when it does not answer within <see cref="Timeout"/>. /health then returns 503.
/// </summary>
public sealed class PostGisHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Slow = TimeSpan.FromSeconds(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            await using var command = dataSource.CreateCommand("SELECT postgis_lib_version(), current_setting('server_version')");
            await using var reader = await command.ExecuteReaderAsync(deadline.Token);
            await reader.ReadAsync(deadline.Token);
            var data = new Dictionary<string, object>
            {
                ["postgis"] = reader.GetString(0),
                ["postgresql"] = reader.GetString(1),
            };
            return clock.Elapsed > Slow
                ? HealthCheckResult.Degraded($"PostgreSQL answered slowly ({clock.ElapsedMilliseconds} ms)", data: data)
                : HealthCheckResult.Healthy("PostgreSQL and PostGIS answer", data);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The database did not answer within {Timeout.TotalSeconds:0} s");
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer", exception);
        }
    }

    public static Task WriteResponse(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        http.Response.Headers.CacheControl = "no-store";
        var postgis = report.Entries.TryGetValue("postgis", out var entry) ? entry.Data : null;
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            postgis = postgis?.GetValueOrDefault("postgis"),
            postgresql = postgis?.GetValueOrDefault("postgresql"),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}

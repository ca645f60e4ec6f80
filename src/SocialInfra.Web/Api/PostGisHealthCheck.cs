using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace SocialInfra.Web.Api;

/// <summary>Healthy when PostgreSQL answers and PostGIS is installed; reports the PostGIS version.</summary>
public sealed class PostGisHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT postgis_lib_version(), current_setting('server_version')");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL and PostGIS answer", new Dictionary<string, object>
            {
                ["postgis"] = reader.GetString(0),
                ["postgresql"] = reader.GetString(1),
            });
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer", exception);
        }
    }

    public static Task WriteResponse(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
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

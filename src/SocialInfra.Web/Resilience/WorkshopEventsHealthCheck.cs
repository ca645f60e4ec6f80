using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocialInfra.Web.Workshops;

namespace SocialInfra.Web.Resilience;

/// <summary>Degraded while the workshop broadcaster has lost its LISTEN connection: pages work, live updates wait.</summary>
public sealed class WorkshopEventsHealthCheck(WorkshopBroadcaster broadcaster) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(broadcaster.Listening
            ? HealthCheckResult.Healthy("Listening for workshop events")
            : HealthCheckResult.Degraded("Reconnecting to workshop events: live updates are paused"));
}

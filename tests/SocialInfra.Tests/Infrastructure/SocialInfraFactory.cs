using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using SocialInfra.Data;

namespace SocialInfra.Tests.Infrastructure;

/// <summary>The real web app over a database of its own, cloned from the demo borough.</summary>
public class SocialInfraFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public DemoDatabase Database { get; } = new();

    /// <summary>What the app logged as errors, to say why a request answered 500.</summary>
    public ServerErrors ServerErrors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{SocialInfraDatabase.ConnectionStringName}", Database.ConnectionString);
        // No tile server is reachable from tests: maps run without a base layer.
        builder.UseSetting("Map:TileUrl", "");
        // Every test client signs in from the same address; the limits have their own tests.
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:JoinPerMinute", "100000");
        builder.ConfigureLogging(logging => logging.AddProvider(ServerErrors));
    }

    public virtual Task InitializeAsync() => Database.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}

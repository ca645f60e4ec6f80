using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SocialInfra.Data;

namespace SocialInfra.Tests.Infrastructure;

/// <summary>The real web app over a scratch database that a test owns (reached another way when a connection string is given).</summary>
public sealed class ScratchApp(ScratchDatabase database, string? connectionString = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{SocialInfraDatabase.ConnectionStringName}", connectionString ?? database.ConnectionString);
        builder.UseSetting("Map:TileUrl", "");
        // Every test client signs in from the same address; the limits have their own tests.
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:JoinPerMinute", "100000");
    }
}

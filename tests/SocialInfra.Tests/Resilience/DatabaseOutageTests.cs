using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Resilience;

/// <summary>
/// PostgreSQL going away under a running app: requests fail cleanly (503 with Retry-After, a page or Problem Details
/// that say so), /health reports it, and everything comes back by itself when the database does, without restarting the app.
/// </summary>
public class DatabaseOutageTests
{
    private const string Gaps = "/api/gaps?lad=E09000002";

    [Fact]
    public async Task Connections_the_database_closed_are_replaced_without_the_visitor_noticing()
    {
        await using var database = await ScratchDatabase.DemoAsync();
        await using var app = new ScratchApp(database);
        var client = app.CreateClient();
        var before = await client.GetStringAsync(Gaps);
        (await client.GetAsync("/Places")).StatusCode.Should().Be(HttpStatusCode.OK);

        // What a restart does to the pool's idle connections: PostgreSQL ends every session of this database.
        (await database.EndSessionsAsync()).Should().BeGreaterThan(0, "the app had connections open");

        var response = await client.GetAsync(Gaps);
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the query is tried again on a fresh connection");
        (await response.Content.ReadAsStringAsync()).Should().Be(before);
        (await database.EndSessionsAsync()).Should().BeGreaterThan(0);
        (await client.GetAsync("/Places")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task While_the_database_is_unreachable_requests_fail_cleanly_and_recover_by_themselves()
    {
        await using var database = await ScratchDatabase.DemoAsync();
        var direct = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new CuttableProxy(direct.Host!, direct.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 };
        await using var app = new ScratchApp(database, throughProxy.ConnectionString);
        var client = app.CreateClient();
        var before = await client.GetStringAsync(Gaps);
        (await HealthAsync(client)).Status.Should().Be("Healthy");

        proxy.Cut();

        var api = await client.GetAsync(Gaps);
        api.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        api.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(5));
        api.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().Should().Be("The database is not answering");
        problem.GetProperty("detail").GetString().Should().Contain("cannot reach its database");

        var page = await client.GetAsync("/Gaps");
        page.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("Sorry, the service is unavailable").And.Contain("may not have been done");

        var health = await HealthAsync(client);
        health.Code.Should().Be(HttpStatusCode.ServiceUnavailable);
        health.Status.Should().Be("Unhealthy");
        health.Checks.Should().Contain(("postgis", "Unhealthy"));

        proxy.Restore();

        // No restart of the app: the very next request is served, and the same as before.
        (await client.GetStringAsync(Gaps)).Should().Be(before);
        (await client.GetAsync("/Gaps")).StatusCode.Should().Be(HttpStatusCode.OK);
        // The workshop events listener reconnects within a few seconds; until then the app says it is degraded.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var latest = await HealthAsync(client);
        while (latest.Status != "Healthy" && DateTime.UtcNow < deadline)
        {
            latest.Status.Should().BeOneOf("Degraded", "Healthy");
            latest.Code.Should().Be(HttpStatusCode.OK, "degraded is still serving");
            await Task.Delay(200);
            latest = await HealthAsync(client);
        }
        latest.Status.Should().Be("Healthy");
        latest.Checks.Should().Contain(("workshop-events", "Healthy"));
    }

    private static async Task<(HttpStatusCode Code, string Status, List<(string, string)> Checks)> HealthAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var checks = body.GetProperty("checks").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("status").GetString()!)).ToList();
        return (response.StatusCode, body.GetProperty("status").GetString()!, checks);
    }
}

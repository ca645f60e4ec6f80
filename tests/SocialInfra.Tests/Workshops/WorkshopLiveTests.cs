using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialInfra.Tests.Gaps;
using SocialInfra.Tests.Infrastructure;
using SocialInfra.Workshops;
using Xunit;
using Xunit.Abstractions;

namespace SocialInfra.Tests.Workshops;

[CollectionDefinition(Name, DisableParallelization = true)]
public class LiveRooms
{
    // Many sockets and a burst of requests: these run alone, so other tests neither slow them nor are slowed.
    public const string Name = "Live rooms";
}

/// <summary>
/// The room over real sockets: the app on Kestrel (loopback), participants joining over HTTP with cookies, and
/// SignalR clients listening as the browsers do.
/// </summary>
[Collection(LiveRooms.Name)]
public partial class WorkshopLiveTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ScratchDatabase _database = null!;
    private readonly List<ScratchApp> _apps = [];

    public async Task InitializeAsync()
    {
        _database = await ScratchDatabase.EmptyAsync();
        await using var db = _database.CreateContext();
        await GapBorough.SeedAsync(db);
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
        await _database.DisposeAsync();
    }

    /// <summary>Another instance of the app, on its own port, over the same database.</summary>
    private string StartInstance()
    {
        var app = new ScratchApp(_database);
        app.UseKestrel(0);
        app.StartServer();
        _apps.Add(app);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").Replace("localhost", "127.0.0.1");
    }

    private async Task<WorkshopSession> CreateAsync(int dots)
    {
        await using var db = _database.CreateContext();
        var result = await WorkshopRoom.CreateAsync(db, GapBorough.Code, new WorkshopDraft("Live", [GapBorough.West, GapBorough.East], dots),
            Guid.NewGuid(), "Fay Facilitator", DateTimeOffset.UtcNow);
        return result.Value!;
    }

    /// <summary>A participant's phone: its cookies, its antiforgery token, and its live connection hearing every event.</summary>
    private sealed class Phone : IAsyncDisposable
    {
        public required HttpClient Http { get; init; }
        public required CookieContainer Cookies { get; init; }
        public required string Token { get; init; }
        public HubConnection? Hub { get; set; }
        public ConcurrentDictionary<Guid, (int Revision, int Dots)> Seen { get; } = new();
        public ConcurrentQueue<(Guid Id, long At)> Arrivals { get; } = new();

        public async ValueTask DisposeAsync()
        {
            if (Hub is not null)
            {
                await Hub.DisposeAsync();
            }
            Http.Dispose();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    private static async Task<Phone> JoinAsync(string baseUrl, string code, string name)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var joinPage = await http.GetStringAsync($"/join?code={code}");
        var joined = await http.PostAsync($"/join?code={code}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code, ["DisplayName"] = name, ["__RequestVerificationToken"] = TokenInput().Match(joinPage).Groups[1].Value,
        }));
        joined.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var room = await http.GetStringAsync($"/Workshops/Room/{code}");
        return new Phone { Http = http, Cookies = cookies, Token = TokenInput().Match(room).Groups[1].Value };
    }

    private static async Task ListenAsync(Phone phone, string baseUrl, string code)
    {
        phone.Hub = new HubConnectionBuilder()
            .WithUrl(baseUrl + "/hubs/workshops", options =>
            {
                options.Cookies = phone.Cookies;
                options.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        phone.Hub.On<string>("event", message =>
        {
            using var json = JsonDocument.Parse(message);
            var root = json.RootElement;
            if (root.GetProperty("type").GetString() != "contribution")
            {
                return;
            }
            var c = root.GetProperty("contribution");
            var id = c.GetProperty("id").GetGuid();
            var seen = (c.GetProperty("revision").GetInt32(), c.GetProperty("dots").GetInt32());
            phone.Seen.AddOrUpdate(id, seen, (_, known) => seen.Item1 > known.Revision ? seen : known);
            phone.Arrivals.Enqueue((id, Stopwatch.GetTimestamp()));
        });
        await phone.Hub.StartAsync();
        await phone.Hub.InvokeAsync("Watch", code);
    }

    private static async Task<HttpResponseMessage> SendAsync(Phone phone, HttpMethod method, string url, object body)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", phone.Token);
        return await phone.Http.SendAsync(request);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < limit)
        {
            await Task.Delay(25);
        }
    }

    [Fact]
    public async Task A_change_made_through_one_app_instance_reaches_a_room_connected_to_another()
    {
        var first = StartInstance();
        var second = StartInstance();
        var session = await CreateAsync(dots: 5);
        await using var sam = await JoinAsync(first, session.Code, "Sam");
        await using var kim = await JoinAsync(second, session.Code, "Kim");
        await ListenAsync(kim, second, session.Code);

        var added = await SendAsync(sam, HttpMethod.Post, $"/api/workshops/{session.Code}/contributions",
            new { clientId = Guid.NewGuid(), kind = "GapNote", text = "Benches by the river", wardCode = GapBorough.East });
        var id = JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await SendAsync(sam, HttpMethod.Put, $"/api/workshops/{session.Code}/votes/{id}", new { dots = 2 });
        await WaitUntilAsync(() => kim.Seen.TryGetValue(id, out var s) && s.Dots == 2, TimeSpan.FromSeconds(30));

        kim.Seen.Should().ContainKey(id).WhoseValue.Should().Be((2, 2), "Kim, on the other instance, heard the note and then its two dots");
    }

    [Fact]
    public async Task A_stranger_cannot_listen_to_a_workshop()
    {
        var url = StartInstance();
        var session = await CreateAsync(dots: 5);
        var other = await CreateAsync(dots: 5);
        await using var stranger = await JoinAsync(url, other.Code, "Tess");

        var listening = () => ListenAsync(stranger, url, session.Code);

        (await listening.Should().ThrowAsync<Microsoft.AspNetCore.SignalR.HubException>()).Which.Message.Should().Contain("Join the workshop first");
    }

    /// <summary>
    /// The load test: 50 participants (SOCIALINFRA_WORKSHOP_PARTICIPANTS for more) join, each adds four
    /// contributions and spends five dots one at a time, all at once, and every phone must hear every contribution
    /// with its final tally. scripts/bench-workshop.sh runs it and reports the figures printed here.
    /// </summary>
    [Fact]
    public async Task Fifty_participants_adding_and_voting_at_once_lose_nothing()
    {
        var participants = int.TryParse(Environment.GetEnvironmentVariable("SOCIALINFRA_WORKSHOP_PARTICIPANTS"), out var n) ? n : 50;
        const int additions = 4, dots = 5;
        var url = StartInstance();
        var session = await CreateAsync(dots);
        var code = session.Code;

        var clock = Stopwatch.StartNew();
        var phones = await Task.WhenAll(Enumerable.Range(1, participants).Select(i => JoinAsync(url, code, $"Person {i}")));
        await Task.WhenAll(phones.Select(p => ListenAsync(p, url, code)));
        var joined = clock.Elapsed;

        var latencies = new ConcurrentBag<double>();
        var sent = new ConcurrentDictionary<Guid, long>();
        var failures = new ConcurrentBag<string>();
        async Task<HttpResponseMessage> TimedAsync(Phone phone, HttpMethod method, string path, object body)
        {
            var start = Stopwatch.GetTimestamp();
            var response = await SendAsync(phone, method, path, body);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            return response;
        }

        clock.Restart();
        await Task.WhenAll(phones.Select((phone, i) => Task.Run(async () =>
        {
            var random = new Random(i);
            for (var k = 0; k < additions; k++)
            {
                // West runs 0.04°W–0°, East 0°–0.04°E, both 51.49–51.53°N.
                object body = k % 2 == 0
                    ? new { clientId = Guid.NewGuid(), kind = "GapNote", text = $"Need {i}.{k}", wardCode = k % 4 == 0 ? GapBorough.West : GapBorough.East }
                    : new { clientId = Guid.NewGuid(), kind = "MissingPlace", text = $"Place {i}.{k}", categorySlug = "community-centre", latitude = 51.495 + random.NextDouble() * 0.03, longitude = -0.035 + random.NextDouble() * 0.07 };
                var response = await TimedAsync(phone, HttpMethod.Post, $"/api/workshops/{code}/contributions", body);
                if (response.IsSuccessStatusCode)
                {
                    sent[JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid()] = Stopwatch.GetTimestamp();
                }
            }
            await WaitUntilAsync(() => !phone.Seen.IsEmpty, TimeSpan.FromSeconds(30));
            var mine = new Dictionary<Guid, int>();
            for (var d = 1; d <= dots; d++)
            {
                // A dot on something this phone has heard of, one more each time, as a person tapping would.
                var heard = phone.Seen.Keys.ToList();
                var target = heard[random.Next(heard.Count)];
                mine[target] = mine.GetValueOrDefault(target) + 1;
                await TimedAsync(phone, HttpMethod.Put, $"/api/workshops/{code}/votes/{target}", new { dots = mine[target] });
            }
        })));
        var busy = clock.Elapsed;

        await using var db = _database.CreateContext();
        var final = await db.Contributions.Where(c => c.SessionId == session.Id).ToDictionaryAsync(c => c.Id, c => (c.Revision, c.Dots));
        await WaitUntilAsync(() => phones.All(p => final.All(f => p.Seen.TryGetValue(f.Key, out var s) && s == f.Value)), TimeSpan.FromSeconds(60));
        var settled = clock.Elapsed;

        failures.Should().BeEmpty();
        final.Should().HaveCount(participants * additions, "every contribution was kept");
        final.Values.Sum(v => v.Dots).Should().Be(participants * dots, "every dot was counted once");
        (await db.Votes.SumAsync(v => v.Dots)).Should().Be(participants * dots);
        foreach (var phone in phones)
        {
            final.Keys.Except(phone.Seen.Keys).Should().BeEmpty("every phone heard every contribution");
            phone.Seen.Keys.Except(final.Keys).Should().BeEmpty();
            phone.Seen.Where(s => final[s.Key] != s.Value).Should().BeEmpty("every phone ended with every final tally");
        }

        var sorted = latencies.Order().ToList();
        var lags = phones.SelectMany(p => p.Arrivals.Where(a => sent.ContainsKey(a.Id)).GroupBy(a => a.Id).Select(g => Stopwatch.GetElapsedTime(sent[g.Key], g.Min(a => a.At)).TotalMilliseconds))
            .Order().ToList();
        string Ms(List<double> values, double q) => values.Count == 0 ? "-" : values[Math.Min(values.Count - 1, (int)(values.Count * q))].ToString("0.0", CultureInfo.InvariantCulture);
        output.WriteLine($"participants {participants}, contributions {final.Count}, dots {participants * dots}, requests {sorted.Count}, events heard {phones.Sum(p => p.Arrivals.Count)}");
        output.WriteLine($"join + connect: {joined.TotalSeconds:0.00} s; adding and voting: {busy.TotalSeconds:0.00} s ({sorted.Count / busy.TotalSeconds:0} requests/s); all phones up to date after {settled.TotalSeconds:0.00} s");
        output.WriteLine($"request latency ms: median {Ms(sorted, 0.5)}, p95 {Ms(sorted, 0.95)}, max {Ms(sorted, 1)}");
        output.WriteLine($"new contribution heard by a phone, ms after the sender's response: median {Ms(lags, 0.5)}, p95 {Ms(lags, 0.95)} (negative: heard before the response arrived)");
        foreach (var phone in phones)
        {
            await phone.DisposeAsync();
        }
    }
}

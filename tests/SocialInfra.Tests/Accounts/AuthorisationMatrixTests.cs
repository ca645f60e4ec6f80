using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using SocialInfra.Networks;
using Microsoft.Extensions.DependencyInjection;
using SocialInfra.Places;
using SocialInfra.Workshops;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Accounts;

/// <summary>
/// Every page and endpoint, for every kind of visitor: who gets in (200), who is sent to sign in (302 to the sign-in
/// page), who is refused (403). "Own" VCFSE staff belong to the trust that holds Trust Hall; "other" to another charity.
/// </summary>
public class AuthorisationMatrixTests(AccountsFactory app) : IClassFixture<AccountsFactory>
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode SignIn = HttpStatusCode.Redirect;
    private const HttpStatusCode No = HttpStatusCode.Forbidden;
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound;
    // A post to a page that has no handler for it: refused, not the page rendered without its checks.
    private const HttpStatusCode NoSuchHandler = HttpStatusCode.MethodNotAllowed;
    // Officers opening a submission's form are sent to review it instead.
    private const HttpStatusCode Review = HttpStatusCode.Redirect;
    // A form that saves and then sends the visitor back to the page.
    private const HttpStatusCode Saved = HttpStatusCode.Redirect;

    public static readonly string?[] Visitors =
        [null, AccountsFactory.Facilitator, AccountsFactory.Vcfse, AccountsFactory.OtherVcfse, AccountsFactory.Officer, AccountsFactory.Admin];

    // Expected status for: anonymous, facilitator, own VCFSE, other VCFSE, officer, admin.
    public static TheoryData<string, string, HttpStatusCode[]> Matrix => new()
    {
        { "GET", "/Map", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/Places", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/Places/{trustPlace}", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/api/places", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/api/places/{trustPlace}", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/Services", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/Places/Edit", [SignIn, No, Ok, Ok, Ok, Ok] },
        { "GET", "/Places/Edit/{trustPlace}", [SignIn, No, Ok, No, Ok, Ok] },
        { "POST", "/Places/Edit/{trustPlace}", [SignIn, No, Ok, No, Ok, Ok] },
        { "GET", "/Places/Edit/{library}", [SignIn, No, No, No, Ok, Ok] },
        { "POST", "/Places/Edit/{library}", [SignIn, No, No, No, Ok, Ok] },
        { "GET", "/Places/Edit?submission={submission}", [SignIn, No, Ok, No, Review, Review] },
        { "GET", "/Places/Check", [SignIn, No, Ok, Ok, Ok, Ok] },
        { "POST", "/Places/Check?handler=Confirm&id={library}", [SignIn, No, No, No, Ok, Ok] },
        { "POST", "/Places/Check?handler=Confirm&id={trustPlace}", [SignIn, No, Ok, No, Ok, Ok] },
        { "GET", "/Submissions", [SignIn, No, Ok, Ok, Ok, Ok] },
        { "GET", "/Moderation", [SignIn, No, No, No, Ok, Ok] },
        { "GET", "/Moderation/Review/{submission}", [SignIn, No, No, No, Ok, Ok] },
        { "POST", "/Moderation/Review/{submission}?handler=Return", [SignIn, No, No, No, Ok, Ok] },
        { "POST", "/Moderation/Review/{submission}?handler=Approve", [SignIn, No, No, No, Ok, Ok] },
        { "GET", "/Services/Edit", [SignIn, No, Ok, Ok, Ok, Ok] },
        { "GET", "/Services/Edit/{trustService}", [SignIn, No, Ok, No, Ok, Ok] },
        { "POST", "/Services/Edit/{trustService}", [SignIn, No, Ok, No, Ok, Ok] },
        { "GET", "/Services/Edit/{councilService}", [SignIn, No, No, No, Ok, Ok] },
        { "POST", "/Services/Edit/{councilService}", [SignIn, No, No, No, Ok, Ok] },
        { "GET", "/Admin/Users", [SignIn, No, No, No, No, Ok] },
        { "GET", "/Admin/Users/Edit", [SignIn, No, No, No, No, Ok] },
        { "POST", "/Admin/Users/Edit", [SignIn, No, No, No, No, Ok] },
        { "GET", "/Admin/Organisations", [SignIn, No, No, No, No, Ok] },
        { "POST", "/Admin/Organisations", [SignIn, No, No, No, No, Ok] },
        { "GET", "/Admin/Imports", [SignIn, No, No, No, No, Ok] },
        { "POST", "/Admin/Imports", [SignIn, No, No, No, No, Ok] },
        { "GET", "/Data", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/export/places.csv", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/Account/Password", [SignIn, Ok, Ok, Ok, Ok, Ok] },
        // An empty form: the page again, naming what is missing.
        { "POST", "/Account/Password", [SignIn, Ok, Ok, Ok, Ok, Ok] },
        // The network is coordinated by the own VCFSE staff member; officers and administrators may coordinate any network.
        { "GET", "/Networks", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/Networks/{network}", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/Networks/Wards", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/Networks/Method", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/api/networks/{network}", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/Networks/Create", [SignIn, No, Ok, Ok, Ok, Ok] },
        { "POST", "/Networks/Create", [SignIn, No, Ok, Ok, Ok, Ok] },
        { "GET", "/Networks/{network}/Edit", [SignIn, No, Ok, No, Ok, Ok] },
        { "POST", "/Networks/{network}/Edit", [SignIn, No, Ok, No, Ok, Ok] },
        { "POST", "/Networks/{network}/Edit?handler=Delete", [SignIn, No, Ok, No, Ok, Ok] },
        { "GET", "/Networks/{network}/Manage", [SignIn, No, Ok, No, Ok, Ok] },
        { "POST", "/Networks/{network}/Manage?handler=AddMember", [SignIn, No, Ok, No, Ok, Ok] },
        { "POST", "/Networks/{network}/Manage?handler=AddRelationship", [SignIn, No, Ok, No, Ok, Ok] },
        { "POST", "/Networks/{network}/Manage?handler=AddCoordinator", [SignIn, No, Ok, No, Ok, Ok] },
        { "POST", "/Networks/{network}/Manage?handler=Accept&requestId={unknown}", [SignIn, No, Ok, No, Ok, Ok] },
        { "POST", "/Networks/{network}/Manage?handler=Decline&requestId={unknown}", [SignIn, No, Ok, No, Ok, Ok] },
        { "POST", "/Networks/{network}/Manage?handler=Role&memberId={unknown}", [SignIn, No, Ok, No, Ok, Ok] },
        { "POST", "/Networks/{network}/Manage?handler=RemoveMember&memberId={unknown}", [SignIn, No, Ok, No, Ok, Ok] },
        { "POST", "/Networks/{network}/Manage?handler=RemoveRelationship&relationshipId={unknown}", [SignIn, No, Ok, No, Ok, Ok] },
        { "POST", "/Networks/{network}/Manage?handler=RemoveCoordinator&userId={unknown}", [SignIn, No, Ok, No, Ok, Ok] },
        { "GET", "/Networks/{network}/Join", [SignIn, No, Ok, Ok, No, No] },
        { "POST", "/Networks/{network}/Join", [SignIn, No, Ok, Ok, No, No] },
        { "POST", "/Networks/{network}/Join?handler=Withdraw&requestId={unknown}", [SignIn, No, NotFound, NotFound, No, No] },
        { "GET", "/", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/Gaps", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/Gaps/Method", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/Gaps/Ward/E05000026", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/Gaps/Settings", [SignIn, No, No, No, Ok, Ok] },
        { "POST", "/Gaps/Settings", [SignIn, No, No, No, Saved, Saved] },
        { "GET", "/Wards", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/Wards/E05000026", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/Admin/Imports/Run/{unknown}", [SignIn, No, No, No, No, NotFound] },
        { "GET", "/api/wards?lad=E09000002", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/api/gaps?lad=E09000002", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/export/gaps.csv?lad=E09000002", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/export/places.geojson", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/export/wards.csv", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/export/wards.geojson", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/ogc", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/ogc/api", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/ogc/conformance", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/ogc/collections", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/ogc/collections/places", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/ogc/collections/places/items", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/ogc/collections/places/items/{trustPlace}", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/openreferral", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/openreferral/services", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/openreferral/services/{trustService}", [Ok, Ok, Ok, Ok, Ok, Ok] },
        // The workshop is run by the facilitator; officers may read its record; administrators may do anything.
        { "GET", "/Workshops", [SignIn, Ok, No, No, Ok, Ok] },
        { "GET", "/Workshops/Create", [SignIn, Ok, No, No, No, Ok] },
        { "POST", "/Workshops/Create", [SignIn, Ok, No, No, No, Ok] },
        // Joining is by the workshop's code, open to anyone: an empty form is the page again, asking for the code.
        { "GET", "/join", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "POST", "/join", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/Workshops/Join", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "POST", "/Workshops/Join", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/Workshops/Session/{workshop}", [SignIn, Ok, No, No, No, Ok] },
        { "POST", "/Workshops/Session/{workshop}?handler=Lock", [SignIn, Saved, No, No, No, Saved] },
        // No contribution named: the page again, saying so.
        { "POST", "/Workshops/Session/{workshop}?handler=Hide", [SignIn, Ok, No, No, No, Ok] },
        { "POST", "/Workshops/Session/{workshop}?handler=Merge", [SignIn, Ok, No, No, No, Ok] },
        // Each visitor tries to end a running workshop of the facilitator's, a fresh one each.
        { "POST", "/Workshops/Session/{freshWorkshop}?handler=End", [SignIn, Saved, No, No, No, Saved] },
        { "GET", "/Workshops/Projector/{workshop}", [SignIn, Ok, No, No, No, Ok] },
        { "POST", "/Workshops/Projector/{workshop}", [SignIn, NoSuchHandler, No, No, NoSuchHandler, NoSuchHandler] },
        { "POST", "/Workshops/Session/{workshop}", [SignIn, NoSuchHandler, No, No, NoSuchHandler, NoSuchHandler] },
        { "POST", "/Map", [NoSuchHandler, NoSuchHandler, NoSuchHandler, NoSuchHandler, NoSuchHandler, NoSuchHandler] },
        { "GET", "/Workshops/Report/{workshop}", [SignIn, Ok, No, No, Ok, Ok] },
        { "GET", "/Workshops/Report/{workshop}?handler=GeoJson", [SignIn, Ok, No, No, Ok, Ok] },
        { "GET", "/Workshops/Report/{workshop}?handler=Csv", [SignIn, Ok, No, No, Ok, Ok] },
        { "GET", "/Workshops/Contribution/{workshop}/{unknown}", [SignIn, NotFound, No, No, No, NotFound] },
        { "POST", "/Workshops/Contribution/{workshop}/{unknown}", [SignIn, NotFound, No, No, No, NotFound] },
    };

    /// <summary>What the matrix leaves to other tests, and why; everything else the app maps must have a row above.</summary>
    public static readonly Dictionary<string, string> CoveredElsewhere = new()
    {
        ["Account/Login"] = "signing in: open to all by design (AccountTests, RateLimitTests)",
        ["Account/Logout"] = "signing out: open to all by design",
        ["Account/ExternalLogin"] = "single sign-on: open to all by design",
        ["Error"] = "the error page, shown to anyone",
        ["Status/{code:int}"] = "the status pages, shown to anyone",
        ["/health"] = "the health check, for load balancers (DatabaseOutageTests)",
        ["Workshops/Room/{code}"] = "participants act by their workshop cookie, not a role: WorkshopPageTests checks no access across workshops",
        ["/api/workshops/{code}"] = "participants' API, by workshop cookie: WorkshopPageTests",
        ["/api/workshops/{code}/wards"] = "participants' API, by workshop cookie: WorkshopPageTests",
        ["/api/workshops/{code}/contributions"] = "participants' API, by workshop cookie: WorkshopPageTests",
        ["/api/workshops/{code}/votes/{contributionId:guid}"] = "participants' API, by workshop cookie: WorkshopPageTests",
        ["/hubs/workshops"] = "live updates: WorkshopLiveTests checks strangers cannot watch",
        ["/hubs/workshops/negotiate"] = "live updates: WorkshopLiveTests",
    };

    [Fact]
    public async Task Every_page_handler_and_endpoint_the_app_maps_has_a_row()
    {
        var rows = Matrix.Select(row => (Method: (string)row[0], Url: (string)row[1], Path: Regex.Replace(((string)row[1]).Split('?')[0], "{[^}]+}", "x"),
            Handler: Regex.Match((string)row[1], "[?&]handler=([^&]+)", RegexOptions.IgnoreCase) is { Success: true } m ? m.Groups[1].Value : null,
            Refused: ((HttpStatusCode[])row[2]).Contains(NoSuchHandler))).ToList();
        var mapped = await MappedAsync();
        mapped.Should().Contain(("POST", "Networks/{id:guid}/Manage", "AddMember")).And.Contain(("GET", "/api/gaps/", null))
            .And.Contain(("GET", "Gaps/Ward/{code}", null), "the app's pages, their handlers and its endpoints are read");

        var uncovered = mapped
            .Where(h => !CoveredElsewhere.ContainsKey(h.Route))
            .Where(h => !rows.Any(row => row.Method == h.Method && string.Equals(row.Handler, h.Handler, StringComparison.OrdinalIgnoreCase) && Matches(h.Route, row.Path)))
            .Select(h => $"{h.Method} {h.Route}{(h.Handler is null ? "" : $"?handler={h.Handler}")}").ToList();
        uncovered.Should().BeEmpty("every page handler and endpoint needs a row in the matrix, or a reason it is covered elsewhere");

        // A row naming a handler that does not exist would quietly try the page's plain handler instead. The rows that
        // post where a page has no handler (405) are the exception, on purpose.
        var stale = rows.Where(row => !row.Refused)
            .Where(row => !mapped.Any(h => h.Method == row.Method && string.Equals(h.Handler, row.Handler, StringComparison.OrdinalIgnoreCase) && Matches(h.Route, row.Path)))
            .Select(row => $"{row.Method} {row.Url}").ToList();
        stale.Should().BeEmpty("every row should try a handler the app has");
    }

    /// <summary>
    /// What the app answers: each page's handlers (OnGet, OnPostDelete: GET, POST with handler=Delete) and each endpoint's
    /// methods, by route.
    /// </summary>
    private async Task<List<(string Method, string Route, string? Handler)>> MappedAsync()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var mapped = new List<(string, string, string?)>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = endpoint.RoutePattern.RawText ?? "";
            // A folder's Index page answers at the folder's own route too: that one is enough.
            if (route == "Index" || route.EndsWith("/Index", StringComparison.Ordinal))
            {
                continue;
            }
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                mapped.AddRange(compiled.HandlerMethods.Select(h => (h.HttpMethod.ToUpperInvariant(), route, h.Name)));
                if (compiled.HandlerMethods.Count == 0)
                {
                    // A page with no model, or no handlers: it answers GET all the same.
                    mapped.Add(("GET", route, null));
                }
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                mapped.AddRange(methods.Where(m => m != "HEAD" && m != "OPTIONS").Select(m => (m, route, (string?)null)));
            }
        }
        return mapped.Distinct().ToList();
    }

    // "Places/Edit/{id:guid?}" matches "/Places/Edit" and "/Places/Edit/x"; "/api/gaps/" matches "/api/gaps".
    private static bool Matches(string route, string row)
    {
        var pattern = string.Concat(route.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment =>
            segment.StartsWith('{') ? (segment.EndsWith("?}", StringComparison.Ordinal) ? "(/[^/]+)?" : "/[^/]+")
            : "/" + Regex.Escape(segment)));
        return Regex.IsMatch(row.TrimEnd('/') is "" ? "/" : row.TrimEnd('/'), $"^{(pattern.Length == 0 ? "/" : pattern)}$", RegexOptions.IgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_the_expected_status(string method, string path, HttpStatusCode[] expected)
    {
        var submission = await PendingSubmissionAsync();
        var network = await NetworkAsync();
        var workshop = await WorkshopAsync();
        for (var i = 0; i < Visitors.Length; i++)
        {
            var visitor = Visitors[i];
            var client = await app.ClientAsync(visitor);
            var url = path.Replace("{trustPlace}", app.TrustPlaceId.ToString()).Replace("{library}", app.LibraryId.ToString())
                .Replace("{submission}", submission.ToString())
                .Replace("{trustService}", app.TrustServiceId.ToString()).Replace("{councilService}", app.CouncilServiceId.ToString())
                .Replace("{network}", network.ToString()).Replace("{workshop}", workshop.ToString()).Replace("{unknown}", Guid.NewGuid().ToString());
            if (url.Contains("{freshWorkshop}", StringComparison.Ordinal))
            {
                url = url.Replace("{freshWorkshop}", (await WorkshopAsync($"Matrix Workshop for {visitor ?? "anonymous"}")).ToString());
            }
            HttpResponseMessage response;
            if (method == "GET")
            {
                response = await client.GetAsync(url);
            }
            else
            {
                // A real token for this visitor, and an empty form: what matters is whether the handler lets them in.
                var token = await client.AntiforgeryTokenAsync();
                response = await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
            }

            var who = visitor ?? "anonymous";
            var status = response.StatusCode == HttpStatusCode.Conflict ? Ok : response.StatusCode;
            status.Should().Be(expected[i], $"{who} {method} {url}");
            if (expected[i] == SignIn && visitor is null)
            {
                response.Headers.Location!.ToString().Should().Contain("/Account/Login", $"{who} {method} {url}");
            }
            if (expected[i] == No)
            {
                var page = await response.ParseAsync();
                page.QuerySelector("h1")!.TextContent.Should().Be("You do not have permission to do this", $"{who} {method} {url}");
            }
        }
    }

    /// <summary>A workshop over Abbey run by the facilitator, made the first time it is asked for by its title.</summary>
    private async Task<Guid> WorkshopAsync(string title = "Matrix Workshop")
    {
        await using var db = app.Database.CreateContext();
        var existing = db.WorkshopSessions.Where(w => w.Title == title).Select(w => w.Id).FirstOrDefault();
        if (existing != Guid.Empty)
        {
            return existing;
        }
        var facilitator = db.Users.Single(u => u.Email == AccountsFactory.Facilitator).Id;
        var created = await WorkshopRoom.CreateAsync(db, "E09000002", new WorkshopDraft(title, ["E05000026"], 3), facilitator, "Fay Facilitator", DateTimeOffset.UtcNow);
        return created.Value!.Id;
    }

    /// <summary>A network coordinated by the own VCFSE staff member (its delete, with no version, is refused as a conflict).</summary>
    private async Task<Guid> NetworkAsync()
    {
        await using var db = app.Database.CreateContext();
        var existing = db.ValueNetworks.Where(n => n.Name == "Matrix Network").Select(n => n.Id).FirstOrDefault();
        if (existing != Guid.Empty)
        {
            return existing;
        }
        var val = db.Users.Single(u => u.Email == AccountsFactory.Vcfse).Id;
        var network = new ValueNetwork { Name = "Matrix Network", Values = [NetworkValue.Trust] };
        network.Coordinators.Add(new NetworkCoordinator { NetworkId = network.Id, UserId = val });
        db.ValueNetworks.Add(network);
        await db.SaveChangesAsync();
        return network.Id;
    }

    private async Task<Guid> PendingSubmissionAsync()
    {
        await using var db = app.Database.CreateContext();
        var existing = db.PlaceSubmissions.Where(s => s.OrganisationId == app.TrustId && s.Status == SubmissionStatus.Pending).Select(s => s.Id).FirstOrDefault();
        if (existing != Guid.Empty)
        {
            return existing;
        }
        var submission = new PlaceSubmission
        {
            OrganisationId = app.TrustId,
            Draft = new PlaceDraft { Name = "Matrix Garden", CategorySlug = "garden", Latitude = 51.55, Longitude = 0.14 },
            SubmittedByName = "Val Volunteer",
            SubmittedAt = DateTimeOffset.UtcNow,
        };
        db.PlaceSubmissions.Add(submission);
        await db.SaveChangesAsync();
        return submission.Id;
    }
}

using System.Net;
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
        { "GET", "/join", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/Workshops/Join", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "GET", "/Workshops/Session/{workshop}", [SignIn, Ok, No, No, No, Ok] },
        { "GET", "/Workshops/Projector/{workshop}", [SignIn, Ok, No, No, No, Ok] },
        { "GET", "/Workshops/Report/{workshop}", [SignIn, Ok, No, No, Ok, Ok] },
        { "GET", "/Workshops/Contribution/{workshop}/{unknown}", [SignIn, NotFound, No, No, No, NotFound] },
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
    public void Every_page_and_endpoint_the_app_maps_has_a_row()
    {
        var rows = Matrix.Select(row => System.Text.RegularExpressions.Regex.Replace(((string)row[1]).Split('?')[0], "{[^}]+}", "x")).ToList();
        var routes = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "")
            // A folder's Index page answers at the folder's own route too: that one is enough.
            .Where(route => route != "Index" && !route.EndsWith("/Index", StringComparison.Ordinal))
            .Distinct().ToList();
        routes.Should().Contain("Networks/{id:guid}/Manage").And.Contain("/api/gaps/").And.Contain("Gaps/Ward/{code}", "the app's routes are read");

        var uncovered = routes.Where(route => !CoveredElsewhere.ContainsKey(route) && !rows.Any(row => Matches(route, row))).ToList();
        uncovered.Should().BeEmpty("every page and endpoint needs a row in the matrix, or a reason it is covered elsewhere");
    }

    // "Places/Edit/{id:guid?}" matches "/Places/Edit" and "/Places/Edit/x"; "/api/gaps/" matches "/api/gaps".
    private static bool Matches(string route, string row)
    {
        var pattern = string.Concat(route.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment =>
            segment.StartsWith('{') ? (segment.EndsWith("?}", StringComparison.Ordinal) ? "(/[^/]+)?" : "/[^/]+")
            : "/" + System.Text.RegularExpressions.Regex.Escape(segment)));
        return System.Text.RegularExpressions.Regex.IsMatch(row.TrimEnd('/') is "" ? "/" : row.TrimEnd('/'), $"^{(pattern.Length == 0 ? "/" : pattern)}$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
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

    /// <summary>A network coordinated by the own VCFSE staff member (its delete, with no version, is refused as a conflict).</summary>
    private async Task<Guid> WorkshopAsync()
    {
        await using var db = app.Database.CreateContext();
        var existing = db.WorkshopSessions.Where(w => w.Title == "Matrix Workshop").Select(w => w.Id).FirstOrDefault();
        if (existing != Guid.Empty)
        {
            return existing;
        }
        var facilitator = db.Users.Single(u => u.Email == AccountsFactory.Facilitator).Id;
        var created = await WorkshopRoom.CreateAsync(db, "E09000002", new WorkshopDraft("Matrix Workshop", ["E05000026"], 3), facilitator, "Fay Facilitator", DateTimeOffset.UtcNow);
        return created.Value!.Id;
    }

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

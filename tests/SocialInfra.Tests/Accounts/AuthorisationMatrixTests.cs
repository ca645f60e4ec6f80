using System.Net;
using SocialInfra.Networks;
using SocialInfra.Places;
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
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_the_expected_status(string method, string path, HttpStatusCode[] expected)
    {
        var submission = await PendingSubmissionAsync();
        var network = await NetworkAsync();
        for (var i = 0; i < Visitors.Length; i++)
        {
            var visitor = Visitors[i];
            var client = await app.ClientAsync(visitor);
            var url = path.Replace("{trustPlace}", app.TrustPlaceId.ToString()).Replace("{library}", app.LibraryId.ToString())
                .Replace("{submission}", submission.ToString())
                .Replace("{trustService}", app.TrustServiceId.ToString()).Replace("{councilService}", app.CouncilServiceId.ToString())
                .Replace("{network}", network.ToString()).Replace("{unknown}", Guid.NewGuid().ToString());
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

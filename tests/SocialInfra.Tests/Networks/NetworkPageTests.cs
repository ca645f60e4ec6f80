using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Geography;
using SocialInfra.Networks;
using SocialInfra.Tests.Infrastructure;
using Xunit;

namespace SocialInfra.Tests.Networks;

/// <summary>Value networks through the web app, over the demo borough, with real sign-ins.</summary>
public class NetworkPageTests(AccountsFactory app) : IClassFixture<AccountsFactory>
{
    /// <summary>A network started through the form by <paramref name="email"/>; its id.</summary>
    private async Task<Guid> StartAsync(string name, string email = AccountsFactory.Vcfse)
    {
        var client = await app.ClientAsync(email);
        var response = await client.SubmitFormAsync("/Networks/Create", "main form",
            Forms.Values(("Name", name), ("Purpose", "Working together in Dagenham"), ("Values", "Participation"), ("Values", "PowerSharing")));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.Should().EndWith("/Manage");
        return Guid.Parse(location.Split('/')[2]);
    }

    private static Task<HttpResponseMessage> ManageAsync(HttpClient client, Guid id, string handler, params (string Name, string Value)[] values) =>
        client.SubmitFormAsync($"/Networks/{id}/Manage", $"form[action*='handler={handler}']", Forms.Values(values));

    private async Task<Dictionary<string, Guid>> MemberIdsAsync(Guid id)
    {
        await using var db = app.Database.CreateContext();
        return (await db.NetworkMembers.Where(m => m.NetworkId == id)
                .Select(m => new { m.Id, Name = m.Organisation!.Name ?? m.Place!.Name ?? m.Service!.Name }).ToListAsync())
            .ToDictionary(m => m.Name, m => m.Id);
    }

    private async Task<Guid> RequestIdAsync(Guid networkId)
    {
        await using var db = app.Database.CreateContext();
        return await db.MembershipRequests.Where(r => r.NetworkId == networkId).Select(r => r.Id).SingleAsync();
    }

    private async Task<string> CouncilNameAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.Organisations.Where(o => o.Id == app.CouncilId).Select(o => o.Name).SingleAsync();
    }

    [Fact]
    public async Task Starting_a_network_names_each_missing_answer()
    {
        var client = await app.ClientAsync(AccountsFactory.Vcfse);

        var response = await client.SubmitFormAsync("/Networks/Create", "main form", Forms.Values(("Name", "  ")));

        var page = await response.ParseAsync();
        page.ErrorLinks().Should().Equal(("#Name", "Enter the network's name"), ("#Values-0", "Choose at least one value the network shares"));
        page.Title.Should().StartWith("Error: ");
    }

    [Fact]
    public async Task A_coordinator_builds_the_network_and_its_page_shows_the_figures()
    {
        var id = await StartAsync("Dagenham Food Partnership");
        var val = await app.ClientAsync(AccountsFactory.Vcfse);

        (await ManageAsync(val, id, "AddMember", ("Member", $"organisation:{app.TrustId}"), ("Role", "Lead partner"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ManageAsync(val, id, "AddMember", ("Member", $"organisation:{app.CouncilId}"), ("Role", "Funder"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ManageAsync(val, id, "AddMember", ("Member", $"place:{app.TrustPlaceId}"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ManageAsync(val, id, "AddMember", ("Member", $"service:{app.CouncilServiceId}"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var members = await MemberIdsAsync(id);
        var council = await CouncilNameAsync();
        (await ManageAsync(val, id, "AddRelationship", ("From", members[council].ToString()), ("Kind", "Funding"), ("To", members[AccountsFactory.TrustName].ToString())))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ManageAsync(val, id, "AddRelationship", ("From", members[AccountsFactory.TrustName].ToString()), ("Kind", "SharedSpace"), ("To", members[AccountsFactory.TrustPlaceName].ToString())))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var page = await (await app.ClientAsync(null)).GetDocumentAsync($"/Networks/{id}");

        // Council (public) – Trust (VCFSE) – Trust Hall (community): the Trust links two sectors and sits between the others.
        page.QuerySelector("h1")!.TextContent.Should().Be("Dagenham Food Partnership");
        page.QuerySelector("#bridges")!.TextContent.Trim().Should().Be(AccountsFactory.TrustName);
        page.QuerySelector("#most-connected li")!.TextContent.Should().Be($"{AccountsFactory.TrustName} (2 links, betweenness 1)");
        page.QuerySelector("#isolated-members")!.TextContent.Trim().Should().Be(AccountsFactory.CouncilServiceName);
        page.QuerySelectorAll("#members-table tbody tr").Should().HaveCount(4);
        page.QuerySelectorAll("#relationships-table tbody tr").Select(r => r.TextContent.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Should().BeEquivalentTo(new[]
            {
                new[] { council, "Funding", AccountsFactory.TrustName },
                new[] { AccountsFactory.TrustName, "Shared space", AccountsFactory.TrustPlaceName },
            });
        page.QuerySelectorAll("#network-graph line").Should().HaveCount(2);
        page.QuerySelectorAll("#network-graph g").Should().HaveCount(4);
        // Staff names are for colleagues who sign in.
        page.QuerySelector("#network-coordinators").Should().BeNull();
        (await val.GetDocumentAsync($"/Networks/{id}")).QuerySelector("#network-coordinators")!.TextContent.Should().Be("Coordinated by Val Volunteer.");
    }

    [Fact]
    public async Task The_map_api_gives_members_as_points_and_relationships_as_lines()
    {
        var id = await StartAsync("Hall Users");
        var val = await app.ClientAsync(AccountsFactory.Vcfse);
        await ManageAsync(val, id, "AddMember", ("Member", $"place:{app.TrustPlaceId}"));
        await ManageAsync(val, id, "AddMember", ("Member", $"service:{app.CouncilServiceId}"));
        await ManageAsync(val, id, "AddMember", ("Member", $"organisation:{app.TrustId}"));
        var members = await MemberIdsAsync(id);
        await ManageAsync(val, id, "AddRelationship", ("From", members[AccountsFactory.TrustPlaceName].ToString()), ("Kind", "Referral"), ("To", members[AccountsFactory.CouncilServiceName].ToString()));

        var response = await (await app.ClientAsync(null)).GetAsync($"/api/networks/{id}");

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/geo+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        // The hall at its point, the rhyme time at Barking Library, one line between them; the Trust has no place on the map.
        features.Select(f => (f.GetProperty("geometry").GetProperty("type").GetString(), f.GetProperty("properties").TryGetProperty("name", out var name)
                ? name.GetString() : f.GetProperty("properties").GetProperty("kind").GetString()))
            .Should().BeEquivalentTo(new[] { ("Point", AccountsFactory.CouncilServiceName), ("Point", AccountsFactory.TrustPlaceName), ("LineString", "referral") });
        var hall = features.Single(f => f.GetProperty("geometry").GetProperty("type").GetString() == "Point"
            && f.GetProperty("properties").GetProperty("name").GetString() == AccountsFactory.TrustPlaceName);
        hall.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).Should().Equal(0.14, 51.55);
        hall.GetProperty("properties").GetProperty("sector").GetString().Should().Be("vcfse");

        var missing = await (await app.ClientAsync(null)).GetAsync($"/api/networks/{Guid.NewGuid()}");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Staff_ask_to_join_and_the_coordinator_accepts()
    {
        var id = await StartAsync("Becontree Carers", AccountsFactory.Officer);
        var val = await app.ClientAsync(AccountsFactory.Vcfse);

        var asked = await val.SubmitFormAsync($"/Networks/{id}/Join", "main form",
            Forms.Values(("Member", $"place:{app.TrustPlaceId}"), ("Role", "Meeting place"), ("Message", "<b>We have a hall</b>")));
        asked.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var officer = await app.ClientAsync(AccountsFactory.Officer);
        var manage = await officer.GetDocumentAsync($"/Networks/{id}/Manage");
        var card = manage.QuerySelector($"#request-{await RequestIdAsync(id)}")!;
        card.QuerySelector("h3")!.TextContent.Should().Be($"{AccountsFactory.TrustPlaceName} (place)");
        card.InnerHtml.Should().Contain("&lt;b&gt;We have a hall&lt;/b&gt;");
        var accepted = await officer.SubmitAsync(manage, $"/Networks/{id}/Manage", "form[action*='handler=Accept']");
        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await MemberIdsAsync(id)).Keys.Should().Equal(AccountsFactory.TrustPlaceName);
        var answer = await val.GetDocumentAsync($"/Networks/{id}/Join");
        answer.QuerySelector("#requests-table tbody tr .govuk-tag")!.TextContent.Should().Be("Accepted");
    }

    [Fact]
    public async Task Staff_cannot_propose_what_another_organisation_holds()
    {
        var id = await StartAsync("Other Network", AccountsFactory.Officer);
        var oscar = await app.ClientAsync(AccountsFactory.OtherVcfse);

        var response = await oscar.SubmitFormAsync($"/Networks/{id}/Join", "main form", Forms.Values(("Member", $"place:{app.TrustPlaceId}")));

        var page = await response.ParseAsync();
        page.ErrorLinks().Should().Equal(("#Member-0", "You can only propose your own organisation, or a place or service it holds"));
        (await oscar.GetDocumentAsync($"/Networks/{id}/Join")).QuerySelectorAll("input[name=Member]").Select(i => i.GetAttribute("value"))
            .Should().Equal($"organisation:{app.OtherCharityId}");
    }

    [Fact]
    public async Task A_second_change_from_the_same_version_is_refused_and_shows_theirs()
    {
        var id = await StartAsync("Two Editors");
        var val = await app.ClientAsync(AccountsFactory.Vcfse);
        var officer = await app.ClientAsync(AccountsFactory.Officer);
        var valsForm = await val.GetDocumentAsync($"/Networks/{id}/Edit");

        (await officer.SubmitFormAsync($"/Networks/{id}/Edit", "main form", Forms.Values(("Purpose", "The officer's purpose"))))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var response = await val.SubmitAsync(valsForm, $"/Networks/{id}/Edit", "main form", Forms.Values(("Purpose", "Val's purpose")));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var page = await response.ParseAsync();
        page.ErrorSummary().Should().Equal("Someone else changed this network while you were editing it. The form now shows their version: make your changes again");
        page.QuerySelector<IHtmlTextAreaElement>("#Purpose")!.Value.Should().Be("The officer's purpose");
    }

    [Fact]
    public async Task Fixing_a_mistake_on_an_out_of_date_form_still_cannot_overwrite_a_newer_change()
    {
        var id = await StartAsync("Mistakes");
        var val = await app.ClientAsync(AccountsFactory.Vcfse);
        var officer = await app.ClientAsync(AccountsFactory.Officer);
        var valsForm = await val.GetDocumentAsync($"/Networks/{id}/Edit");
        (await officer.SubmitFormAsync($"/Networks/{id}/Edit", "main form", Forms.Values(("Purpose", "The officer's purpose"))))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var mistake = await val.SubmitAsync(valsForm, $"/Networks/{id}/Edit", "main form", Forms.Values(("Name", ""), ("Purpose", "Val's purpose")));
        var errorPage = await mistake.ParseAsync();
        errorPage.ErrorSummary().Should().Equal("Enter the network's name");
        var fixedUp = await val.SubmitAsync(errorPage, $"/Networks/{id}/Edit", "main form", Forms.Values(("Name", "Mistakes")));

        fixedUp.StatusCode.Should().Be(HttpStatusCode.Conflict);
        await using var db = app.Database.CreateContext();
        (await db.ValueNetworks.SingleAsync(n => n.Id == id)).Purpose.Should().Be("The officer's purpose");
    }

    [Fact]
    public async Task A_role_too_long_is_named_on_its_row_and_kept()
    {
        var id = await StartAsync("Long Roles");
        var val = await app.ClientAsync(AccountsFactory.Vcfse);
        await ManageAsync(val, id, "AddMember", ("Member", $"organisation:{app.TrustId}"));
        var member = (await MemberIdsAsync(id))[AccountsFactory.TrustName];
        var role = new string('r', 201);

        var response = await ManageAsync(val, id, "Role", ("Role", role));

        var page = await response.ParseAsync();
        page.ErrorLinks().Should().Equal(($"#Role-{member}", "Role must be 200 characters or fewer"));
        page.QuerySelector<IHtmlInputElement>($"#Role-{member}")!.Value.Should().Be(role);
    }

    [Fact]
    public async Task Names_are_encoded_in_the_page_and_the_graph()
    {
        var id = await StartAsync("<script>alert(1)</script> Network");
        var val = await app.ClientAsync(AccountsFactory.Vcfse);
        await ManageAsync(val, id, "AddMember", ("Member", $"organisation:{app.TrustId}"), ("Role", "<img src=x onerror=alert(2)>"));

        var response = await (await app.ClientAsync(null)).GetAsync($"/Networks/{id}");
        var html = await response.Content.ReadAsStringAsync();

        html.Should().NotContain("<script>alert(1)").And.NotContain("<img src=x");
        html.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt; Network").And.Contain("&lt;img src=x onerror=alert(2)&gt;");
    }

    [Fact]
    public async Task The_gap_analysis_shows_connected_provision_by_ward()
    {
        var anyone = await app.ClientAsync(null);
        await using var db = app.Database.CreateContext();
        // Some open place still in no network (other tests add places to networks); its ward.
        var lonely = (await ConnectedProvision.ByWardAsync(db, "E09000002")).First(w => w.Isolated.Count > 0);
        var (ward, place) = (lonely.WardCode, lonely.Isolated[0]);
        var link = $"#gaps-table a[href='/Gaps/Ward/{ward}#connected']";
        var before = (await anyone.GetDocumentAsync("/Gaps")).QuerySelector(link)!.TextContent.Split(" of ").Select(int.Parse).ToArray();
        var isolatedBefore = (await anyone.GetDocumentAsync($"/Gaps/Ward/{ward}")).QuerySelectorAll("#isolated-places-table tbody th").Select(t => t.TextContent).ToList();
        isolatedBefore.Should().Contain(place.Name).And.HaveCount(before[1] - before[0]);

        var id = await StartAsync("Connected Place", AccountsFactory.Officer);
        await ManageAsync(await app.ClientAsync(AccountsFactory.Officer), id, "AddMember", ("Member", $"place:{place.Id}"));

        // The place joins: one more connected place in its ward, of as many open places, and it leaves the isolated list.
        (await anyone.GetDocumentAsync("/Gaps")).QuerySelector(link)!.TextContent.Should().Be($"{before[0] + 1} of {before[1]}");
        var report = await anyone.GetDocumentAsync($"/Gaps/Ward/{ward}");
        report.QuerySelectorAll("#isolated-places-table tbody th").Select(t => t.TextContent)
            .Should().BeEquivalentTo(isolatedBefore.Where(n => n != place.Name));
        report.QuerySelector("#connected + p")!.TextContent.Should().Contain($"Open places in a value network, as a member or through a service delivered there: {before[0] + 1} of {before[1]}.");
        var byWard = await anyone.GetDocumentAsync("/Networks/Wards");
        byWard.QuerySelectorAll("#connected-table tbody tr").Should().HaveCount(await db.CurrentWards("E09000002").CountAsync());
    }
}

using Microsoft.Playwright;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.BrowserTests;

/// <summary>
/// VCFSE staff start a network and build it; the network's page draws it as a graph and on a map, beside the tables;
/// staff of another charity ask to join and are accepted.
/// </summary>
public class NetworkTests(AccountsBrowserFixture fixture) : IClassFixture<AccountsBrowserFixture>
{
    private AccountsFactory Accounts => fixture.Accounts;

    private static async Task AddMemberAsync(IPage page, string value, string? role = null)
    {
        await page.Locator("#Member").SelectOptionAsync(value);
        await page.Locator("#Role").FillAsync(role ?? "");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
        await page.WaitForSelectorAsync(".govuk-notification-banner--success");
    }

    private static async Task RelateAsync(IPage page, string from, string kind, string to)
    {
        await page.Locator("#From").SelectOptionAsync(new SelectOptionValue { Label = from });
        await page.Locator("#Kind").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await page.Locator("#To").SelectOptionAsync(new SelectOptionValue { Label = to });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add relationship" }).ClickAsync();
        await page.WaitForSelectorAsync(".govuk-notification-banner--success");
    }

    [Fact]
    public async Task Staff_build_a_network_and_see_it_as_a_graph_a_map_and_tables()
    {
        var val = await PageChecks.OpenAsync(fixture);
        await val.SignInAsync(AccountsFactory.Vcfse, Accounts.Password);
        var page = val.Page;
        await val.GoToAsync("/Networks");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a network" }).ClickAsync();
        await page.WaitForURLAsync("**/Networks/Create");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start the network" }).ClickAsync();
        await page.WaitForSelectorAsync("#error-summary");
        (await page.Locator("#error-summary li").AllTextContentsAsync()).Select(t => t.Trim())
            .Should().Equal("Enter the network's name", "Choose at least one value the network shares");
        await val.ShouldPassAxeAsync("network-start-errors");

        await page.GetByLabel("Name").FillAsync("Heathway Partnership");
        await page.GetByLabel("Participation").CheckAsync();
        await page.GetByLabel("Power sharing").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the network" }).ClickAsync();
        await page.WaitForURLAsync("**/Manage");
        await val.ShouldPassAxeAsync("network-manage-empty");

        string council;
        await using (var db = fixture.Database.CreateContext())
        {
            council = db.Organisations.Single(o => o.Id == Accounts.CouncilId).Name;
        }
        await AddMemberAsync(page, $"organisation:{Accounts.TrustId}", "Lead partner");
        await AddMemberAsync(page, $"organisation:{Accounts.CouncilId}", "Funder");
        await AddMemberAsync(page, $"place:{Accounts.TrustPlaceId}");
        await AddMemberAsync(page, $"service:{Accounts.CouncilServiceId}");
        await RelateAsync(page, council, "Funding", AccountsFactory.TrustName);
        await RelateAsync(page, AccountsFactory.TrustName, "Shared space", AccountsFactory.TrustPlaceName);
        await RelateAsync(page, AccountsFactory.TrustPlaceName, "Referral", AccountsFactory.CouncilServiceName);
        await val.ShouldPassAxeAsync("network-manage");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to Heathway Partnership" }).ClickAsync();
        await page.WaitForSelectorAsync("#map-status:not(:empty)");
        // On the map: the hall, and the rhyme time at Barking Library, joined by the referral; organisations are not drawn.
        (await page.Locator("#map-status").TextContentAsync()).Should().Be("2 members and 1 relationship on the map.");
        (await page.Locator("#network-map path.leaflet-interactive").CountAsync()).Should().Be(3);
        (await page.Locator("#network-graph g").CountAsync()).Should().Be(4);
        (await page.Locator("#network-graph line").CountAsync()).Should().Be(3);
        (await page.Locator("#members-table tr", new() { HasText = AccountsFactory.TrustName }).Locator(".govuk-tag").TextContentAsync()).Should().Be("Bridges sectors");
        await val.ShouldPassAxeAsync("network");

        // A member's popup names it, and links to the place.
        await page.Locator("#network-map path.leaflet-interactive").Nth(2).ClickAsync(new() { Force = true });
        await page.WaitForSelectorAsync(".si-popup");
        (await page.Locator(".si-popup h3").TextContentAsync()).Should().BeOneOf(AccountsFactory.TrustPlaceName, AccountsFactory.CouncilServiceName);
        val.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Staff_of_another_charity_ask_to_join_and_the_coordinator_accepts()
    {
        var val = await PageChecks.OpenAsync(fixture);
        await val.SignInAsync(AccountsFactory.Vcfse, Accounts.Password);
        await val.GoToAsync("/Networks/Create");
        await val.Page.GetByLabel("Name").FillAsync("Dagenham Youth Forum");
        await val.Page.GetByLabel("Inclusion").CheckAsync();
        await val.Page.GetByRole(AriaRole.Button, new() { Name = "Start the network" }).ClickAsync();
        await val.Page.WaitForURLAsync("**/Manage");
        var network = val.Page.Url.Split('/')[^2];

        var oscar = await PageChecks.OpenAsync(fixture);
        await oscar.SignInAsync(AccountsFactory.OtherVcfse, Accounts.Password);
        await oscar.GoToAsync($"/Networks/{network}");
        await oscar.Page.GetByRole(AriaRole.Link, new() { Name = "Ask to join this network" }).ClickAsync();
        await oscar.Page.WaitForURLAsync("**/Join");
        await oscar.ShouldPassAxeAsync("network-join");
        await oscar.Page.GetByLabel("Other Charity").CheckAsync();
        await oscar.Page.GetByLabel("Role you would play (optional)").FillAsync("Youth work");
        await oscar.Page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await oscar.Page.WaitForSelectorAsync(".govuk-notification-banner--success");
        (await oscar.Page.Locator("#requests-table .govuk-tag").TextContentAsync()).Should().Be("Waiting");

        await val.GoToAsync($"/Networks/{network}");
        await val.Page.Locator("#pending-requests").ClickAsync();
        await val.Page.WaitForURLAsync("**/Manage#requests");
        await val.ShouldPassAxeAsync("network-requests");
        await val.Page.GetByRole(AriaRole.Button, new() { Name = "Accept Other Charity" }).ClickAsync();
        await val.Page.WaitForSelectorAsync(".govuk-notification-banner--success");
        (await val.Page.Locator("#manage-members-table tbody th").AllTextContentsAsync()).Should().Equal("Other Charity");

        await oscar.Page.ReloadAsync();
        (await oscar.Page.Locator("#requests-table .govuk-tag").TextContentAsync()).Should().Be("Accepted");
        val.ShouldHaveNoErrors();
        oscar.ShouldHaveNoErrors();
    }

    [Theory]
    [InlineData("/Networks", "networks")]
    [InlineData("/Networks/Wards", "networks-wards")]
    [InlineData("/Networks/Method", "networks-method")]
    [InlineData("/Gaps/Ward/E05000036#connected", "gap-ward-connected")]
    public async Task Network_pages_pass_axe(string path, string name)
    {
        var visitor = await PageChecks.OpenAsync(fixture);
        await visitor.GoToAsync(path);
        await visitor.ShouldPassAxeAsync(name);
        visitor.ShouldHaveNoErrors();
    }
}

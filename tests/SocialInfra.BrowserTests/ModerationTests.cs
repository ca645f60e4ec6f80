using Microsoft.Playwright;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.BrowserTests;

/// <summary>A VCFSE volunteer adds a space by its postcode; a council officer approves it; it appears for everyone.</summary>
public class ModerationTests(AccountsBrowserFixture fixture) : IClassFixture<AccountsBrowserFixture>
{
    [Fact]
    public async Task A_VCFSE_user_adds_a_space_by_postcode_and_an_officer_approves_it()
    {
        var volunteer = await PageChecks.OpenAsync(fixture);
        await volunteer.GoToAsync("/Account/Login");
        await volunteer.ShouldPassAxeAsync("sign-in");
        await volunteer.SignInAsync(AccountsFactory.Vcfse, fixture.Accounts.Password);

        var page = volunteer.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a place" }).ClickAsync();
        await page.WaitForURLAsync("**/Places/Edit");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await volunteer.ShouldPassAxeAsync("place-form");

        // Sending it empty: the summary names each problem and takes focus; the form passes axe with its errors shown.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send for review" }).ClickAsync();
        await page.WaitForSelectorAsync("#error-summary");
        (await page.Locator("#error-summary li").AllTextContentsAsync()).Select(t => t.Trim())
            .Should().Contain(["Enter the name of the place", "Choose the kind of place", "Enter the postcode, or pick the point on the map"]);
        (await page.EvaluateAsync<bool>("document.activeElement.closest('#error-summary') !== null")).Should().BeTrue();
        await volunteer.ShouldPassAxeAsync("place-form-errors");

        await page.Locator("#Place_Name").FillAsync("Valence Youth Hub");
        await page.GetByLabel("Kind of place").SelectOptionAsync(new SelectOptionValue { Label = "Community centre" });
        await page.GetByLabel("Community owned").CheckAsync();
        await page.GetByLabel("Postcode").FillAsync("RM8 3HT");
        await page.GetByLabel("Opening hours (optional)").FillAsync("Fridays 4pm to 8pm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send for review" }).ClickAsync();
        await page.WaitForURLAsync("**/Submissions**");
        (await page.Locator(".govuk-notification-banner").TextContentAsync()).Should().Contain("Valence Youth Hub has been sent to the council for review");
        (await page.Locator("#submissions tbody tr", new() { HasText = "Valence Youth Hub" }).Locator(".govuk-tag").TextContentAsync()).Should().Be("Waiting for review");
        await volunteer.ShouldPassAxeAsync("submissions");
        volunteer.ShouldHaveNoErrors();

        var officer = await PageChecks.OpenAsync(fixture);
        await officer.SignInAsync(AccountsFactory.Officer, fixture.Accounts.Password);
        await officer.Page.GetByRole(AriaRole.Link, new() { Name = "Moderation" }).ClickAsync();
        await officer.Page.WaitForURLAsync("**/Moderation");
        await officer.Page.GetByRole(AriaRole.Link, new() { Name = "Review Valence Youth Hub" }).ClickAsync();
        await officer.Page.WaitForURLAsync("**/Moderation/Review/**");
        (await officer.Page.Locator("#versions tr[data-field='Postcode'] td").Last.TextContentAsync()).Should().Be("RM8 3HT");
        await officer.ShouldPassAxeAsync("moderation-review");
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
        await officer.Page.WaitForURLAsync(url => url.Contains("/Places/") && !url.Contains("Moderation"));
        (await officer.Page.Locator("h1").TextContentAsync()).Should().Be("Valence Youth Hub");
        (await officer.Page.Locator(".govuk-notification-banner").TextContentAsync()).Should().Contain("has been published");
        officer.ShouldHaveNoErrors();

        // Now anyone can find it, at the postcode's point on the map.
        var visitor = await PageChecks.OpenAsync(fixture);
        await visitor.GoToAsync("/Places?q=Valence+Youth");
        (await visitor.Page.Locator("#places-table tbody tr").AllTextContentsAsync()).Should().ContainSingle(r => r.Contains("Valence Youth Hub"));
        visitor.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Clicking_the_map_on_the_place_form_fills_in_the_point()
    {
        var officer = await PageChecks.OpenAsync(fixture);
        await officer.SignInAsync(AccountsFactory.Officer, fixture.Accounts.Password);
        await officer.GoToAsync("/Places/Edit");
        var map = officer.Page.Locator("#location-map");
        await map.ClickAsync();
        (await officer.Page.Locator("#Place_Latitude").InputValueAsync()).Should().MatchRegex(@"^51\.5\d+$");
        (await officer.Page.Locator("#Place_Longitude").InputValueAsync()).Should().MatchRegex(@"^0\.1\d+$");
        (await officer.Page.Locator("#location-status").TextContentAsync()).Should().StartWith("Point set to latitude 51.5");
        officer.ShouldHaveNoErrors();
    }

    [Theory]
    [InlineData(AccountsFactory.Admin, "/Moderation", "moderation")]
    [InlineData(AccountsFactory.Admin, "/Submissions", "submissions-officer")]
    [InlineData(AccountsFactory.Admin, "/Places/Check", "places-to-check")]
    [InlineData(AccountsFactory.Admin, "/Services/Edit", "service-form")]
    [InlineData(AccountsFactory.Admin, "/Admin/Users", "users")]
    [InlineData(AccountsFactory.Admin, "/Admin/Users/Edit", "user-form")]
    [InlineData(AccountsFactory.Admin, "/Admin/Organisations", "organisations")]
    [InlineData(AccountsFactory.Admin, "/Admin/Imports", "imports")]
    [InlineData(AccountsFactory.Officer, "/Gaps/Settings", "gap-settings")]
    [InlineData(AccountsFactory.Vcfse, "/Account/Password", "change-password")]
    [InlineData(AccountsFactory.Vcfse, "/Places/Check", "places-to-check-vcfse")]
    public async Task Signed_in_pages_load_without_errors_and_pass_axe(string email, string path, string name)
    {
        var checks = await PageChecks.OpenAsync(fixture);
        await checks.SignInAsync(email, fixture.Accounts.Password);
        await checks.GoToAsync(path);
        await checks.ShouldPassAxeAsync(name);
        checks.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task An_administrator_uploads_places_with_progress_and_reads_the_report()
    {
        var admin = await PageChecks.OpenAsync(fixture);
        await admin.SignInAsync(AccountsFactory.Admin, fixture.Accounts.Password);
        await admin.GoToAsync("/Admin/Imports");
        await admin.Page.GetByLabel("Places from CSV").CheckAsync();
        await admin.Page.Locator("#Upload").SetInputFilesAsync(new FilePayload
        {
            Name = "halls.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("name,category,latitude,longitude\nRipple Hall,community-centre,51.535,0.10\nNowhere,community-centre,,\n"),
        });
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await admin.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Admin/Imports/Run/"));

        (await admin.Page.Locator(".govuk-error-summary__title").TextContentAsync()).Should().Be("Nothing was imported");
        (await admin.Page.Locator("#problems tbody tr").AllInnerTextsAsync()).Should().ContainSingle()
            .Which.Should().Be("Row 3\thas no location: give latitude and longitude, or a postcode.");
        await admin.ShouldPassAxeAsync("import-report");
        admin.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task A_page_someone_may_not_use_says_so_and_passes_axe()
    {
        var checks = await PageChecks.OpenAsync(fixture);
        await checks.SignInAsync(AccountsFactory.Facilitator, fixture.Accounts.Password);
        var response = await checks.Page.GotoAsync("/Moderation");
        response!.Status.Should().Be(403);
        (await checks.Page.Locator("h1").TextContentAsync()).Should().Be("You do not have permission to do this");
        await checks.ShouldPassAxeAsync("forbidden");
    }
}

using Microsoft.EntityFrameworkCore;

namespace SocialInfra.BrowserTests;

public class PageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/", "home")]
    [InlineData("/Map", "map")]
    [InlineData("/Map?near=Atlantis", "map-with-error")]
    [InlineData("/Places", "places")]
    [InlineData("/Wards", "wards")]
    [InlineData("/Wards/E05000026", "ward-abbey")]
    [InlineData("/Services", "services")]
    [InlineData("/Networks", "networks")]
    [InlineData("/Data", "open-data")]
    [InlineData("/Gaps?category=library", "gaps-library")]
    [InlineData("/Gaps?category=library&accessibility=true&add=51.5500,0.1400", "gaps-what-if")]
    [InlineData("/Gaps?category=library&add=60,0", "gaps-with-error")]
    [InlineData("/Gaps/Ward/E05000036?category=library", "gap-report-mayesbrook")]
    [InlineData("/Gaps/Method", "gap-method")]
    public async Task Pages_load_without_errors_and_pass_axe(string path, string name)
    {
        var checks = await PageChecks.OpenAsync(fixture);
        await checks.GoToAsync(path);
        await checks.ShouldPassAxeAsync(name);
        checks.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task A_place_page_loads_without_errors_and_passes_axe()
    {
        var id = await fixture.Database.PlaceIdAsync("Barking Library");
        var checks = await PageChecks.OpenAsync(fixture);
        await checks.GoToAsync($"/Places/{id}");
        (await checks.Page.Locator("h1").TextContentAsync()).Should().Be("Barking Library");
        await checks.ShouldPassAxeAsync("place-barking-library");
        checks.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task The_skip_link_takes_keyboard_users_to_the_main_content()
    {
        var checks = await PageChecks.OpenAsync(fixture);
        await checks.GoToAsync("/");
        await checks.Page.Keyboard.PressAsync("Tab");
        (await checks.Page.EvaluateAsync<string>("document.activeElement.textContent")).Should().Be("Skip to main content");
        await checks.Page.Keyboard.PressAsync("Enter");
        (await checks.Page.EvaluateAsync<string>("document.activeElement.id")).Should().Be("main-content");
        checks.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Filtering_the_places_list_shows_only_matching_places()
    {
        var checks = await PageChecks.OpenAsync(fixture);
        await checks.GoToAsync("/Places");
        (await checks.Page.Locator("#places-table tbody tr").CountAsync()).Should().Be(12);
        await checks.Page.GetByLabel("Active or dormant").SelectOptionAsync("Closed");
        // Wait for the navigation the click starts, set up before clicking so a fast reload cannot slip past it.
        var navigated = checks.Page.WaitForURLAsync(url => url.Contains("activity=closed", StringComparison.Ordinal));
        await checks.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Show places" }).ClickAsync();
        await navigated;
        (await checks.Page.Locator("#places-table tbody tr").CountAsync()).Should().Be(6);
        checks.ShouldHaveNoErrors();
    }
}

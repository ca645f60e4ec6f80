using Microsoft.Playwright;

namespace SocialInfra.BrowserTests;

/// <summary>The gap page's choropleth, its what-if by map click, and the printable ward report, in Chromium.</summary>
public class GapMapTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static async Task<PageChecks> OpenGapsAsync(BrowserFixture fixture, string path)
    {
        var checks = await PageChecks.OpenAsync(fixture);
        await checks.GoToAsync(path);
        await checks.Page.Locator("#gap-map[data-wards-loaded='17']").WaitForAsync();
        return checks;
    }

    [Fact]
    public async Task Every_ward_is_shaded_by_its_gap_score_and_opens_its_report()
    {
        var checks = await OpenGapsAsync(fixture, "/Gaps?category=library");
        var page = checks.Page;

        (await page.Locator("#map-status").TextContentAsync()).Should().Be("Showing 17 wards shaded by gap score.");
        // Mayesbrook (gap 0.67) is in the 0.6–0.8 class; fully covered wards (gap 0) in the lightest.
        var fills = await page.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('#gap-map path.leaflet-interactive')).map(p => p.getAttribute('fill'))");
        fills.Should().HaveCount(17);
        fills.Count(f => f == "#ce1256").Should().Be(1);
        fills.Count(f => f == "#f7f4f9").Should().BeGreaterThanOrEqualTo(9);
        (await page.Locator("#gaps-table tbody tr").CountAsync()).Should().Be(17);
        (await page.Locator("#gaps-table tbody tr").First.Locator("th").TextContentAsync())!.Trim().Should().Be("Mayesbrook");

        await page.Locator("#gap-map path.leaflet-interactive[fill='#ce1256']").ClickAsync(new() { Force = true });
        var popup = page.Locator(".leaflet-popup");
        (await popup.Locator(".si-popup__title").TextContentAsync()).Should().Be("Mayesbrook ward");
        (await popup.TextContentAsync()).Should().Contain("Gap score 0.67, ranked 1");
        (await popup.Locator(".si-popup a").GetAttributeAsync("href")).Should().Be("/Gaps/Ward/E05000036?category=library");
        await checks.ShouldPassAxeAsync("gaps-map-popup");
        checks.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Clicking_the_map_chooses_where_a_new_place_would_go_and_the_scores_change()
    {
        var checks = await OpenGapsAsync(fixture, "/Gaps?category=library");
        var page = checks.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose the point on the map" }).ClickAsync();
        (await page.Locator("#map-status").TextContentAsync()).Should().Be("Select a point on the map for the new place.");
        // Measured after the button scrolled the map into view.
        var box = (await page.Locator("#gap-map").BoundingBoxAsync())!;

        await page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height / 2);

        var chosen = await page.Locator("#add").InputValueAsync();
        chosen.Should().MatchRegex(@"^51\.\d{6},0\.\d{6}$");
        (await page.Locator("#map-status").TextContentAsync()).Should().Contain("Point chosen for a new place");
        (await page.Locator(".leaflet-popup").CountAsync()).Should().Be(0, "choosing a point does not open the ward's popup");
        var navigated = page.WaitForURLAsync(url => url.Contains("add=", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "See the change" }).ClickAsync();
        await navigated;
        await page.Locator("#gap-map[data-wards-loaded='17']").WaitForAsync();
        (await page.Locator("#what-if-banner").TextContentAsync()).Should().Contain("1 new place were open");
        (await page.Locator("#gaps-table thead").TextContentAsync()).Should().Contain("Gap score now").And.Contain("Change");
        var kept = (await page.Locator("#added-already input[name='add']").GetAttributeAsync("value"))!.Split(',');
        kept[2].Should().Be("library", "the added place keeps its category when another is added");
        double.Parse(kept[0], System.Globalization.CultureInfo.InvariantCulture).Should().BeApproximately(double.Parse(chosen.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture), 1e-6);
        checks.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task The_ward_report_prints_without_the_site_navigation()
    {
        var checks = await PageChecks.OpenAsync(fixture);
        var page = checks.Page;
        await checks.GoToAsync("/Gaps/Ward/E05000036?category=library");
        (await page.Locator("#print-report").IsVisibleAsync()).Should().BeTrue();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        (await page.Locator(".govuk-service-navigation").IsVisibleAsync()).Should().BeFalse();
        (await page.Locator("#print-report").IsVisibleAsync()).Should().BeFalse();
        (await page.Locator("#lsoa-table").IsVisibleAsync()).Should().BeTrue();
        (await page.Locator("#attribution-ogl").IsVisibleAsync()).Should().BeTrue();
        (await page.Locator(".si-print-only").IsVisibleAsync()).Should().BeTrue();
        checks.ShouldHaveNoErrors();
    }
}

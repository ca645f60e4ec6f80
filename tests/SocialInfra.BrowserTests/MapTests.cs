using Microsoft.Playwright;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.BrowserTests;

/// <summary>The borough map in Chromium, without a base layer (no tile server is reachable from tests).</summary>
public class MapTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    internal static async Task<PageChecks> OpenMapAsync(BrowserFixture fixture, string path = "/Map")
    {
        var checks = await PageChecks.OpenAsync(fixture);
        await checks.GoToAsync(path);
        await checks.Page.Locator("#map[data-loaded]").WaitForAsync();
        return checks;
    }

    internal static Task<string?> StatusAsync(IPage page) => page.Locator("#map-status").TextContentAsync();

    [Fact]
    public async Task The_borough_map_shows_every_place_and_the_ward_boundaries_with_names()
    {
        var checks = await OpenMapAsync(fixture);
        var page = checks.Page;
        await page.Locator("#map[data-wards-loaded='17']").WaitForAsync();
        (await StatusAsync(page)).Should().Be("Showing 12 places in this part of the map.");
        (await page.Locator(".si-ward-label").CountAsync()).Should().Be(17);
        (await page.Locator(".si-ward-label", new() { HasText = "Abbey" }).CountAsync()).Should().Be(1);
        (await page.Locator("#map-legend [data-category]").CountAsync()).Should().Be(15);
        (await page.Locator("#places-table tbody tr").CountAsync()).Should().Be(12);
        await checks.ShouldPassAxeAsync("map-loaded");
        checks.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Selecting_a_marker_opens_a_popup_with_the_place_and_its_details()
    {
        var checks = await OpenMapAsync(fixture);
        var page = checks.Page;
        await page.Locator(".si-marker-icon[title^='Barking Library']").ClickAsync();
        var popup = page.Locator(".leaflet-popup");
        (await popup.Locator(".si-popup__title").TextContentAsync()).Should().Be("Barking Library");
        await popup.GetByText("Activity history").WaitForAsync();
        (await popup.TextContentAsync()).Should().Contain("Library").And.Contain("Services here").And.Contain("Value networks")
            .And.Contain("libraries-hacked").And.Contain("Abbey");
        (await popup.Locator("a", new() { HasText = "View full details" }).GetAttributeAsync("href"))
            .Should().Be($"/Places/{await fixture.Database.PlaceIdAsync("Barking Library")}");
        await checks.ShouldPassAxeAsync("map-popup");
        checks.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Keyboard_users_can_open_a_place_and_close_it_again()
    {
        var checks = await OpenMapAsync(fixture);
        var page = checks.Page;
        var marker = page.Locator(".si-marker-icon[title^='Valence Library']");
        await marker.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".leaflet-popup").GetByText("Activity history").WaitForAsync();
        (await page.EvaluateAsync<string>("document.activeElement.textContent")).Should().Be("Valence Library", "focus moves into the popup");
        await page.Keyboard.PressAsync("Escape");
        await page.Locator(".leaflet-popup").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await page.EvaluateAsync<string>("document.activeElement.getAttribute('title')")).Should().StartWith("Valence Library");
        checks.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Keyboard_users_can_skip_past_the_markers()
    {
        var checks = await OpenMapAsync(fixture);
        var page = checks.Page;
        // Between the filters and the map comes a skip link, shown only while it has focus.
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip the map" });
        await skip.FocusAsync();
        (await skip.IsVisibleAsync()).Should().BeTrue();
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("document.activeElement.id")).Should().Be("after-map");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<bool>("document.activeElement.closest('#map') === null")).Should().BeTrue("Tab goes on past the map");
        checks.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Zooming_out_turns_places_into_counted_groups_from_the_server()
    {
        var checks = await OpenMapAsync(fixture);
        var page = checks.Page;
        await page.Locator("#map").FocusAsync();
        for (var i = 0; i < 4 && !((await StatusAsync(page)) ?? "").Contains("group", StringComparison.Ordinal); i++)
        {
            var before = await page.Locator("#map").GetAttributeAsync("data-loaded");
            await page.Keyboard.PressAsync("Minus");
            await page.WaitForFunctionAsync("b => document.getElementById('map').dataset.loaded !== b", before);
        }
        var status = await StatusAsync(page);
        status.Should().MatchRegex(@"^Showing 12 places in this part of the map, \d+ groups? and \d+ single places?\. Select a group or zoom in");
        var counts = await page.Locator(".si-cluster").AllTextContentsAsync();
        counts.Should().NotBeEmpty();
        checks.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Searching_near_a_ward_picks_it_out_and_lists_only_its_places()
    {
        var checks = await OpenMapAsync(fixture, "/Map?near=Abbey");
        var page = checks.Page;
        (await StatusAsync(page)).Should().Be("Showing 1 place in this part of the map.");
        (await page.Locator("#search-area").TextContentAsync()).Should().Be("Showing places in Abbey ward.");
        (await page.Locator("#places-table tbody tr").CountAsync()).Should().Be(1);
        checks.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task A_place_page_opens_its_map_on_the_place()
    {
        var id = await fixture.Database.PlaceIdAsync("Dagenham Library");
        var checks = await OpenMapAsync(fixture, $"/Places/{id}");
        await checks.Page.Locator(".leaflet-popup .si-popup__title", new() { HasText = "Dagenham Library" }).WaitForAsync();
        await checks.ShouldPassAxeAsync("place-map");
        checks.ShouldHaveNoErrors();
    }
}

/// <summary>A database of its own, because it adds a place the other map tests would count.</summary>
public class MapEncodingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Hostile = "<img src=x onerror=alert(1)>";

    [Fact]
    public async Task A_hostile_place_name_is_shown_as_text_in_the_table_marker_and_popup()
    {
        await fixture.Database.AddAsync(Build.Place(Hostile, 0.095, 51.548));
        var checks = await MapTests.OpenMapAsync(fixture);
        var page = checks.Page;
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        // From the table to the map: "Show on map" opens the place's popup in place.
        var row = page.Locator("#places-table tbody tr", new() { HasText = "onerror" });
        await row.GetByRole(AriaRole.Link, new() { Name = "Show on map" }).ClickAsync();
        var popup = page.Locator(".leaflet-popup");
        await popup.GetByText("Activity history").WaitForAsync();
        (await popup.Locator(".si-popup__title").TextContentAsync()).Should().Be(Hostile);
        (await page.Locator("#map img[src='x'], #map img:not(.leaflet-tile)").CountAsync()).Should().Be(0);
        (await page.EvaluateAsync<int>("name => [...document.querySelectorAll('.si-marker-icon')].filter(e => e.title.startsWith(name)).length", Hostile))
            .Should().Be(1, "the marker's title carries the name as text");
        (await row.Locator("th").TextContentAsync()).Should().Be(Hostile);

        // And back: the popup links to the row in the table.
        await popup.GetByRole(AriaRole.Link, new() { Name = "Find in the table" }).ClickAsync();
        page.Url.Should().EndWith($"#place-{await fixture.Database.PlaceIdAsync(Hostile)}");
        dialogs.Should().Be(0);
        checks.ShouldHaveNoErrors();
    }
}

using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Pages;

/// <summary>The map page's markup, filters and table as the server renders them (the browser tests drive the map itself).</summary>
public class MapPageTests(SocialInfraFactory app) : IClassFixture<SocialInfraFactory>
{
    private Task<IHtmlDocument> GetPageAsync(string url) => app.GetPageAsync(url);

    [Fact]
    public async Task The_map_page_sets_up_the_map_legend_and_the_same_places_as_a_table()
    {
        var page = await GetPageAsync("/Map");
        page.QuerySelector("h1")!.TextContent.Should().Be("Map of Barking and Dagenham");
        var map = page.QuerySelector("#map")!;
        map.GetAttribute("role").Should().Be("region");
        map.GetAttribute("aria-label").Should().Be("Map of places in Barking and Dagenham");
        map.GetAttribute("data-wards-api").Should().Be("/api/wards?lad=E09000002");
        map.GetAttribute("data-tile-url").Should().BeEmpty("the tests configure no base map");
        map.GetAttribute("data-filters").Should().BeEmpty();
        var bounds = map.GetAttribute("data-bounds")!.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
        // The borough lies roughly 0.06–0.19°E, 51.51–51.60°N.
        bounds[0].Should().BeInRange(0.05, 0.08);
        bounds[2].Should().BeInRange(0.17, 0.20);
        bounds[1].Should().BeInRange(51.50, 51.53);
        bounds[3].Should().BeInRange(51.58, 51.61);
        page.QuerySelectorAll("#map-legend [data-category]").Should().HaveCount(15);
        page.QuerySelector("#map-legend [data-category='library']")!.GetAttribute("data-symbol").Should().Be("Li");
        page.QuerySelectorAll("#places-table a[data-show-on-map]").Should().HaveCount(12);
        var barking = page.QuerySelectorAll("#places-table tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Barking Library");
        var show = barking.QuerySelector("a[data-show-on-map]")!;
        ("place-" + show.GetAttribute("data-show-on-map")).Should().Be(barking.Id);
        show.GetAttribute("data-lat").Should().StartWith("51.5363");
        show.GetAttribute("data-lon").Should().StartWith("0.0799");
        page.QuerySelector("#view-as-list")!.GetAttribute("href").Should().Be("/Places");
        page.QuerySelector("a.govuk-service-navigation__link[aria-current='page']")!.TextContent.Should().Be("Map");
    }

    [Fact]
    public async Task Near_a_ward_the_map_page_frames_it_and_passes_the_filters_to_the_api()
    {
        var page = await GetPageAsync("/Map?near=abbey&category=library");
        var map = page.QuerySelector("#map")!;
        map.GetAttribute("data-highlight-ward").Should().Be("E05000026");
        map.GetAttribute("data-filters").Should().Be("near=abbey&category=library");
        page.QuerySelector("#search-area")!.TextContent.Should().Be("Showing places in Abbey ward.");
        page.QuerySelectorAll("#places-table tbody tr").Should().HaveCount(1);
        page.QuerySelector("#view-as-list")!.GetAttribute("href").Should().Be("/Places?near=abbey&category=library");
    }

    [Fact]
    public async Task A_bad_filter_is_summarised_named_at_its_field_and_left_out_of_the_map()
    {
        var page = await GetPageAsync("/Map?near=Atlantis&activity=closed");
        page.Title.Should().StartWith("Error: ");
        var summary = page.QuerySelector("#error-summary")!;
        summary.QuerySelector("a")!.GetAttribute("href").Should().Be("#near");
        summary.TextContent.Should().Contain("No ward or recorded postcode matches 'Atlantis'");
        page.QuerySelector("#near-error")!.TextContent.Should().Contain("Atlantis");
        page.QuerySelector("#near")!.GetAttribute("aria-describedby").Should().Contain("near-error");
        page.QuerySelector("#near")!.GetAttribute("value").Should().Be("Atlantis", "what the user typed is kept");
        page.QuerySelector("#map")!.GetAttribute("data-filters").Should().Be("activity=closed");
        page.QuerySelectorAll("#places-table tbody tr").Should().HaveCount(6, "the good filter still applies");
    }

    [Fact]
    public async Task Of_several_categories_the_known_ones_reach_the_map_and_stay_chosen_in_the_form()
    {
        var page = await GetPageAsync("/Map?category=library,casino");
        page.QuerySelector("#category-error")!.TextContent.Should().Contain("casino");
        page.QuerySelector("#map")!.GetAttribute("data-filters").Should().Be("category=library", "the table filters by library too");
        page.QuerySelectorAll("#places-table tbody tr").Should().HaveCount(12);

        var both = await GetPageAsync("/Places?category=library,park");
        var selected = both.QuerySelector("#category option[selected]")!;
        selected.GetAttribute("value").Should().Be("library,park");
        selected.TextContent.Should().Be("2 categories: Library, Park or open space");
    }

    [Fact]
    public async Task Table_headers_sort_and_say_which_way()
    {
        var page = await GetPageAsync("/Places?sort=ward&dir=desc");
        var headers = page.QuerySelectorAll("#places-table thead th");
        var ward = headers.Single(th => th.TextContent.Trim().StartsWith("Ward", StringComparison.Ordinal));
        ward.GetAttribute("aria-sort").Should().Be("descending");
        ward.QuerySelector("a")!.GetAttribute("href").Should().Be("/Places?sort=ward#places-table", "a second press sorts the other way, and lands on the table");
        page.QuerySelectorAll("#places-table thead th[aria-sort]").Should().ContainSingle("only the sorted column says how it is sorted");
        headers.First().QuerySelector("a")!.GetAttribute("href").Should().Be("/Places#places-table");
        // By hand: of the libraries' wards, Whalebone (Robert Jeyes) comes last alphabetically and Abbey (Barking) first.
        var wards = page.QuerySelectorAll("#places-table tbody tr td:nth-child(3)").Select(td => td.TextContent.Trim()).ToList();
        wards.First().Should().Be("Whalebone");
        wards.Last().Should().Be("Abbey");
    }

    [Fact]
    public async Task A_ward_page_maps_the_ward_and_a_place_page_links_to_the_borough_map()
    {
        var ward = await GetPageAsync("/Wards/E05000026");
        ward.QuerySelector("#map")!.GetAttribute("data-filters").Should().Be("near=E05000026");
        ward.QuerySelector("#map")!.GetAttribute("data-highlight-ward").Should().Be("E05000026");
        ward.QuerySelector("#ward-on-borough-map")!.GetAttribute("href").Should().Be("/Map?near=E05000026");

        var id = await app.Database.PlaceIdAsync("Barking Library");
        var place = await GetPageAsync($"/Places/{id}");
        place.QuerySelector("#map")!.GetAttribute("data-place").Should().Be(id.ToString());
        place.QuerySelector("#show-on-borough-map")!.GetAttribute("href").Should().Be($"/Map?place={id}#map");
        var map = await GetPageAsync($"/Map?place={id}");
        map.QuerySelector("#map")!.GetAttribute("data-place").Should().Be(id.ToString());
        map.QuerySelector("#map")!.GetAttribute("data-bounds").Should().StartWith("0.0799");
    }
}

/// <summary>Sixty more places than the demo's twelve, so the table runs to two pages of fifty.</summary>
public class PlaceListPagingTests(SocialInfraFactory app) : IClassFixture<SocialInfraFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var db = app.Database.CreateContext();
        if (!await db.Places.AnyAsync(p => p.Name.StartsWith("Hall ")))
        {
            db.Places.AddRange(Enumerable.Range(1, 60).Select(i => Build.Place($"Hall {i:00}", 0.1 + i * 0.0005, 51.55)));
            await db.SaveChangesAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_digital_space_is_listed_but_not_mapped_and_says_which_wards_it_serves()
    {
        await using (var db = app.Database.CreateContext())
        {
            if (!await db.Places.AnyAsync(p => p.Name == "Dagenham Online"))
            {
                var village = await db.Wards.SingleAsync(w => w.Name == "Village");
                db.Places.Add(new SocialInfra.Places.Place
                {
                    Name = "Dagenham Online", CategorySlug = "digital-space", Presence = SocialInfra.Places.Presence.Digital,
                    Url = "https://example.org/dagenham-online", WardsServed = [village],
                });
                await db.SaveChangesAsync();
            }
        }
        var map = await app.GetPageAsync("/Map?presence=digital");
        map.QuerySelector("#digital-places")!.TextContent.Should().Contain("1 digital space matches");
        var row = map.QuerySelectorAll("#places-table tbody tr").Single();
        row.TextContent.Should().Contain("Dagenham Online").And.Contain("Not on the map (digital)");
        row.QuerySelector("a[data-show-on-map]").Should().BeNull();

        (await app.GetPageAsync("/Places?near=Village&presence=digital")).QuerySelectorAll("#places-table tbody tr th")
            .Select(th => th.TextContent).Should().Equal(["Dagenham Online"], "a digital space serving a ward is found near it");

        var id = await app.Database.PlaceIdAsync("Dagenham Online");
        var page = await app.GetPageAsync($"/Places/{id}");
        page.QuerySelector("#map").Should().BeNull("a digital space has no point to map");
        page.QuerySelector("#place-attributes")!.TextContent.Should().Contain("Wards served").And.Contain("Village");
    }

    [Fact]
    public async Task The_second_page_holds_the_rest_and_the_pagination_links_keep_the_filters()
    {
        var first = await app.GetPageAsync("/Places?category=community-centre");
        first.QuerySelector("#places-table caption")!.TextContent.Trim().Should().Be("60 places, page 1 of 2");
        first.QuerySelectorAll("#places-table tbody tr").Should().HaveCount(50);
        first.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href").Should().Be("/Places?category=community-centre&p=2#places-table");

        var second = await app.GetPageAsync("/Places?category=community-centre&p=2");
        second.QuerySelectorAll("#places-table tbody tr th").Select(th => th.TextContent)
            .Should().Equal(Enumerable.Range(51, 10).Select(i => $"Hall {i:00}"));
        second.QuerySelector(".govuk-pagination__item--current a")!.GetAttribute("aria-current").Should().Be("page");
        second.QuerySelector(".govuk-pagination__next").Should().BeNull();
    }
}

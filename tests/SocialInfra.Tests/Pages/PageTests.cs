using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Pages;

public class PageTests(SocialInfraFactory app) : IClassFixture<SocialInfraFactory>
{
    private Task<AngleSharp.Html.Dom.IHtmlDocument> GetPageAsync(string url) => app.GetPageAsync(url);

    [Fact]
    public async Task The_home_page_shows_the_borough_at_a_glance_with_data_attributions()
    {
        var page = await GetPageAsync("/");
        page.QuerySelector("h1")!.TextContent.Should().Be("Social infrastructure in Barking and Dagenham");
        page.QuerySelector("#at-a-glance")!.TextContent.Should().Contain("6 active, 0 dormant, 6 closed").And.Contain("17 (110 neighbourhoods");
        page.QuerySelector("#attribution-ogl")!.TextContent.Should().Contain("Open Government Licence v3.0");
        page.QuerySelector("#attribution-odbl")!.TextContent.Should().Contain("Open Database Licence");
        page.QuerySelector("img[src*='crest'], .govuk-header__logotype").Should().BeNull("this is not a GOV.UK service");
        page.QuerySelector("#open-map")!.GetAttribute("href").Should().Be("/Map");
    }

    [Fact]
    public async Task The_wards_page_lists_every_ward_with_its_places()
    {
        var page = await GetPageAsync("/Wards");
        var rows = page.QuerySelectorAll("#wards-table tbody tr");
        rows.Should().HaveCount(17);
        var abbey = rows.Single(r => r.QuerySelector("th")!.TextContent == "Abbey");
        abbey.QuerySelectorAll("td")[3].TextContent.Should().Be("1", "Barking Library is the one library in Abbey");
    }

    [Fact]
    public async Task A_ward_page_counts_its_places_by_category()
    {
        var page = await GetPageAsync("/Wards/E05000026");
        page.QuerySelector("h1")!.TextContent.Should().Be("Abbey");
        page.QuerySelectorAll("#places-table tbody th").Select(t => t.TextContent).Should().Equal("Barking Library");
        page.QuerySelector("#category-counts tbody")!.TextContent.Should().Contain("Library").And.Contain("1");
    }

    [Fact]
    public async Task The_places_list_filters_by_category_and_activity()
    {
        var page = await GetPageAsync("/Places?category=library&activity=Active");
        page.QuerySelectorAll("#places-table tbody tr").Should().HaveCount(6);
        page.QuerySelectorAll("#places-table tbody tr td:nth-child(5)").Should().OnlyContain(c => c.TextContent == "Active");
    }

    [Fact]
    public async Task Searching_by_name_treats_wildcards_as_text()
    {
        var page = await GetPageAsync("/Places?q=%25");
        page.QuerySelector("#no-places").Should().NotBeNull("no place name contains a percent sign");
        var barking = await GetPageAsync("/Places?q=barking");
        barking.QuerySelectorAll("#places-table tbody th").Select(t => t.TextContent).Should().Equal("Barking Library");
    }

    [Fact]
    public async Task A_closed_library_page_shows_its_history_and_provenance()
    {
        var id = await app.Database.PlaceIdAsync("Wantz Library");
        var page = await GetPageAsync($"/Places/{id}");
        page.QuerySelectorAll("#activity-history tbody tr").Select(r => r.QuerySelectorAll("td")[2].TextContent).Should().Equal("Active", "Closed");
        page.QuerySelector("#place-attributes")!.TextContent.Should().Contain("libraries-hacked (record 12), licence MIT");
    }

    [Fact]
    public async Task Unknown_places_and_wards_are_not_found()
    {
        (await app.CreateClient().GetAsync($"/Places/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await app.CreateClient().GetAsync("/Wards/E05999999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

/// <summary>Adds a hostile place name, so it has a database of its own.</summary>
public class PageEncodingTests(SocialInfraFactory app) : IClassFixture<SocialInfraFactory>
{
    [Fact]
    public async Task Place_names_are_html_encoded()
    {
        var id = await app.Database.AddAsync(Build.Place("<img src=x onerror=alert(1)>", 0.1, 51.55));
        var response = await app.CreateClient().GetAsync($"/Places/{id}");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().NotContain("<img src=x").And.Contain("&lt;img src=x onerror=alert(1)&gt;");
        var list = await app.CreateClient().GetStringAsync("/Places?q=onerror");
        list.Should().NotContain("<img src=x").And.Contain("&lt;img src=x");
    }

    [Fact]
    public async Task A_website_that_is_not_http_is_shown_as_text_not_a_link()
    {
        var place = Build.Place("Sneaky hall", 0.1, 51.55);
        place.Url = "javascript:alert(1)";
        var id = await app.Database.AddAsync(place);
        var page = new HtmlParser().ParseDocument(await app.CreateClient().GetStringAsync($"/Places/{id}"));
        page.QuerySelectorAll("a[href^='javascript']").Should().BeEmpty();
        page.QuerySelector("#place-attributes")!.TextContent.Should().Contain("javascript:alert(1)");
    }
}

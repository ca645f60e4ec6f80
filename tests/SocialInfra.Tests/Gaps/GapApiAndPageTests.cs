using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using FluentAssertions;
using SocialInfra.Tests.Infrastructure;
using Xunit;

namespace SocialInfra.Tests.Gaps;

/// <summary>The gap API, CSV and pages over the hand-made borough of <see cref="GapBorough"/>; figures worked out there.</summary>
public class GapApiAndPageTests : IAsyncLifetime
{
    private ScratchDatabase _database = null!;
    private ScratchApp _app = null!;
    private Guid _hall;

    public async Task InitializeAsync()
    {
        _database = await ScratchDatabase.EmptyAsync();
        await using (var db = _database.CreateContext())
        {
            _hall = await GapBorough.SeedAsync(db);
        }
        _app = new ScratchApp(_database);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<JsonElement> JsonAsync(string url)
    {
        var response = await _app.CreateClient().GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task The_API_gives_each_ward_its_figures_in_rank_order()
    {
        var body = await JsonAsync($"/api/gaps?lad={GapBorough.Code}&category=community-centre");

        body.GetProperty("category").GetString().Should().Be("community-centre");
        body.GetProperty("categories")[0].GetProperty("catchmentMetres").GetInt32().Should().Be(800);
        var wards = body.GetProperty("wards").EnumerateArray().ToList();
        wards.Select(w => w.GetProperty("code").GetString()).Should().Equal(GapBorough.West, GapBorough.East);
        var west = wards[0];
        (west.GetProperty("name").GetString(), west.GetProperty("population").GetInt32(), west.GetProperty("places").GetInt32(),
            west.GetProperty("perThousand").GetDouble(), west.GetProperty("coverage").GetDouble(), west.GetProperty("need").GetDouble(),
            west.GetProperty("gapScore").GetDouble(), west.GetProperty("rank").GetInt32())
            .Should().Be(("West", 4000, 1, 0.25, 0.25, 1.0, 0.75, 1));
        west.GetProperty("lsoasOutsideReach").EnumerateArray().Select(e => e.GetString()).Should().Equal("E01999902");
        wards[1].GetProperty("gapScore").GetDouble().Should().Be(0.4);
        wards[1].GetProperty("rank").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Without_a_category_the_API_gives_the_composite_and_what_it_left_out()
    {
        var body = await JsonAsync($"/api/gaps?lad={GapBorough.Code}");

        body.GetProperty("composite").GetBoolean().Should().BeTrue();
        body.GetProperty("leftOut").GetArrayLength().Should().Be(12);
        var west = body.GetProperty("wards")[0];
        west.GetProperty("code").GetString().Should().Be(GapBorough.West);
        west.GetProperty("gapScore").GetDouble().Should().Be(0.5);
        west.GetProperty("categories").EnumerateArray().Select(c => (c.GetProperty("slug").GetString(), c.GetProperty("coverage").GetDouble()))
            .Should().BeEquivalentTo(new[] { ("community-centre", 0.25), ("library", 0.75) });
    }

    [Fact]
    public async Task A_what_if_in_the_API_shows_each_ward_before_and_after()
    {
        var body = await JsonAsync($"/api/gaps?lad={GapBorough.Code}&category=community-centre&add=51.520,-0.015");

        var wards = body.GetProperty("wards").EnumerateArray().ToDictionary(w => w.GetProperty("code").GetString()!);
        wards[GapBorough.West].GetProperty("gapScore").GetDouble().Should().Be(0);
        wards[GapBorough.West].GetProperty("before").GetProperty("gapScore").GetDouble().Should().Be(0.75);
        wards[GapBorough.East].GetProperty("rank").GetInt32().Should().Be(1);
        body.GetProperty("whatIf").GetProperty("added")[0].GetProperty("category").GetString().Should().Be("community-centre");
    }

    [Theory]
    [InlineData("category=bowling", 400, "category", "'bowling' is not a category")]
    [InlineData("category=digital-space", 400, "category", "Digital spaces have no catchment")]
    [InlineData("category=library&add=51.6,0.5", 400, "add", "outside the borough")]
    [InlineData("category=library&add=north", 400, "add", "'north' is not a place to add")]
    [InlineData("add=51.52,-0.015", 400, "addCategory", "Choose the kind of place to add")]
    [InlineData("add=51.52,-0.015,bowling", 400, "addCategory", "'bowling' is not a category with a catchment")]
    [InlineData("category=library&add=NaN,0", 400, "add", "'NaN,0' is not a place to add")]
    [InlineData("reopen=nonsense", 400, "reopen", "'nonsense' is not a place id")]
    [InlineData("accessibility=maybe", 400, "accessibility", "accessibility must be true or false")]
    public async Task The_API_names_the_parameter_at_fault(string query, int status, string parameter, string message)
    {
        var response = await _app.CreateClient().GetAsync($"/api/gaps?lad={GapBorough.Code}&{query}");

        ((int)response.StatusCode).Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("errors").GetProperty(parameter)[0].GetString().Should().Contain(message);
    }

    [Fact]
    public async Task Reopening_a_place_that_is_already_open_is_refused()
    {
        await using var db = _database.CreateContext();
        var open = db.Places.Single(p => p.Name == "Westside Centre").Id;

        var response = await _app.CreateClient().GetAsync($"/api/gaps?lad={GapBorough.Code}&category=community-centre&reopen={open}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Westside Centre is already open");
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("E09000001", HttpStatusCode.NotFound)]
    [InlineData("Barking", HttpStatusCode.BadRequest)]
    public async Task The_API_needs_a_loaded_local_authority(string lad, HttpStatusCode status)
    {
        var response = await _app.CreateClient().GetAsync($"/api/gaps?lad={lad}");

        response.StatusCode.Should().Be(status);
    }

    [Fact]
    public async Task The_CSV_download_is_the_ranked_table()
    {
        var response = await _app.CreateClient().GetAsync($"/export/gaps.csv?lad={GapBorough.Code}&category=community-centre");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("rank,ward_code,ward_name,category,catchment_metres,population,lsoas,lsoas_within_reach,places,places_per_1000,coverage,imd_score,need,gap_score");
        lines.Skip(1).Should().Equal(
            "1,E05999901,West,community-centre,800,4000,2,1,1,0.25,0.25,25,1,0.75,,0,residents,2021,,",
            "2,E05999902,East,community-centre,800,4000,2,1,0,0,0.5,20,0.8,0.4,,0,residents,2021,,");
    }

    [Fact]
    public async Task A_what_if_in_the_CSV_is_marked_on_every_row_with_the_score_now()
    {
        var response = await _app.CreateClient().GetAsync($"/export/gaps.csv?lad={GapBorough.Code}&category=community-centre&reopen={_hall}");

        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Skip(1).Should().OnlyContain(l => l.Contains(",yes,"));
        lines.Should().Contain(l => l.Contains(",West,") && l.EndsWith(",yes,0.75"));
    }

    [Fact]
    public async Task Places_added_one_after_another_keep_their_own_categories()
    {
        var body = await JsonAsync($"/api/gaps?lad={GapBorough.Code}&add=51.520,-0.015,library&add=51.504,-0.005,park");

        body.GetProperty("whatIf").GetProperty("added").EnumerateArray().Select(a => a.GetProperty("category").GetString()).Should().Equal("library", "park");
        body.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("slug").GetString()).Should().Contain("park");
    }

    [Fact]
    public async Task Too_many_changes_at_once_are_refused_before_any_is_looked_up()
    {
        var query = string.Join("&", Enumerable.Repeat("add=51.52,-0.015", 21));

        var response = await _app.CreateClient().GetAsync($"/api/gaps?lad={GapBorough.Code}&category=library&{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Try at most 20 changes at once");
    }

    [Fact]
    public async Task The_gap_page_ranks_the_wards_in_a_table()
    {
        var page = await _app.CreateClient().GetDocumentAsync("/Gaps?category=community-centre");

        var rows = page.QuerySelectorAll("#gaps-table tbody tr").Select(r => r.QuerySelectorAll("td, th").Select(c => c.TextContent.Trim()).ToList()).ToList();
        rows.Should().HaveCount(2);
        // Connected provision: West's one open place and East's two (the library and East Online) are in no network.
        rows[0].Should().Equal("1", "West", "4,000", "1", "0.25", "25%", "25.0", "1.00", "0.75", "0", "0 of 1");
        rows[1].Should().Equal("2", "East", "4,000", "0", "0.00", "50%", "20.0", "0.80", "0.40", "0", "0 of 2");
        page.QuerySelector("#gap-map")!.GetAttribute("data-wards-api").Should().Be($"/api/wards?lad={GapBorough.Code}");
        JsonDocument.Parse(page.QuerySelector("#gap-data")!.TextContent).RootElement
            .GetProperty("wards").GetProperty(GapBorough.West).GetProperty("gapScore").GetDouble().Should().Be(0.75);
        page.QuerySelectorAll("#gap-legend li").Should().HaveCount(6);
        page.QuerySelector("a[href^='/export/gaps.csv']")!.GetAttribute("href").Should().Be($"/export/gaps.csv?lad={GapBorough.Code}&category=community-centre");
    }

    [Fact]
    public async Task The_gap_page_shows_a_what_if_beside_the_scores_now_and_offers_dormant_places_to_reopen()
    {
        var client = _app.CreateClient();
        var page = await client.GetDocumentAsync("/Gaps?category=community-centre");
        page.QuerySelector($"#reopen-{_hall}")!.ParentElement!.TextContent.Should().Contain("Old East Hall (community centre, dormant)");

        var response = await client.SubmitFormAsync("/Gaps?category=community-centre", "#what-if-form",
            new Dictionary<string, string[]> { ["reopen"] = [_hall.ToString()] });

        var result = await response.ParseAsync();
        result.QuerySelector("#what-if-banner")!.TextContent.Should().Contain("1 dormant or closed place were open again").And.Contain("Nothing has been saved");
        var west = result.QuerySelector($"#ward-{GapBorough.West}")!.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        west.Should().ContainInOrder("0.00", "0.75", "−0.75");
    }

    [Fact]
    public async Task A_mistake_in_the_what_if_is_named_and_the_borough_is_shown_as_it_is()
    {
        var page = await _app.CreateClient().GetDocumentAsync("/Gaps?category=library&add=51.9,0.9");

        page.QuerySelector(".govuk-error-summary a[href='#add']")!.TextContent.Should().Contain("outside the borough");
        page.QuerySelector("#add-error")!.TextContent.Should().Contain("outside the borough");
        page.QuerySelector("#what-if-banner").Should().BeNull();
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#add")!.Value.Should().Be("51.9,0.9", "the wrong entry is shown back to be corrected");
        page.QuerySelectorAll("#gaps-table tbody tr").Should().HaveCount(2);
        page.Title.Should().StartWith("Error: ");
    }

    [Fact]
    public async Task The_ward_report_explains_the_score_and_names_the_LSOAs_out_of_reach()
    {
        var page = await _app.CreateClient().GetDocumentAsync($"/Gaps/Ward/{GapBorough.West}?category=community-centre");

        page.QuerySelector("h1")!.TextContent.Should().Be("West ward");
        page.QuerySelector("#need")!.TextContent.Should().Contain("1.00").And.Contain("25.0 ÷ 25.0");
        var working = string.Join(' ', page.QuerySelector("#working")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        working.Should().Contain("1,000 of 4,000 residents (25%) live within 800 m of an open community centre")
            .And.Contain("Gap score = need 1.00 × (1 − 0.25) = 0.75, ranked 1 of 2 wards");
        page.QuerySelector("#outside-reach")!.TextContent.Should().Contain("E01999902").And.Contain("3,000 residents");
        var outside = page.QuerySelector("#lsoa-E01999902")!.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        outside[0].Should().Be("3,000");
        outside[1].Should().Be("Westside Centre");
        outside[2].Should().MatchRegex("^2,2[23][0-9] m$", "B is 0.020° of latitude, about 2,225 m, from Westside Centre");
        outside[3].Should().Be("No");
        page.QuerySelector("#print-report").Should().NotBeNull();
    }

    [Fact]
    public async Task The_ward_report_of_an_unknown_ward_is_not_found()
    {
        var response = await _app.CreateClient().GetAsync("/Gaps/Ward/E05000000");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

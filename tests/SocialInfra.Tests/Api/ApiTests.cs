using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Api;

public class ApiTests(SocialInfraFactory app) : IClassFixture<SocialInfraFactory>
{
    // Around Barking town centre: Barking Library (0.0800, 51.5364) is inside, Dagenham Library (0.1483, 51.5404) is not.
    private const string BarkingBox = "0.07,51.53,0.09,51.54";

    [Fact]
    public async Task Health_reports_the_postgis_version()
    {
        var response = await app.CreateClient().GetAsync("/health");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("Healthy");
        body.GetProperty("postgis").GetString().Should().MatchRegex(@"^3\.\d+");
    }

    [Fact]
    public async Task Wards_of_the_demo_borough_come_as_a_geojson_feature_collection()
    {
        var response = await app.CreateClient().GetAsync("/api/wards?lad=E09000002");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/geo+json");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        body.GetProperty("type").GetString().Should().Be("FeatureCollection");
        body.TryGetProperty("crs", out _).Should().BeFalse("RFC 7946 drops the crs member: coordinates are WGS84 lon/lat");
        var features = body.GetProperty("features").EnumerateArray().ToList();
        features.Should().HaveCount(17);
        var abbey = features.Single(f => f.GetProperty("properties").GetProperty("code").GetString() == "E05000026");
        abbey.GetProperty("id").GetString().Should().Be("E05000026");
        abbey.GetProperty("geometry").GetProperty("type").GetString().Should().Be("MultiPolygon");
        var properties = abbey.GetProperty("properties");
        properties.GetProperty("name").GetString().Should().Be("Abbey");
        properties.GetProperty("population").ValueKind.Should().Be(JsonValueKind.Null, "LSOA populations are not in the demo data yet");
        properties.GetProperty("imdScore").GetDouble().Should().BeApproximately(31.345, 0.001);
        // First coordinate of Abbey's boundary in the source file: longitude first, then latitude.
        var first = abbey.GetProperty("geometry").GetProperty("coordinates")[0][0][0];
        first[0].GetDouble().Should().BeApproximately(0.0694, 0.0001);
        first[1].GetDouble().Should().BeApproximately(51.5441, 0.0001);
    }

    [Theory]
    [InlineData("/api/wards", "lad")]
    [InlineData("/api/wards?lad=Barking", "lad")]
    [InlineData("/api/places?bbox=1,2,3", "bbox")]
    [InlineData("/api/places?bbox=a,b,c,d", "bbox")]
    [InlineData("/api/places?bbox=0.09,51.53,0.07,51.54", "bbox")]
    [InlineData("/api/places?bbox=0,51,200,52", "bbox")]
    [InlineData("/api/places?bbox=NaN,51,1,52", "bbox")]
    [InlineData("/api/places?category=casino", "category")]
    [InlineData("/api/places?activity=sleeping", "activity")]
    [InlineData("/api/places?ownership=7", "ownership")]
    [InlineData("/api/places?ownership=public,community", "ownership")]
    [InlineData("/api/places?presence=Physical,Digital", "presence")]
    [InlineData("/api/places?zoom=-1", "zoom")]
    [InlineData("/api/places?zoom=twelve", "zoom")]
    [InlineData("/api/places?zoom=25", "zoom")]
    [InlineData("/api/places?near=Atlantis", "near")]
    [InlineData("/api/places?dimension=vibes", "dimension")]
    [InlineData("/api/places?organisation=council", "organisation")]
    public async Task Malformed_parameters_get_a_problem_naming_the_parameter(string url, string parameter)
    {
        var response = await app.CreateClient().GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().Should().Be(400);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal(parameter);
        problem.GetProperty("detail").GetString().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task An_authority_that_is_not_loaded_is_not_found()
    {
        var response = await app.CreateClient().GetAsync("/api/wards?lad=E09000033");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Places_in_a_bbox_are_only_those_inside_it()
    {
        var body = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/places?bbox={BarkingBox}");
        body.GetProperty("type").GetString().Should().Be("FeatureCollection");
        var names = body.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()).ToList();
        // By hand from libraries-2016.csv: Barking (0.0800, 51.5364) and Thames View (0.1045, 51.5280: east of 0.09, so out).
        names.Should().Equal("Barking Library");
    }

    [Fact]
    public async Task Places_can_be_filtered_by_activity_and_category()
    {
        var client = app.CreateClient();
        var closed = await client.GetFromJsonAsync<JsonElement>("/api/places?activity=closed&category=library");
        closed.GetProperty("features").GetArrayLength().Should().Be(6);
        closed.GetProperty("features").EnumerateArray().Should().OnlyContain(f => f.GetProperty("properties").GetProperty("activity").GetString() == "Closed");
        var parks = await client.GetFromJsonAsync<JsonElement>("/api/places?category=park");
        parks.GetProperty("features").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_place_comes_as_a_geojson_feature_with_its_history()
    {
        var id = await app.Database.PlaceIdAsync("Castle Green Library");
        var response = await app.CreateClient().GetAsync($"/api/places/{id}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/geo+json");
        var feature = await response.Content.ReadFromJsonAsync<JsonElement>();
        feature.GetProperty("type").GetString().Should().Be("Feature");
        feature.GetProperty("id").GetString().Should().Be(id.ToString());
        var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
        coordinates[0].GetDouble().Should().BeApproximately(0.126459, 0.000001);
        coordinates[1].GetDouble().Should().BeApproximately(51.533334, 0.000001);
        var properties = feature.GetProperty("properties");
        properties.GetProperty("category").GetString().Should().Be("library");
        properties.GetProperty("activity").GetString().Should().Be("Closed");
        properties.GetProperty("licence").GetString().Should().Be("MIT");
        properties.GetProperty("activityHistory").EnumerateArray().Select(p => p.GetProperty("activity").GetString())
            .Should().Equal("Active", "Closed");
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    [InlineData("not-a-guid")]
    public async Task An_unknown_place_is_a_404_problem(string id)
    {
        var response = await app.CreateClient().GetAsync($"/api/places/{id}");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().Contain(id);
    }
}

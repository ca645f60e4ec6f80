using System.Net;
using System.Text.Json.Nodes;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Api;

public class OpenDataApiTests(SocialInfraFactory app) : IClassFixture<SocialInfraFactory>
{
    private async Task<(HttpResponseMessage Response, JsonNode Body)> GetAsync(string path)
    {
        var response = await app.CreateClient().GetAsync(path);
        return (response, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task The_ogc_landing_page_links_what_qgis_needs()
    {
        var (response, body) = await GetAsync("/ogc");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var links = body["links"]!.AsArray().ToDictionary(l => l!["rel"]!.GetValue<string>(), l => l!["href"]!.GetValue<string>());
        links["data"].Should().Be("http://localhost/ogc/collections");
        links["service-desc"].Should().Be("http://localhost/ogc/api");
        links["conformance"].Should().Be("http://localhost/ogc/conformance");
        (await GetAsync("/ogc/api")).Body["components"]!["parameters"]!["limit"]!["schema"]!["maximum"]!.GetValue<int>().Should().Be(10_000);
        (await GetAsync("/ogc/conformance")).Body["conformsTo"]!.AsArray().Select(c => c!.GetValue<string>())
            .Should().Contain("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core").And.Contain("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");
    }

    [Fact]
    public async Task Collections_describe_places_and_wards_with_the_borough_extent()
    {
        var (_, body) = await GetAsync("/ogc/collections");
        body["collections"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).Should().Equal("places", "wards");
        var (_, wards) = await GetAsync("/ogc/collections/wards");
        var bbox = wards["extent"]!["spatial"]!["bbox"]![0]!.AsArray().Select(n => n!.GetValue<double>()).ToList();
        // Barking and Dagenham lies between about 0.07°E and 0.19°E, 51.51°N and 51.60°N.
        bbox[0].Should().BeInRange(0.06, 0.08);
        bbox[2].Should().BeInRange(0.18, 0.20);
        bbox[1].Should().BeInRange(51.50, 51.52);
        bbox[3].Should().BeInRange(51.59, 51.61);
        wards["links"]!.AsArray().Should().Contain(l => l!["rel"]!.GetValue<string>() == "items" && l["type"]!.GetValue<string>() == "application/geo+json");
    }

    [Fact]
    public async Task Items_are_paged_with_a_next_link_and_filtered_by_bbox()
    {
        var (response, page) = await GetAsync("/ogc/collections/places/items?limit=5");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/geo+json");
        (page["type"]!.GetValue<string>(), page["numberMatched"]!.GetValue<int>(), page["numberReturned"]!.GetValue<int>()).Should().Be(("FeatureCollection", 12, 5));
        var next = page["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "next")!["href"]!.GetValue<string>();
        next.Should().Be("http://localhost/ogc/collections/places/items?limit=5&offset=5");
        var (_, last) = await GetAsync("/ogc/collections/places/items?limit=5&offset=10");
        last["numberReturned"]!.GetValue<int>().Should().Be(2);
        last["links"]!.AsArray().Should().NotContain(l => l!["rel"]!.GetValue<string>() == "next");

        // Around Barking town centre only Barking Library lies in the box.
        var (_, boxed) = await GetAsync("/ogc/collections/places/items?bbox=0.07,51.53,0.09,51.54");
        boxed["features"]!.AsArray().Select(f => f!["properties"]!["name"]!.GetValue<string>()).Should().Equal("Barking Library");
        var id = boxed["features"]![0]!["id"]!.GetValue<string>();
        var (_, single) = await GetAsync($"/ogc/collections/places/items/{id}");
        single["properties"]!["category"]!.GetValue<string>().Should().Be("library");
        var (_, ward) = await GetAsync("/ogc/collections/wards/items/E05000026");
        ward["properties"]!["name"]!.GetValue<string>().Should().Be("Abbey");
    }

    [Theory]
    [InlineData("/ogc/collections/places/items?limit=0", HttpStatusCode.BadRequest, "limit must be a whole number from 1 to 10000; got '0'.")]
    [InlineData("/ogc/collections/places/items?bbox=1,2,3", HttpStatusCode.BadRequest, "bbox must be four numbers")]
    [InlineData("/ogc/collections/parks/items", HttpStatusCode.NotFound, "There is no collection 'parks': the collections are places and wards.")]
    [InlineData("/ogc/collections/places/items/nope", HttpStatusCode.NotFound, "There is no feature 'nope' in the collection places.")]
    [InlineData("/openreferral/services?per_page=500", HttpStatusCode.BadRequest, "per_page must be a whole number from 1 to 200; got '500'.")]
    [InlineData("/openreferral/services?page=0", HttpStatusCode.BadRequest, "page must be a whole number from 1; got '0'.")]
    [InlineData("/openreferral/services/not-a-service", HttpStatusCode.NotFound, "There is no service with id 'not-a-service'.")]
    public async Task Bad_requests_get_problem_details_naming_the_parameter(string path, HttpStatusCode status, string detail)
    {
        var (response, body) = await GetAsync(path);
        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        body["detail"]!.GetValue<string>().Should().StartWith(detail);
    }

    [Fact]
    public async Task Open_referral_root_and_an_empty_services_page_follow_the_uk_profile()
    {
        var (_, root) = await GetAsync("/openreferral");
        root["version"]!.GetValue<string>().Should().Be("HSDS 3.0");
        var (response, page) = await GetAsync("/openreferral/services");
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        page.AsObject().Select(p => p.Key).Should().Equal("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents");
        (page["total_items"]!.GetValue<int>(), page["page_number"]!.GetValue<int>(), page["empty"]!.GetValue<bool>()).Should().Be((0, 1, true));
    }
}

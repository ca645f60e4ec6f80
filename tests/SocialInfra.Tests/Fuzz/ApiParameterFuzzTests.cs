using System.Net.Http.Json;
using System.Text.Json;
using CsCheck;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Fuzz;

/// <summary>
/// Property: whatever a caller puts in the query string or the path, the open data API and the pages that read the same
/// parameters never answer 5xx. The API answers a mistake 4xx with Problem Details naming what was wrong.
/// </summary>
public class ApiParameterFuzzTests(SocialInfraFactory app) : IClassFixture<SocialInfraFactory>
{
    private static readonly string[] Search = ["bbox", "zoom", "category", "dimension", "ownership", "activity", "presence", "organisation", "q", "near"];
    private static readonly string[] Gap = ["lad", "category", "accessibility", "add", "reopen", "addCategory", "addPostcode"];

    // Each path (with {x} for a generated path segment) and the parameters it reads.
    private static readonly (string Path, string[] Parameters)[] Requests =
    [
        ("/api/places", Search),
        ("/api/places/{x}", []),
        ("/api/wards", ["lad"]),
        ("/api/gaps", Gap),
        ("/export/gaps.csv", Gap),
        ("/export/places.csv", ["excludeOdbl"]),
        ("/ogc/collections/places/items", ["bbox", "limit", "offset", "excludeOdbl"]),
        ("/ogc/collections/{x}/items/{x}", ["bbox", "limit"]),
        ("/ogc/collections/{x}", []),
        ("/openreferral/services", ["page", "per_page"]),
        ("/openreferral/services/{x}", []),
        ("/api/networks/{x}", []),
        ("/Places", Search),
        ("/Gaps", Gap),
        ("/Gaps/Ward/{x}", Gap),
        ("/Wards/{x}", []),
        ("/Networks/{x}", []),
    ];

    private static readonly Gen<string> Url =
        from request in Gen.OneOf(Requests)
        from segments in Fuzzing.Value.Array[2]
        from count in Gen.Int[0, 4]
        from names in Gen.OneOf(request.Parameters.Length == 0 ? Gen.String : Gen.OneOf(request.Parameters), Gen.String).Array[count]
        from values in Fuzzing.Value.Array[count]
        select Build(request.Path, segments, names, values);

    private static string Build(string path, string[] segments, string[] names, string[] values)
    {
        var parts = path.Split("{x}");
        var built = parts[0];
        for (var i = 1; i < parts.Length; i++)
        {
            // No NUL in the path: the test client itself refuses one (Kestrel answers 400).
            var segment = segments[i - 1].Replace("\0", "", StringComparison.Ordinal);
            built += Uri.EscapeDataString(segment.Length == 0 ? "x" : segment) + parts[i];
        }
        var query = string.Join("&", names.Zip(values, (n, v) => $"{Uri.EscapeDataString(n)}={Uri.EscapeDataString(v)}"));
        return query.Length == 0 ? built : $"{built}?{query}";
    }

    [Fact]
    public async Task No_query_string_or_path_makes_the_server_fail()
    {
        var client = app.CreateClient();
        await Url.SampleAsync(async url =>
        {
            using var response = await client.GetAsync(url);
            var status = (int)response.StatusCode;
            status.Should().BeLessThan(500, $"{url}: {app.ServerErrors.Latest}");
            var data = !url.StartsWith("/Places", StringComparison.Ordinal) && !url.StartsWith("/Gaps", StringComparison.Ordinal)
                && !url.StartsWith("/Wards", StringComparison.Ordinal) && !url.StartsWith("/Networks", StringComparison.Ordinal);
            if (data && status >= 400)
            {
                response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", url);
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                problem.GetProperty("title").GetString().Should().NotBeNullOrWhiteSpace(url);
            }
        }, iter: Fuzzing.Iterations(600), threads: 2);
    }
}

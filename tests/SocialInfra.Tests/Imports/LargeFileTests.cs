using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Imports;
using SocialInfra.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialInfra.Tests.Imports;

[CollectionDefinition(Name, DisableParallelization = true)]
public class MemoryMeasurements
{
    // Heap measurements are process-wide: these tests run alone, after the parallel ones.
    public const string Name = "Memory measurements";
}

[Collection(MemoryMeasurements.Name)]
public class LargeFileTests(ITestOutputHelper output)
{
    private sealed class Sampler(Action<ImportProgress> sample) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => sample(value);
    }

    // An Overpass-style export of about 10 MB: parks and other areas drawn with 24 corners, each with a dozen tags.
    private static byte[] OpenStreetMapFile(int features)
    {
        string[] tags = ["leisure\": \"park", "leisure\": \"playground", "amenity\": \"community_centre", "amenity\": \"place_of_worship", "leisure\": \"garden"];
        var random = new Random(20261123);
        var json = new StringBuilder("{ \"type\": \"FeatureCollection\", \"generator\": \"overpass-turbo\", \"features\": [\n");
        for (var i = 0; i < features; i++)
        {
            // Inside Becontree, Valence and Eastbrook: well within the borough.
            var (lon, lat) = (0.11 + random.NextDouble() * 0.03, 51.548 + random.NextDouble() * 0.012);
            var ring = string.Join(", ", Enumerable.Range(0, 25).Select(k =>
            {
                var angle = 2 * Math.PI * (k % 24) / 24;
                return string.Create(CultureInfo.InvariantCulture, $"[{lon + 0.0004 * Math.Cos(angle):F7}, {lat + 0.00025 * Math.Sin(angle):F7}]");
            }));
            json.Append(CultureInfo.InvariantCulture, $$"""
                { "type": "Feature", "id": "way/{{100000 + i}}", "properties": { "@id": "way/{{100000 + i}}", "{{tags[i % tags.Length]}}", "name": "Generated place {{i}}",
                  "addr:street": "Becontree Avenue", "addr:housenumber": "{{i % 400}}", "addr:postcode": "RM8 3HT", "opening_hours": "Mo-Su 08:00-20:00",
                  "wheelchair": "yes", "operator:type": "community", "website": "https://example.org/places/{{i}}", "check_date": "2025-06-01" },
                  "geometry": { "type": "Polygon", "coordinates": [[ {{ring}} ]] } }{{(i == features - 1 ? "" : ",")}}

                """);
        }
        return Encoding.UTF8.GetBytes(json.Append("] }\n").ToString());
    }

    [Fact]
    public async Task A_10_mb_file_imports_in_memory_that_does_not_grow_with_the_file()
    {
        var file = OpenStreetMapFile(9_500);
        file.Length.Should().BeGreaterThan(10_000_000);
        await using var database = await ScratchDatabase.DemoAsync();
        await using var db = database.CreateContext();

        // Warm up first (EF's model and query caches are built once per process), then measure from there.
        using (var warmUp = new MemoryStream(OpenStreetMapFile(1)))
        {
            (await OpenDataImport.RunAsync(db, new ImportRequest(ImportKind.PlacesGeoJson, "E09000002", "warm-up.geojson"), warmUp)).Report.Problems.Should().BeEmpty();
        }
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = 0L;
        var samples = new List<long>();
        var progress = new Sampler(_ =>
        {
            samples.Add(GC.GetTotalMemory(forceFullCollection: true) - baseline);
            peak = Math.Max(peak, samples[^1]);
        });
        using var stream = new MemoryStream(file);
        var run = await OpenDataImport.RunAsync(db, new ImportRequest(ImportKind.PlacesGeoJson, "E09000002", "large.geojson"), stream, progress);

        output.WriteLine($"{file.Length:N0} bytes, {run.Report.Summary()} Live memory above the start, every 1,000 features: {string.Join(", ", samples.Select(m => (m / 1_000_000.0).ToString("F1", CultureInfo.InvariantCulture)))} MB; {(run.FinishedAt - run.StartedAt).TotalSeconds:F1} s.");
        run.Report.Problems.Should().BeEmpty();
        // A few generated places fall just outside the borough and are left out.
        (run.Report.Created + run.Report.Skipped, run.Report.Unchanged).Should().Be((9_499, 1));
        run.Report.Created.Should().BeGreaterThan(8_000);
        (await db.Places.CountAsync()).Should().Be(12 + 1 + run.Report.Created);
        // Bounded: after the first 1,000 features (the borough's outline, categories and a batch of 500 places in hand),
        // reading the other 9 MB adds next to nothing, where holding the features would add several times the file's size.
        var steady = samples.Take(samples.Count - 1).ToList();
        (steady.Max() - steady[0]).Should().BeLessThan(3_000_000);
        peak.Should().BeLessThan(20_000_000);
    }
}

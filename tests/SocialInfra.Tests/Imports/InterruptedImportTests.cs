using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Imports;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Imports;

/// <summary>
/// An import stopped half-way, after thousands of places have already been written inside its transaction, leaves
/// nothing behind: not a place, not an audit entry. Stopped by the visitor (the request aborted) or by the database
/// going away (a restart, a lost connection).
/// </summary>
public class InterruptedImportTests
{
    private const int Features = 4_000;
    private const int StopAfter = 2_000;

    // Acts once, when the import has read that many features (the final report may repeat the count).
    private sealed class AtRead(int read, Action act) : IProgress<ImportProgress>
    {
        private bool _done;

        public void Report(ImportProgress value)
        {
            if (value.Read == read && !_done)
            {
                _done = true;
                act();
            }
        }
    }

    // Points spread over Becontree, Valence and Eastbrook, well inside the borough.
    private static MemoryStream PlacesFile()
    {
        var random = new Random(9);
        var json = new StringBuilder("""{ "type": "FeatureCollection", "features": [""");
        for (var i = 0; i < Features; i++)
        {
            json.Append(CultureInfo.InvariantCulture, $$"""
                {{(i == 0 ? "" : ",")}}{ "type": "Feature", "id": "node/{{500000 + i}}", "properties": { "name": "Interrupted place {{i}}", "amenity": "community_centre" },
                  "geometry": { "type": "Point", "coordinates": [{{0.11 + random.NextDouble() * 0.03:F6}}, {{51.548 + random.NextDouble() * 0.012:F6}}] } }
                """);
        }
        return new MemoryStream(Encoding.UTF8.GetBytes(json.Append("] }").ToString()));
    }

    private static async Task<(int Places, int Audit, int Runs)> CountAsync(ScratchDatabase database)
    {
        await using var db = database.CreateContext();
        // The audit history of everything but the runs themselves: a failed run is recorded, and nothing else.
        return (await db.Places.CountAsync(), await db.AuditEntries.CountAsync(a => a.EntityType != nameof(ImportRun)), await db.ImportRuns.CountAsync());
    }

    [Fact]
    public async Task The_whole_file_imports_when_nothing_stops_it()
    {
        // The control: the same file and progress hook, untouched, does write 4,000 places.
        await using var database = await ScratchDatabase.DemoAsync();
        var before = await CountAsync(database);
        await using var db = database.CreateContext();
        var reached = false;
        using var file = PlacesFile();
        var run = await OpenDataImport.RunAsync(db, new ImportRequest(ImportKind.PlacesGeoJson, "E09000002", "places.geojson"), file, new AtRead(StopAfter, () => reached = true));

        run.Report.Problems.Should().BeEmpty();
        reached.Should().BeTrue();
        // A few generated points fall just outside the borough's outline and are skipped.
        run.Report.Created.Should().BeGreaterThan(3_000);
        (await CountAsync(database)).Places.Should().Be(before.Places + run.Report.Created);
    }

    [Fact]
    public async Task An_import_cancelled_half_way_leaves_nothing_behind()
    {
        await using var database = await ScratchDatabase.DemoAsync();
        var before = await CountAsync(database);
        await using var db = database.CreateContext();
        using var cancel = new CancellationTokenSource();
        using var file = PlacesFile();

        var importing = () => OpenDataImport.RunAsync(db, new ImportRequest(ImportKind.PlacesGeoJson, "E09000002", "places.geojson"), file,
            new AtRead(StopAfter, cancel.Cancel), cancel.Token);

        await importing.Should().ThrowAsync<OperationCanceledException>();
        (await CountAsync(database)).Should().Be(before);
    }

    [Fact]
    public async Task An_import_whose_database_connection_dies_half_way_leaves_nothing_behind()
    {
        await using var database = await ScratchDatabase.DemoAsync();
        var before = await CountAsync(database);
        await using var db = database.CreateContext();
        using var file = PlacesFile();
        var killed = 0L;

        var run = await OpenDataImport.RunAsync(db, new ImportRequest(ImportKind.PlacesGeoJson, "E09000002", "places.geojson"), file,
            new AtRead(StopAfter, () => killed = database.EndSessionsAsync().GetAwaiter().GetResult()));

        killed.Should().Be(1, "the import's own connection, in the middle of its transaction, is the one ended");
        run.Report.Succeeded.Should().BeFalse();
        run.Report.Problems.Should().Equal(new ImportProblem("File",
            "could not be imported: the connection to the database was lost part-way. Nothing was imported; try again."));
        // The failed run is recorded, on a fresh connection, and nothing else.
        (await CountAsync(database)).Should().Be((before.Places, before.Audit, before.Runs + 1));
    }
}

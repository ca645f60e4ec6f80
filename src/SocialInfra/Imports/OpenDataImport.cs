using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;

namespace SocialInfra.Imports;

/// <summary>
/// Imports one file in one transaction: every row or feature goes in, or, when any is at fault, nothing does and the
/// report names each problem. The admin pages and the command-line tool both come here. Every run is recorded.
/// </summary>
public static class OpenDataImport
{
    public static async Task<ImportRun> RunAsync(
        SocialInfraDbContext db, ImportRequest request, Stream file, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var report = new ImportReport { Kind = request.Kind, FileName = ImportProblem.Visible(request.FileName) };
        var started = DateTimeOffset.UtcNow;
        var context = new ImportContext(db, request, report, progress, cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                await (request.Kind switch
                {
                    ImportKind.WardBoundaries => BoundaryImport.WardsAsync(context, file),
                    ImportKind.LsoaBoundaries => BoundaryImport.LsoasAsync(context, file),
                    ImportKind.LsoaCentroids => BoundaryImport.CentroidsAsync(context, file),
                    ImportKind.Population => StatisticsImport.PopulationAsync(context, file),
                    ImportKind.Deprivation => StatisticsImport.DeprivationAsync(context, file),
                    ImportKind.Postcodes => PostcodeImport.PostcodesAsync(context, file),
                    ImportKind.PlacesGeoJson => PlaceImport.GeoJsonAsync(context, file),
                    ImportKind.PlacesCsv => PlaceImport.CsvAsync(context, file),
                    ImportKind.Services => ServiceImport.OpenReferralAsync(context, file),
                    _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "Not a kind of import."),
                });
                if (report.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
            catch (ImportAbandonedException)
            {
                report.Problems.Add(new ImportProblem("File", $"has {ImportReport.MaxProblems} problems or more: the import stopped reading after them."));
            }
            catch (ImportFileException e)
            {
                report.Problems.Add(new ImportProblem(e.Where, e.Message));
            }
            catch (JsonException e)
            {
                report.Problems.Add(new ImportProblem("File", $"is not valid JSON: {e.Message}"));
            }
            catch (Exception e) when (SocialInfraDatabase.IsConnectionFailure(e))
            {
                // PostgreSQL restarting or the connection lost: the server has already thrown the transaction away.
                report.Problems.Add(new ImportProblem("File", "could not be imported: the connection to the database was lost part-way. Nothing was imported; try again."));
            }
            catch (Npgsql.PostgresException e)
            {
                report.Problems.Add(new ImportProblem("File", $"could not be imported: {e.MessageText}"));
            }
            catch (DbUpdateException e)
            {
                report.Problems.Add(new ImportProblem("File", $"could not be saved: {(e.InnerException ?? e).Message}"));
            }

            // Problems found while saving a batch come after the batch was read: list them in file order.
            var inOrder = report.Problems.OrderBy(p => Position(p.Where)).ToList();
            report.Problems.Clear();
            report.Problems.AddRange(inOrder);
            if (report.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                try
                {
                    await transaction.RollbackAsync(cancellationToken);
                }
                catch (ObjectDisposedException)
                {
                    // The connection was lost, and PostgreSQL rolled the transaction back when it went.
                }
            }
        }

        db.ChangeTracker.Clear();
        progress?.Report(new ImportProgress(report.Read));
        var run = new ImportRun
        {
            Kind = request.Kind,
            FileName = Truncate(ImportProblem.Visible(request.FileName), 260),
            LocalAuthorityCode = Truncate(request.LocalAuthorityCode.Trim().ToUpperInvariant(), 9),
            RunBy = db.ActorName,
            StartedAt = started,
            FinishedAt = DateTimeOffset.UtcNow,
            Succeeded = report.Succeeded,
            Report = report,
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;

    // 7 for "Row 7" or "Feature 7 (E05000026)"; 0 for the file as a whole.
    private static int Position(string where) =>
        where.Split(' ') is [_, var number, ..] && int.TryParse(number, out var position) ? position : 0;
}

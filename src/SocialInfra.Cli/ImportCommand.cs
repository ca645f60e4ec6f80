using Microsoft.EntityFrameworkCore;
using SocialInfra.Auditing;
using SocialInfra.Data;
using SocialInfra.Imports;

namespace SocialInfra.Cli;

/// <summary>The command-line import: the same <see cref="OpenDataImport"/> as the admin pages, for scripts and big files.</summary>
public static class ImportCommand
{
    public const int Imported = 0;
    public const int NothingImported = 1;
    public const int Usage = 2;

    public static string Help =>
        "Usage: socialinfra-import KIND FILE [--la CODE] [--la-name NAME] [--year YEAR] [--licence LICENCE]\n" +
        "  KIND is one of:\n" +
        string.Concat(ImportKinds.All.Select(k => $"    {k.Slug,-16} {k.Title}: {k.Hint}\n")) +
        "  --la       the local authority's ONS code (default E09000002, Barking and Dagenham)\n" +
        "  --la-name  its name, needed with its first ward boundaries\n" +
        "  --year     the boundary year or LSOA vintage, when the file's column names do not say it\n" +
        "  --licence  the licence of a places CSV without a licence column (default OGL-UK-3.0)\n" +
        "  The database is ConnectionStrings__SocialInfra in the environment. Exit code 0: imported; 1: nothing imported; 2: usage.";

    public static async Task<int> RunAsync(string[] args, string? connectionString, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args is [] or ["--help" or "-h", ..])
        {
            await output.WriteLineAsync(Help);
            return args.Length == 0 ? Usage : Imported;
        }
        var positional = new List<string>();
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length || args[i] is not ("--la" or "--la-name" or "--year" or "--licence"))
                {
                    await error.WriteLineAsync($"Unknown option or missing value: {args[i]}\n{Help}");
                    return Usage;
                }
                options[args[i]] = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }
        if (positional is not [var kindText, var path])
        {
            await error.WriteLineAsync($"Give the kind of file and the file.\n{Help}");
            return Usage;
        }
        if (ImportKinds.FromSlug(kindText) is not { } kind)
        {
            await error.WriteLineAsync($"'{kindText}' is not a kind of file: use one of {string.Join(", ", ImportKinds.All.Select(k => k.Slug))}.");
            return Usage;
        }
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"There is no file {path}.");
            return Usage;
        }
        int? year = null;
        if (options.TryGetValue("--year", out var yearText))
        {
            if (!int.TryParse(yearText, out var y))
            {
                await error.WriteLineAsync($"--year must be a year like 2022; got '{yearText}'.");
                return Usage;
            }
            year = y;
        }
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync($"Set the database connection in the environment variable ConnectionStrings__{SocialInfraDatabase.ConnectionStringName}.");
            return Usage;
        }

        var builder = new DbContextOptionsBuilder<SocialInfraDbContext>();
        SocialInfraDatabase.Configure(builder, connectionString);
        await using var db = new SocialInfraDbContext(builder.Options, new SystemActor($"command line ({Environment.UserName})"));
        // As the web app does: scripts/run.sh and Docker set it, so the first import can go into a new database.
        if (string.Equals(Environment.GetEnvironmentVariable("Database__MigrateOnStartup"), "true", StringComparison.OrdinalIgnoreCase))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        var request = new ImportRequest(kind.Kind, options.GetValueOrDefault("--la", "E09000002"), Path.GetFileName(path))
        {
            LocalAuthorityName = options.GetValueOrDefault("--la-name"),
            Year = year,
            DefaultLicence = options.GetValueOrDefault("--licence", "OGL-UK-3.0"),
        };
        await using var file = File.OpenRead(path);
        var progress = new Progress<ImportProgress>(p => error.WriteLine($"Read {p.Read:N0}…"));
        var run = await OpenDataImport.RunAsync(db, request, file, progress, cancellationToken);

        var report = run.Report;
        await output.WriteLineAsync($"{kind.Title} from {request.FileName}: {report.Summary()}");
        foreach (var problem in report.Problems)
        {
            await output.WriteLineAsync($"  {problem.Where}: {problem.Message}");
        }
        foreach (var note in report.Notes)
        {
            await output.WriteLineAsync($"  Note: {note}");
        }
        return report.Succeeded ? Imported : NothingImported;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Geography;

namespace SocialInfra.Imports;

/// <summary>Population and the Index of Multiple Deprivation by LSOA, from ONS and MHCLG CSV files.</summary>
internal static partial class StatisticsImport
{
    [GeneratedRegex("^E01[0-9]{6}$")]
    private static partial Regex LsoaCode();

    private static readonly string[] LsoaCodeColumns =
        ["LSOA Code", "LSOA code", "LSOA21CD", "LSOA11CD", "LSOA 2021 Code", "LSOA 2011 Code", "lsoa_code", "geography code", "code"];

    private static readonly string[] PopulationColumns =
        ["All Ages", "Total", "Population", "Total population", "All persons", "Observation", "population"];

    private static readonly string[] AuthorityColumns =
        ["LAD 2021 Code", "LAD 2023 Code", "LA Code (2021 boundaries)", "LA Code (2018 boundaries)", "LAD21CD", "LAD23CD", "local_authority"];

    private const string FileSevenCode = "LSOA code";
    private const string FileSevenAuthority = "Local Authority District code";
    private const string FileSevenScore = "Index of Multiple Deprivation (IMD) Score";
    private const string FileSevenRank = "Index of Multiple Deprivation (IMD) Rank";
    private const string FileSevenDecile = "Index of Multiple Deprivation (IMD) Decile";
    private const string FileSevenPopulation = "Total population";

    public static async Task PopulationAsync(ImportContext context, Stream file)
    {
        using var csv = new CsvTable(file);
        var codeColumn = csv.Require("LSOA code", LsoaCodeColumns);
        var populationColumn = csv.Require("population", PopulationColumns);
        var authorityColumn = csv.Find(AuthorityColumns);
        await ApplyAsync(context, csv, codeColumn, authorityColumn, (lsoa, where, row) =>
        {
            var text = row[populationColumn]?.Replace(",", "");
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var population))
            {
                context.Report.Problem(where, $"population '{row[populationColumn]}' (column \"{csv.Headers[populationColumn]}\") is not a whole number of people.");
                return null;
            }
            var changed = lsoa.Population != population;
            lsoa.Population = population;
            return changed;
        });
        if (context.Report.Succeeded)
        {
            context.Report.Note($"Population from the column \"{csv.Headers[populationColumn]}\".");
        }
    }

    public static async Task DeprivationAsync(ImportContext context, Stream file)
    {
        using var csv = new CsvTable(file);
        int Column(string prefix) => csv.FindStartingWith(prefix) is var i and >= 0 ? i : throw csv.Missing(prefix, $"a column starting \"{prefix}\" (the IoD \"File 7\" layout)");
        var codeColumn = Column(FileSevenCode);
        var authorityColumn = Column(FileSevenAuthority);
        var scoreColumn = Column(FileSevenScore);
        var rankColumn = Column(FileSevenRank);
        var decileColumn = Column(FileSevenDecile);
        var populationColumn = csv.FindStartingWith(FileSevenPopulation);
        var vintages = new HashSet<int>();
        await ApplyAsync(context, csv, codeColumn, authorityColumn, (lsoa, where, row) =>
        {
            vintages.Add(lsoa.Vintage);
            var ok = Numbers.TryParseFinite(row[scoreColumn], out var score);
            if (!ok || score < 0)
            {
                context.Report.Problem(where, $"IMD score '{row[scoreColumn]}' is not a number of 0 or more.");
            }
            var rankOk = int.TryParse(row[rankColumn]?.Replace(",", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var rank) && rank >= 1;
            if (!rankOk)
            {
                context.Report.Problem(where, $"IMD rank '{row[rankColumn]}' is not a whole number from 1.");
            }
            var decileOk = int.TryParse(row[decileColumn], NumberStyles.None, CultureInfo.InvariantCulture, out var decile) && decile is >= 1 and <= 10;
            if (!decileOk)
            {
                context.Report.Problem(where, $"IMD decile '{row[decileColumn]}' is not a whole number from 1 to 10.");
            }
            if (!ok || score < 0 || !rankOk || !decileOk)
            {
                return null;
            }
            var changed = lsoa.ImdScore != score || lsoa.ImdRank != rank || lsoa.ImdDecile != decile;
            (lsoa.ImdScore, lsoa.ImdRank, lsoa.ImdDecile) = (score, rank, decile);
            // The file's own population denominators weight the ward scores where no population was loaded.
            if (lsoa.Population is null && int.TryParse(row.ElementAtOrDefault(populationColumn)?.Replace(",", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var people))
            {
                lsoa.Population = people;
                changed = true;
            }
            return changed;
        });
        if (context.Report.Succeeded)
        {
            var authority = await context.AuthorityAsync(mayCreate: false);
            var wards = 0;
            foreach (var vintage in vintages)
            {
                wards += await context.Db.WeightWardImdScoresAsync(authority.Code, vintage, context.CancellationToken);
            }
            context.Report.Note($"The IMD score of {wards} wards is now the population-weighted mean of their LSOAs' scores.");
        }
    }

    // Reads rows in batches, finds each row's LSOA and lets apply set its figures (null when the row is at fault).
    private static async Task ApplyAsync(ImportContext context, CsvTable csv, int codeColumn, int authorityColumn, Func<Lsoa, string, string?[], bool?> apply)
    {
        var authority = await context.AuthorityAsync(mayCreate: false);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var otherAreas = 0;
        var rows = new List<(string Where, string Code, string? Authority)>();
        var buffered = new List<string?[]>();

        async Task FlushAsync()
        {
            var codes = rows.Select(r => r.Code).ToList();
            var lsoas = await context.Db.Lsoas.Where(l => l.LocalAuthorityCode == authority.Code && codes.Contains(l.Code)).ToListAsync(context.CancellationToken);
            for (var i = 0; i < rows.Count; i++)
            {
                var (where, code, rowAuthority) = rows[i];
                var matching = lsoas.Where(l => l.Code == code).ToList();
                if (matching.Count == 0)
                {
                    if (string.Equals(rowAuthority, authority.Code, StringComparison.OrdinalIgnoreCase))
                    {
                        context.Report.Problem(where, $"LSOA {code} is in {authority.Name} ({authority.Code}) but is not loaded: import the LSOA boundaries of its vintage first.");
                    }
                    else
                    {
                        otherAreas++;
                        context.Report.Skipped++;
                    }
                    continue;
                }
                foreach (var lsoa in matching)
                {
                    switch (apply(lsoa, where, buffered[i]))
                    {
                        case true: context.Report.Updated++; break;
                        case false: context.Report.Unchanged++; break;
                    }
                }
            }
            rows.Clear();
            buffered.Clear();
            if (context.Report.Succeeded)
            {
                await context.SaveBatchAsync();
            }
            else
            {
                context.Db.ChangeTracker.Clear();
            }
        }

        while (csv.Read())
        {
            context.CountRead();
            var code = csv.Get(codeColumn);
            if (code is null || !LsoaCode().IsMatch(code.ToUpperInvariant()))
            {
                context.Report.Problem(csv.Where, $"'{code}' (column \"{csv.Headers[codeColumn]}\") is not an LSOA code (E01 and six digits).");
                continue;
            }
            code = code.ToUpperInvariant();
            if (!seen.Add(code))
            {
                context.Report.Problem(csv.Where, $"LSOA {code} appears on an earlier row too.");
                continue;
            }
            var rowAuthority = csv.Get(authorityColumn);
            if (rowAuthority is not null && !string.Equals(rowAuthority, authority.Code, StringComparison.OrdinalIgnoreCase))
            {
                otherAreas++;
                context.Report.Skipped++;
                continue;
            }
            rows.Add((csv.Where, code, rowAuthority));
            buffered.Add(csv.Row());
            if (rows.Count == ImportContext.BatchSize)
            {
                await FlushAsync();
            }
        }
        await FlushAsync();

        var loaded = await context.Db.Lsoas.CountAsync(l => l.LocalAuthorityCode == authority.Code, context.CancellationToken);
        var matched = context.Report.Updated + context.Report.Unchanged;
        if (context.Report.Succeeded && matched == 0)
        {
            context.Report.Problem("File", $"has none of {authority.Name}'s {loaded} loaded LSOAs: is it the right file, and are LSOA boundaries of the same vintage (2011 or 2021 codes) loaded?");
            return;
        }
        context.Report.Note($"{otherAreas} rows for other areas were left out.");
        var missing = await context.Db.Lsoas.Where(l => l.LocalAuthorityCode == authority.Code).Select(l => l.Code).ToListAsync(context.CancellationToken);
        var notInFile = missing.Where(c => !seen.Contains(c)).Distinct().Order().ToList();
        if (notInFile.Count > 0)
        {
            context.Report.Note($"{notInFile.Count} of the borough's LSOAs are not in the file (e.g. {string.Join(", ", notInFile.Take(5))}); their figures were left as they were.");
        }
    }
}

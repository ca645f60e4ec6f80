using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Geography;
using SocialInfra.Imports;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Imports;

public class StatisticsImportTests
{
    private const string FileSevenHeader =
        "LSOA code (2011),LSOA name (2011),Local Authority District code (2019),Local Authority District name (2019)," +
        "Index of Multiple Deprivation (IMD) Score,Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)," +
        "Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs),Income Score (rate)," +
        "Total population: mid 2015 (excluding prisoners)";

    [Fact]
    public async Task Population_by_lsoa_adds_up_to_each_wards_population()
    {
        await using var database = await ScratchDatabase.DemoAsync();
        List<string> codes;
        await using (var db = database.CreateContext())
        {
            codes = await db.Lsoas.OrderBy(l => l.Code).Select(l => l.Code).ToListAsync();
        }
        // Every one of the 110 LSOAs has 1,500 people, and one row is for another borough.
        var csv = new StringBuilder("LSOA Code,LSOA Name,All Ages\n");
        foreach (var code in codes)
        {
            csv.Append(code).Append(",Barking and Dagenham,\"1,500\"\n");
        }
        csv.Append("E01000001,City of London 001A,1459\n");

        var report = await database.ImportAsync(ImportKind.Population, csv.ToString());

        report.Problems.Should().BeEmpty();
        report.Should().BeEquivalentTo(new { Read = 111, Updated = 110, Skipped = 1 });
        await using (var db = database.CreateContext())
        {
            var wards = await db.CurrentWards().Summaries().ToListAsync();
            wards.Sum(w => w.Population).Should().Be(110 * 1500);
            wards.Should().OnlyContain(w => w.Population == w.LsoaCount * 1500);
        }
        var again = await database.ImportAsync(ImportKind.Population, csv.ToString());
        (again.Updated, again.Unchanged).Should().Be((0, 110));
    }

    [Fact]
    public async Task Deprivation_reads_the_iod_file_7_layout_and_leaves_out_other_boroughs()
    {
        await using var database = await ScratchDatabase.DemoAsync();
        var report = await database.ImportAsync(ImportKind.Deprivation, $"""
            {FileSevenHeader}
            E01000001,City of London 001A,E09000001,City of London,6.208,29199,9,0.007,1296
            E01000006,Barking and Dagenham 016A,E09000002,Barking and Dagenham,32.5,5000,2,0.2,1800
            """);

        report.Problems.Should().BeEmpty();
        (report.Updated, report.Skipped).Should().Be((1, 1));
        await using var db = database.CreateContext();
        var lsoa = await db.Lsoas.SingleAsync(l => l.Code == "E01000006");
        (lsoa.ImdScore, lsoa.ImdRank, lsoa.ImdDecile).Should().Be((32.5, 5000, 2));
    }

    [Fact]
    public async Task Ward_imd_scores_become_the_population_weighted_mean_of_their_lsoas()
    {
        await using var database = await ScratchDatabase.DemoAsync();
        List<string> codes;
        int abbeyLsoas;
        await using (var db = database.CreateContext())
        {
            codes = await db.Lsoas.OrderBy(l => l.Code).Select(l => l.Code).ToListAsync();
            abbeyLsoas = await db.Lsoas.CountAsync(l => l.Ward!.Name == "Abbey");
        }
        // Every LSOA scores 10 with 1,000 people, except E01000006 in Abbey: 40 with 2,000 people.
        var csv = new StringBuilder(FileSevenHeader).Append('\n');
        foreach (var code in codes)
        {
            var (score, people) = code == "E01000006" ? ("40", "2000") : ("10", "1000");
            csv.Append(CultureInfo.InvariantCulture, $"{code},B&D,E09000002,Barking and Dagenham,{score},100,1,0.1,{people}\n");
        }

        var report = await database.ImportAsync(ImportKind.Deprivation, csv.ToString());

        report.Problems.Should().BeEmpty();
        report.Notes.Should().Contain("The IMD score of 17 wards is now the population-weighted mean of their LSOAs' scores.");
        await using (var db = database.CreateContext())
        {
            var abbey = await db.Wards.SingleAsync(w => w.Name == "Abbey");
            var expected = (10.0 * 1000 * (abbeyLsoas - 1) + 40.0 * 2000) / (1000 * (abbeyLsoas - 1) + 2000);
            abbey.ImdScore.Should().BeApproximately(expected, 1e-9);
            (await db.Wards.Where(w => w.Name != "Abbey").Select(w => w.ImdScore).Distinct().ToListAsync()).Should().Equal(10.0);
        }
    }

    [Theory]
    [InlineData(ImportKind.Population, "LSOA Code,People\nE01000006,12\n", "File",
        "has no population column: expected \"All Ages\", \"Total\", \"Population\", \"Total population\", \"All persons\", \"Observation\", \"population\". Its columns are \"LSOA Code\", \"People\".")]
    [InlineData(ImportKind.Population, "LSOA Code,All Ages\nE01000006,lots\n", "Row 2",
        "population 'lots' (column \"All Ages\") is not a whole number of people.")]
    [InlineData(ImportKind.Population, "LSOA Code,All Ages\nE01000006,12\nE0100000X,12\n", "Row 3",
        "'E0100000X' (column \"LSOA Code\") is not an LSOA code (E01 and six digits).")]
    [InlineData(ImportKind.Population, "LSOA Code,All Ages\nE01000006,12\nE01000006,13\n", "Row 3", "LSOA E01000006 appears on an earlier row too.")]
    [InlineData(ImportKind.Population, "LSOA Code,All Ages\nE01000001,12\n", "File",
        "has none of Barking and Dagenham's 110 loaded LSOAs: is it the right file, and are LSOA boundaries of the same vintage (2011 or 2021 codes) loaded?")]
    [InlineData(ImportKind.Deprivation, FileSevenHeader + "\nE01033999,Barking and Dagenham 099Z,E09000002,Barking and Dagenham,30,6000,2,0.2,1500\n", "Row 2",
        "LSOA E01033999 is in Barking and Dagenham (E09000002) but is not loaded: import the LSOA boundaries of its vintage first.")]
    [InlineData(ImportKind.Deprivation, FileSevenHeader + "\nE01000006,Barking and Dagenham 016A,E09000002,Barking and Dagenham,30,6000,11,0.2,1500\n", "Row 2",
        "IMD decile '11' is not a whole number from 1 to 10.")]
    [InlineData(ImportKind.Deprivation, FileSevenHeader + "\nE01000006,Barking and Dagenham 016A,E09000002,Barking and Dagenham,NaN,6000,2,0.2,1500\n", "Row 2",
        "IMD score 'NaN' is not a number of 0 or more.")]
    [InlineData(ImportKind.Postcodes, "pcd,pcds,doterm,oslaua,lat,long\nRM8 3HT,RM8 3HT,,E09000002,NaN,0.1337\n", "Row 2",
        "RM8 3HT: latitude 'NaN' and longitude '0.1337' must both be numbers, latitude up to 90 and longitude from -180 to 180.")]
    [InlineData(ImportKind.Deprivation, "LSOA code (2011),Score\nE01000006,30\n", "File",
        "has no Local Authority District code column: expected a column starting \"Local Authority District code\" (the IoD \"File 7\" layout). Its columns are \"LSOA code (2011)\", \"Score\".")]
    public async Task A_bad_statistics_file_changes_nothing_and_names_the_row_or_column(ImportKind kind, string csv, string where, string message)
    {
        await using var database = await ScratchDatabase.DemoAsync();

        var report = await database.ImportAsync(kind, csv);

        report.Problems.Should().Equal(new ImportProblem(where, message));
        await using var db = database.CreateContext();
        (await db.Lsoas.CountAsync(l => l.Population != null || l.ImdScore != null)).Should().Be(0);
    }

    [Fact]
    public async Task Postcodes_of_the_borough_are_loaded_and_then_place_a_place_by_postcode()
    {
        await using var database = await ScratchDatabase.DemoAsync();
        var postcodes = await database.ImportAsync(ImportKind.Postcodes, """
            pcd,pcds,doterm,oslaua,lat,long
            RM109QH,RM10 9QH,,E09000002,51.545,0.165
            E1  6AN,E1 6AN,,E09000030,51.52,-0.07
            RM9 4AA,RM9 4AA,201501,E09000002,51.53,0.12
            RM9 9ZZ,RM9 9ZZ,,E09000002,99.999999,0.000000
            """);
        var places = await database.ImportAsync(ImportKind.PlacesCsv, """
            name,category,postcode
            Heathway Hub,community-centre,rm10 9qh
            """);

        postcodes.Problems.Should().BeEmpty();
        postcodes.Should().BeEquivalentTo(new { Read = 4, Created = 1, Skipped = 3 });
        places.Problems.Should().BeEmpty();
        await using var db = database.CreateContext();
        var hub = await db.Places.SingleAsync(p => p.Name == "Heathway Hub");
        (hub.Location!.X, hub.Location.Y, hub.Postcode).Should().Be((0.165, 51.545, "RM10 9QH"));
        (await db.Postcodes.CountAsync()).Should().Be(1);
    }
}

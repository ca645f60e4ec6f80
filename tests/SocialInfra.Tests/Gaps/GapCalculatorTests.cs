using FluentAssertions;
using SocialInfra.Gaps;
using SocialInfra.Geography;
using SocialInfra.Places;
using SocialInfra.Tests.Infrastructure;
using Xunit;

namespace SocialInfra.Tests.Gaps;

/// <summary>Every expected figure here is worked out by hand from the map in <see cref="GapBorough"/>.</summary>
public class GapCalculatorTests : IAsyncLifetime
{
    private const string CommunityCentre = "community-centre";
    private ScratchDatabase _database = null!;

    public async Task InitializeAsync() => _database = await ScratchDatabase.EmptyAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<Guid> SeedAsync(bool populations = true, bool deprivation = true)
    {
        await using var db = _database.CreateContext();
        return await GapBorough.SeedAsync(db, populations, deprivation);
    }

    private async Task<GapAnalysis> AnalyseAsync(GapQuestion question)
    {
        await using var db = _database.CreateContext();
        return (await db.AnalyseAsync(question))!;
    }

    private static GapQuestion Question(string? category = CommunityCentre) => new(GapBorough.Code) { Category = category };

    [Fact]
    public async Task Coverage_counts_only_residents_within_the_catchment_of_an_open_place()
    {
        await SeedAsync();

        var analysis = await AnalyseAsync(Question());

        // West: A (1,000) is 445 m from Westside Centre, B (3,000) 2,225 m: 1,000 / 4,000. Need 25 / 25 = 1.
        // East: C (2,000) is 693 m from Westside Centre across the ward line; D (2,000) only near the dormant hall.
        analysis.Wards.Select(w => new { w.Code, w.Population, w.Lsoas, w.Places, w.PerThousand, w.Coverage, w.Need, w.GapScore, w.Rank })
            .Should().Equal(
                new { Code = GapBorough.West, Population = (int?)4000, Lsoas = 2, Places = 1, PerThousand = (double?)0.25, Coverage = (double?)0.25, Need = (double?)1.0, GapScore = (double?)0.75, Rank = (int?)1 },
                new { Code = GapBorough.East, Population = (int?)4000, Lsoas = 2, Places = 0, PerThousand = (double?)0.0, Coverage = (double?)0.5, Need = (double?)0.8, GapScore = (double?)0.4, Rank = (int?)2 });
        analysis.Basis.Should().Be(new GapBasis(PopulationKnown: true, LsoaVintage: 2021, NeedKnown: true, HighestImdScore: 25, HighestImdWard: "West"));
        analysis.Catchments.Should().ContainSingle().Which.Should().Be(new Catchment(CommunityCentre, "Community centre", 800, 1, IsDefault: true));
    }

    [Fact]
    public async Task Each_LSOA_says_whether_it_is_within_reach()
    {
        await SeedAsync();

        var analysis = await AnalyseAsync(Question(CategoryTaxonomy.Library));

        analysis.Lsoas.Select(l => (l.Code, l.WardCode, l.Reached)).Should().Equal(
            ("E01999901", GapBorough.West, false), ("E01999902", GapBorough.West, true),
            ("E01999903", GapBorough.East, false), ("E01999904", GapBorough.East, true));
        // West 3,000 / 4,000 within 1,600 m of East Library, East 2,000 / 4,000.
        analysis.Wards.Select(w => (w.Code, w.Coverage, w.GapScore)).Should().Equal(
            (GapBorough.East, 0.5, 0.4), (GapBorough.West, 0.75, 0.25));
    }

    [Fact]
    public async Task Dormant_and_closed_places_do_not_count_until_reopened_in_a_what_if()
    {
        var hall = await SeedAsync();

        var analysis = await AnalyseAsync(Question() with { Reopened = [hall] });

        // Reopening Old East Hall reaches B (702 m) and D (111 m): everyone is within reach, so both gaps close.
        analysis.Wards.Select(w => (w.Code, w.Places, w.Coverage, w.GapScore, w.Rank)).Should().Equal(
            (GapBorough.East, 1, 1.0, 0.0, 1), (GapBorough.West, 1, 1.0, 0.0, 1));
        analysis.Ward(GapBorough.West)!.Before!.GapScore.Should().Be(0.75);
        analysis.Ward(GapBorough.East)!.Before!.GapScore.Should().Be(0.4);
    }

    [Fact]
    public async Task A_hypothetical_place_changes_the_scores_without_being_saved()
    {
        await SeedAsync();

        // 693 m west of B: reaches B, but D is 1,386 m away.
        var added = new HypotheticalPlace(CommunityCentre, SpatialQueries.PointAt(-0.015, 51.520));
        var analysis = await AnalyseAsync(Question() with { Added = [added] });

        analysis.Wards.Select(w => (w.Code, w.Places, w.Coverage, w.GapScore, w.Rank, w.Before!.Rank)).Should().Equal(
            (GapBorough.East, 0, 0.5, 0.4, 1, 2), (GapBorough.West, 2, 1.0, 0.0, 2, 1));
        await using var db = _database.CreateContext();
        db.Places.Count(p => p.CategorySlug == CommunityCentre).Should().Be(2);
    }

    [Fact]
    public async Task The_composite_weighs_each_recorded_category_and_names_those_left_out()
    {
        await SeedAsync();

        var analysis = await AnalyseAsync(Question(null));

        // West (0.25 + 0.75) / 2 = 0.5, gap 1 × 0.5; East (0.5 + 0.5) / 2 = 0.5, gap 0.8 × 0.5.
        analysis.Wards.Select(w => (w.Code, w.Places, w.Coverage, w.GapScore, w.Rank)).Should().Equal(
            (GapBorough.West, 1, 0.5, 0.5, 1), (GapBorough.East, 1, 0.5, 0.4, 2));
        analysis.Catchments.Select(c => c.CategorySlug).Should().BeEquivalentTo(CommunityCentre, CategoryTaxonomy.Library);
        analysis.LeftOut.Should().HaveCount(12).And.Contain(c => c.CategorySlug == "park");
        analysis.Ward(GapBorough.West)!.Categories.Select(c => (c.CategorySlug, c.Coverage, c.GapScore)).Should().Equal(
            (CommunityCentre, 0.25, 0.75), (CategoryTaxonomy.Library, 0.75, 0.25));
    }

    [Fact]
    public async Task Adding_a_place_of_a_category_not_yet_recorded_never_widens_a_gap_in_the_composite()
    {
        await SeedAsync();

        // A market at A: the composite now counts markets, and so must "now", or the change would compare different things.
        var market = new HypotheticalPlace("market", SpatialQueries.PointAt(-0.005, 51.504));
        var analysis = await AnalyseAsync(Question(null) with { Added = [market] });

        analysis.Catchments.Select(c => c.CategorySlug).Should().Contain("market");
        analysis.Wards.Should().OnlyContain(w => w.GapScore <= w.Before!.GapScore);
        // West: the market is at A (0 m) and 1,779 m from B, outside 1,600 m: market coverage 0 now, 0.25 with it. Need 1.
        analysis.Ward(GapBorough.West)!.Before!.GapScore.Should().BeApproximately(1 - (0.25 + 0.75 + 0) / 3, 1e-9);
        analysis.Ward(GapBorough.West)!.GapScore.Should().BeApproximately(1 - (0.25 + 0.75 + 0.25) / 3, 1e-9);
    }

    [Fact]
    public async Task Borough_weights_and_catchments_change_the_composite()
    {
        await SeedAsync();
        await using (var db = _database.CreateContext())
        {
            db.CatchmentSettings.Add(new CatchmentSetting { LocalAuthorityCode = GapBorough.Code, CategorySlug = CategoryTaxonomy.Library, CatchmentMetres = 1600, Weight = 3 });
            await db.SaveChangesAsync();
        }

        var analysis = await AnalyseAsync(Question(null));

        // West (0.25 + 3 × 0.75) / 4 = 0.625, gap 0.375; East still 0.5, gap 0.4: East now ranks first.
        analysis.Wards.Select(w => (w.Code, w.Coverage, w.GapScore, w.Rank)).Should().Equal(
            (GapBorough.East, 0.5, 0.4, 1), (GapBorough.West, 0.625, 0.375, 2));
    }

    [Fact]
    public async Task A_shorter_catchment_leaves_more_residents_out_of_reach()
    {
        await SeedAsync();
        await using (var db = _database.CreateContext())
        {
            db.CatchmentSettings.Add(new CatchmentSetting { LocalAuthorityCode = GapBorough.Code, CategorySlug = CommunityCentre, CatchmentMetres = 600, Weight = 1 });
            await db.SaveChangesAsync();
        }

        var analysis = await AnalyseAsync(Question());

        // C is 693 m from Westside Centre: outside 600 m. A (445 m) still in.
        analysis.Ward(GapBorough.East)!.Coverage.Should().Be(0);
        analysis.Ward(GapBorough.West)!.Coverage.Should().Be(0.25);
        analysis.Catchments.Single().Should().Be(new Catchment(CommunityCentre, "Community centre", 600, 1, IsDefault: false));
    }

    [Fact]
    public async Task Capacity_aware_accessibility_shares_each_place_among_the_residents_it_reaches()
    {
        await SeedAsync();

        var centres = await AnalyseAsync(Question() with { Accessibility = true });
        var libraries = await AnalyseAsync(Question(CategoryTaxonomy.Library) with { Accessibility = true });

        // Westside Centre's 50 places are shared by A and C (3,000 residents): 1/60 each. West: 1,000 × 1/60 / 4,000 × 1,000.
        centres.Ward(GapBorough.West)!.Accessibility.Should().BeApproximately(25.0 / 6, 1e-9);
        centres.Ward(GapBorough.East)!.Accessibility.Should().BeApproximately(25.0 / 3, 1e-9);
        // East Library's 100 shared by B and D (5,000): 0.02 each. West: 3,000 × 0.02 / 4,000 × 1,000 = 15.
        libraries.Ward(GapBorough.West)!.Accessibility.Should().BeApproximately(15, 1e-9);
        libraries.Ward(GapBorough.East)!.Accessibility.Should().BeApproximately(10, 1e-9);
    }

    [Fact]
    public async Task Digital_spaces_are_counted_separately_for_the_wards_they_serve()
    {
        await SeedAsync();

        var composite = await AnalyseAsync(Question(null));
        var centres = await AnalyseAsync(Question());

        composite.Wards.Select(w => (w.Code, w.DigitalSpaces)).Should().BeEquivalentTo(new[] { (GapBorough.West, 0), (GapBorough.East, 1) });
        centres.Wards.Should().OnlyContain(w => w.DigitalSpaces == 0);
        composite.Catchments.Should().NotContain(c => c.CategorySlug == CategoryTaxonomy.DigitalSpace);
    }

    [Fact]
    public async Task Without_populations_each_LSOA_counts_as_an_equal_share()
    {
        await SeedAsync(populations: false);

        var analysis = await AnalyseAsync(Question());

        analysis.Basis.PopulationKnown.Should().BeFalse();
        analysis.Wards.Select(w => (w.Code, w.Population, w.PerThousand, w.Coverage, w.GapScore)).Should().Equal(
            (GapBorough.West, null, null, 0.5, 0.5), (GapBorough.East, null, null, 0.5, 0.4));
    }

    [Fact]
    public async Task Without_deprivation_scores_every_ward_has_the_same_need()
    {
        await SeedAsync(deprivation: false);

        var analysis = await AnalyseAsync(Question());

        analysis.Basis.NeedKnown.Should().BeFalse();
        analysis.Wards.Select(w => (w.Code, w.Need, w.GapScore)).Should().Equal((GapBorough.West, 1.0, 0.75), (GapBorough.East, 1.0, 0.5));
    }

    [Fact]
    public async Task The_ward_report_names_the_nearest_open_place_to_each_LSOA()
    {
        await SeedAsync();
        await using var db = _database.CreateContext();

        var nearest = await db.NearestPlacesAsync(GapBorough.West, CommunityCentre);

        // The dormant hall is 702 m from B but does not count; Westside Centre is 2,225 m away.
        nearest.Values.Select(n => (n.LsoaCode, n.PlaceName, Math.Round(n.Metres / 10) * 10)).Should().BeEquivalentTo(new[]
        {
            ("E01999901", "Westside Centre", 450.0), ("E01999902", "Westside Centre", 2230.0),
        });
    }

    [Fact]
    public async Task An_unknown_borough_has_no_analysis()
    {
        await SeedAsync();
        await using var db = _database.CreateContext();

        (await db.AnalyseAsync(new GapQuestion("E09000001"))).Should().BeNull();
    }
}

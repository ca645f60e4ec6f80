using FluentAssertions;
using SocialInfra.Gaps;
using SocialInfra.Places;
using SocialInfra.Tests.Infrastructure;
using Xunit;

namespace SocialInfra.Tests.Gaps;

/// <summary>
/// Barking and Dagenham's real libraries (6 of 12 still open), 2011 LSOAs and ward IMD 2019 scores. No LSOA population is
/// published in the demo data, so each LSOA counts as an equal share.
/// </summary>
public class DemoBoroughGapTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private async Task<GapAnalysis> AnalyseAsync(string? category)
    {
        await using var db = database.CreateContext();
        return (await db.AnalyseAsync(new GapQuestion("E09000002") { Category = category }))!;
    }

    [Fact]
    public async Task Libraries_leave_a_gap_where_the_most_deprived_ward_is_out_of_reach()
    {
        var analysis = await AnalyseAsync(CategoryTaxonomy.Library);

        analysis.Basis.Should().BeEquivalentTo(new { PopulationKnown = false, LsoaVintage = 2011, NeedKnown = true, HighestImdWard = "Mayesbrook" });
        analysis.Wards.Should().HaveCount(17);
        analysis.Wards.Sum(w => w.Lsoas).Should().Be(110);
        analysis.Wards.Sum(w => w.Places).Should().Be(6, "six of the twelve libraries are still open");
        // Mayesbrook, the most deprived ward (need 1), has 2 of its 6 LSOAs within 1.6 km of an open library.
        var first = analysis.Wards[0];
        (first.Name, first.Rank, first.Lsoas, first.Need).Should().Be(("Mayesbrook", 1, 6, 1.0));
        first.Coverage.Should().BeApproximately(2.0 / 6, 1e-9);
        first.GapScore.Should().BeApproximately(4.0 / 6, 1e-9);
        analysis.Wards[1].Name.Should().Be("Eastbrook");
        analysis.Wards[1].Coverage.Should().BeApproximately(1.0 / 7, 1e-9);
        analysis.Wards.Count(w => w.Coverage == 1).Should().Be(9);
        analysis.Wards.Where(w => w.Coverage == 1).Should().OnlyContain(w => w.Rank == 9 && w.GapScore == 0);
        analysis.Wards.Should().OnlyContain(w => w.Population == null && w.PerThousand == null);
    }

    [Fact]
    public async Task With_only_libraries_recorded_the_composite_is_the_library_score()
    {
        var composite = await AnalyseAsync(null);
        var libraries = await AnalyseAsync(CategoryTaxonomy.Library);

        composite.Catchments.Select(c => c.CategorySlug).Should().Equal(CategoryTaxonomy.Library);
        composite.Wards.Select(w => (w.Code, w.GapScore, w.Rank)).Should().Equal(libraries.Wards.Select(w => (w.Code, w.GapScore, w.Rank)));
    }
}

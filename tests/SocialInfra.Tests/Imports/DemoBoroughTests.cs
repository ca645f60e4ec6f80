using Microsoft.EntityFrameworkCore;
using SocialInfra.Imports;
using SocialInfra.Places;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Imports;

public class DemoBoroughTests(EmptyDatabase database) : IClassFixture<EmptyDatabase>
{
    [Fact]
    public async Task Loading_twice_gives_the_same_borough_without_duplicates_or_new_audit_rows()
    {
        await using (var db = database.CreateContext("loader"))
        {
            await DemoBorough.LoadAsync(db);
        }
        var first = await Counts();

        await using (var db = database.CreateContext("loader"))
        {
            await DemoBorough.LoadAsync(db);
        }

        (await Counts()).Should().Be(first);
        first.Should().Be(new BoroughCounts(Authorities: 1, Wards: 17, Lsoas: 110, Places: 12, ActivityPeriods: 18, Organisations: 1, AuditRows: 1 + 12 + 18));
    }

    private async Task<BoroughCounts> Counts()
    {
        await using var db = database.CreateContext();
        return new BoroughCounts(
            await db.LocalAuthorities.CountAsync(), await db.Wards.CountAsync(), await db.Lsoas.CountAsync(),
            await db.Places.CountAsync(), await db.ActivityPeriods.CountAsync(), await db.Organisations.CountAsync(),
            await db.AuditEntries.CountAsync());
    }

    private sealed record BoroughCounts(int Authorities, int Wards, int Lsoas, int Places, int ActivityPeriods, int Organisations, int AuditRows);
}

public class DemoBoroughContentTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Every_lsoa_is_assigned_to_the_ward_containing_its_point_on_surface()
    {
        await using var db = database.CreateContext();
        (await db.Lsoas.CountAsync(l => l.WardId == null || l.ReferencePoint == null)).Should().Be(0);
        // Barking and Dagenham 016A lies in Barking town centre, in Abbey ward.
        (await db.Lsoas.Where(l => l.Code == "E01000006").Select(l => l.Ward!.Name).SingleAsync()).Should().Be("Abbey");
    }

    [Fact]
    public async Task Wards_carry_their_published_imd_2019_score()
    {
        await using var db = database.CreateContext();
        var abbey = await db.Wards.SingleAsync(w => w.Code == "E05000026");
        abbey.Name.Should().Be("Abbey");
        abbey.BoundaryYear.Should().Be(2013);
        abbey.ImdScore.Should().BeApproximately(31.345, 0.001);
        (await db.Wards.CountAsync(w => w.ImdScore == null)).Should().Be(0);
    }

    [Fact]
    public async Task Closed_libraries_keep_their_history()
    {
        await using var db = database.CreateContext();
        var castleGreen = await db.Places.Include(p => p.ActivityPeriods).SingleAsync(p => p.Name == "Castle Green Library");
        castleGreen.Activity.Should().Be(Activity.Closed);
        castleGreen.Postcode.Should().Be("RM9 4UN");
        castleGreen.ActivityPeriods.OrderBy(p => p.StartsOn ?? DateOnly.MinValue).Select(p => (p.Activity, p.StartsOn, p.EndsOn))
            .Should().Equal((Activity.Active, (DateOnly?)null, new DateOnly(2013, 1, 1)), (Activity.Closed, new DateOnly(2013, 1, 1), (DateOnly?)null));
        (await db.Places.CountAsync(p => p.Activity == Activity.Closed)).Should().Be(6);
        (await db.Places.CountAsync(p => p.Activity == Activity.Active)).Should().Be(6);
    }

    [Fact]
    public async Task The_borough_boundary_is_the_union_of_its_wards()
    {
        await using var db = database.CreateContext();
        var borough = await db.LocalAuthorities.SingleAsync();
        var wardArea = (await db.Wards.Select(w => w.Boundary).ToListAsync()).Sum(b => b.Area);
        borough.Boundary!.Area.Should().BeApproximately(wardArea, wardArea * 0.001);
    }
}

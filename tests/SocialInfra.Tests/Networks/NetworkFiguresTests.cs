using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Networks;
using SocialInfra.Places;
using SocialInfra.Services;
using SocialInfra.Tests.Gaps;
using SocialInfra.Tests.Infrastructure;
using Xunit;

namespace SocialInfra.Tests.Networks;

/// <summary>Every expected figure here is worked out by hand from <see cref="HandBuiltNetwork"/>.</summary>
public class NetworkFiguresTests : IAsyncLifetime
{
    private ScratchDatabase _database = null!;
    private HandBuiltNetwork _network = null!;

    public async Task InitializeAsync()
    {
        _database = await ScratchDatabase.EmptyAsync();
        await using var db = _database.CreateContext();
        await GapBorough.SeedAsync(db);
        _network = await HandBuiltNetwork.SeedAsync(db);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<NetworkFigures> FiguresAsync()
    {
        await using var db = _database.CreateContext();
        return (await NetworkFigures.ForNetworkAsync(db, _network.NetworkId))!;
    }

    [Fact]
    public async Task Members_are_counted_by_sector_and_kind()
    {
        var figures = await FiguresAsync();

        // Council and the library are public; the Shop private; the Trust, the community hall and the Trust's food bank VCFSE.
        figures.MembersBySector.Should().Equal(new Dictionary<Sector, int> { [Sector.Public] = 2, [Sector.Private] = 1, [Sector.Vcfse] = 3 });
        figures.MembersByKind.Should().Equal(new Dictionary<MemberKind, int> { [MemberKind.Organisation] = 3, [MemberKind.Place] = 2, [MemberKind.Service] = 1 });
    }

    [Fact]
    public async Task Two_members_linked_in_two_ways_are_one_connection()
    {
        var figures = await FiguresAsync();

        figures.Relationships.Should().HaveCount(5);
        figures.RelationshipsByKind[RelationshipKind.Funding].Should().Be(1);
        figures.RelationshipsByKind[RelationshipKind.Commissioning].Should().Be(1);
        // Council–Trust, Trust–Shop, Trust–Hall, Hall–Food Bank: 4 of the 15 possible pairs among 6 members.
        figures.Connections.Should().Be(4);
        Math.Round(figures.Density!.Value, 4).Should().Be(0.2667);
    }

    [Fact]
    public async Task Degree_and_betweenness_follow_the_shortest_paths()
    {
        var figures = await FiguresAsync();

        // The Trust is on the only path of Council–Shop, Council–Hall, Council–Food Bank, Shop–Hall and Shop–Food Bank (5);
        // the hall on Council–Food Bank, Trust–Food Bank and Shop–Food Bank (3).
        figures.Members.Select(m => (m.Name, m.Degree, m.Betweenness)).Should().BeEquivalentTo(new[]
        {
            ("Community Hall", 2, 3.0), ("Council", 1, 0.0), ("Food Bank", 1, 0.0), ("Library", 0, 0.0), ("Shop", 1, 0.0), ("Trust", 3, 5.0),
        }, o => o.WithStrictOrdering());
        figures.MostConnected.Select(m => m.Name).Should().Equal("Trust", "Community Hall", "Council", "Food Bank", "Shop");
        figures.Isolated.Select(m => m.Name).Should().Equal("Library");
    }

    [Fact]
    public async Task Betweenness_shares_a_pair_between_two_equally_short_paths()
    {
        // A square: A–B, B–C, C–D, D–A. A and C have two shortest paths, one through B and one through D.
        var graph = new NetworkGraph<string>(["A", "B", "C", "D"], [("A", "B"), ("B", "C"), ("C", "D"), ("D", "A")]);

        graph.Betweenness().Should().Equal(new Dictionary<string, double> { ["A"] = 0.5, ["B"] = 0.5, ["C"] = 0.5, ["D"] = 0.5 });
        graph.Connections.Should().Be(4);
    }

    [Fact]
    public async Task An_organisation_linked_to_two_sectors_bridges_them()
    {
        var figures = await FiguresAsync();

        // The Trust reaches the Council (public), the Shop (private) and the hall (VCFSE); the Council and the Shop reach only the Trust.
        figures.Bridges.Select(m => (m.Name, m.SectorsReached)).Should().BeEquivalentTo(new[]
        {
            ("Trust", (IReadOnlyList<Sector>)[Sector.Public, Sector.Private, Sector.Vcfse]),
        });
    }

    [Fact]
    public async Task A_place_in_two_networks_hosts_several()
    {
        var figures = await FiguresAsync();

        figures.SharedPlaces.Select(m => (m.Name, m.Networks)).Should().Equal(("Community Hall", 2));
        figures.Members.Single(m => m.Name == "Library").Networks.Should().Be(1);
    }

    [Fact]
    public async Task A_place_where_two_networks_services_meet_hosts_both_but_not_through_a_defunct_service()
    {
        await using (var db = _database.CreateContext())
        {
            var churchHall = await db.Places.SingleAsync(p => p.Id == _network.ChurchHallId);
            var library = await db.Places.SingleAsync(p => p.Id == _network.LibraryId);
            var youthClub = new Service { Name = "Youth Club", OrganisationId = _network.TrustId, DeliveredAt = [churchHall] };
            var oldClub = new Service { Name = "Old Club", OrganisationId = _network.TrustId, DeliveredAt = [library], Status = ServiceStatus.Defunct };
            db.AddRange(youthClub, oldClub);
            var youth = await db.ValueNetworks.Include(n => n.Members).SingleAsync(n => n.Id == _network.YouthId);
            youth.Members.AddRange([NetworkMember.For(youthClub), NetworkMember.For(oldClub)]);
            await db.SaveChangesAsync();
        }
        await using var read = _database.CreateContext();

        var borough = await NetworkFigures.ForBoroughAsync(read);
        var wards = await ConnectedProvision.ByWardAsync(read, GapBorough.Code);

        // Church Hall is no member, but the food bank (Becontree Together) and the youth club (Youth Partnership) meet there.
        // The library stays in one network: the defunct club does not count.
        borough.SharedPlaces.Select(p => (p.Name, p.Networks)).Should().Equal(("Church Hall", 2), ("Community Hall", 2));
        (await NetworkFigures.ForNetworkAsync(read, _network.NetworkId))!.Members.Single(m => m.Name == "Library").Networks.Should().Be(1);
        wards.Single(w => w.WardName == "West").Networks.Should().Be(2);
    }

    [Fact]
    public async Task A_defunct_service_does_not_connect_the_place_it_was_delivered_at()
    {
        await using (var db = _database.CreateContext())
        {
            var westside = await db.Places.SingleAsync(p => p.Name == "Westside Centre");
            var old = new Service { Name = "Old Lunch Club", OrganisationId = _network.TrustId, DeliveredAt = [westside], Status = ServiceStatus.Defunct };
            db.Add(old);
            (await db.ValueNetworks.Include(n => n.Members).SingleAsync(n => n.Id == _network.YouthId)).Members.Add(NetworkMember.For(old));
            await db.SaveChangesAsync();
        }
        await using var read = _database.CreateContext();

        var west = (await ConnectedProvision.ByWardAsync(read, GapBorough.Code)).Single(w => w.WardName == "West");

        west.Isolated.Select(p => p.Name).Should().Equal("Westside Centre");
    }

    [Fact]
    public async Task The_borough_takes_every_network_as_one_graph()
    {
        await using var db = _database.CreateContext();

        var borough = await NetworkFigures.ForBoroughAsync(db);

        // The hall and the Shop are in both networks but are one node each; Youth Partnership adds no links.
        borough.Members.Should().HaveCount(6);
        borough.Connections.Should().Be(4);
        borough.Members.Should().OnlyContain(m => m.MemberId == null && m.Role == null);
        borough.Bridges.Select(m => m.Name).Should().Equal("Trust");
    }

    [Fact]
    public async Task A_service_is_drawn_at_the_place_it_is_delivered_and_an_organisation_nowhere()
    {
        var figures = await FiguresAsync();

        var foodBank = figures.Members.Single(m => m.Name == "Food Bank").Location!;
        (foodBank.X, foodBank.Y).Should().Be((-0.020, 51.510));
        figures.Members.Single(m => m.Name == "Council").Location.Should().BeNull();
    }

    [Fact]
    public async Task Wards_count_their_open_places_in_a_network_and_the_isolated_ones()
    {
        await using (var db = _database.CreateContext())
        {
            // A service serving East, in a third network, reaches East without a place there.
            var outreach = new Service { Name = "Outreach", OrganisationId = _network.TrustId, WardsServed = [await db.Wards.SingleAsync(w => w.Code == GapBorough.East)] };
            var third = new ValueNetwork { Name = "Outreach Network", Values = [NetworkValue.Trust], Members = [NetworkMember.For(outreach)] };
            db.AddRange(outreach, third);
            await db.SaveChangesAsync();
        }
        await using var read = _database.CreateContext();

        var wards = await ConnectedProvision.ByWardAsync(read, GapBorough.Code);

        // West: Westside Centre (isolated), Community Hall (member of two networks) and Church Hall (the food bank is delivered there).
        // East: East Library (isolated), Library (member), East Online (digital, serves East; isolated); Old East Hall is dormant.
        wards.Select(w => (w.WardName, w.Places, w.Connected, w.IsolatedCount, w.Networks)).Should().Equal(
            ("East", 3, 1, 2, 2),
            ("West", 3, 2, 1, 2));
        wards[0].Isolated.Select(p => p.Name).Should().Equal("East Library", "East Online");
        wards[1].Isolated.Select(p => p.Name).Should().Equal("Westside Centre");
        Math.Round(wards[1].ConnectedShare!.Value, 3).Should().Be(0.667);
        // A ward report asks for its own ward only.
        (await ConnectedProvision.ByWardAsync(read, GapBorough.Code, wardCode: GapBorough.West)).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(wards[1]);
    }
}

using Microsoft.EntityFrameworkCore;
using SocialInfra.Networks;
using SocialInfra.Organisations;
using SocialInfra.Places;
using SocialInfra.Services;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Places;

/// <summary>
/// The filters the map, the list and the API share, over the demo borough's 12 libraries. Distances by hand
/// (haversine on the libraries-2016.csv coordinates): from Dagenham Library, Rectory is 428 m, Fanshawe 763 m,
/// Wantz 1,583 m and Castle Green 1,703 m.
/// </summary>
public class PlaceSearchTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        if (await db.Organisations.AnyAsync(o => o.Name == "Dagenham Reads"))
        {
            return;
        }
        // A charity runs a reading group at Valence Library, which is also in a network (and Barking Library is not).
        var charity = new Organisation { Name = "Dagenham Reads", Kind = OrganisationKind.Vcfse };
        var valence = await db.Places.SingleAsync(p => p.Name == "Valence Library");
        var dagenham = await db.Places.SingleAsync(p => p.Name == "Dagenham Library");
        db.Organisations.Add(charity);
        db.Services.Add(new Service { Name = "Reading group", OrganisationId = charity.Id, DeliveredAt = [valence], PreventionLevel = PreventionLevel.EarlyHelp });
        var network = new ValueNetwork { Name = "Read Together" };
        network.Members.Add(new NetworkMember { PlaceId = dagenham.Id, Role = "host" });
        db.ValueNetworks.Add(network);
        dagenham.LastVerifiedOn = new DateOnly(2026, 10, 1);
        valence.LastVerifiedOn = new DateOnly(2025, 3, 1);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(List<string> Names, IReadOnlyList<FieldError> Errors, SearchArea? Area)> SearchAsync(PlaceSearchText text)
    {
        await using var db = database.CreateContext();
        var (filter, errors) = await PlaceSearch.ParseAsync(text, db);
        var names = await filter.Apply(db).OrderBy(p => p.Name).Select(p => p.Name).ToListAsync();
        return (names, errors, filter.Area);
    }

    [Theory]
    [InlineData("Abbey")]
    [InlineData("abbey")]
    [InlineData("Abbey ward")]
    [InlineData("E05000026")]
    public async Task Near_a_ward_finds_the_places_inside_it(string near)
    {
        var (names, errors, area) = await SearchAsync(new PlaceSearchText(Near: near));
        errors.Should().BeEmpty();
        names.Should().Equal("Barking Library");
        area!.Label.Should().Be("in Abbey ward");
        area.WardCode.Should().Be("E05000026");
    }

    [Theory]
    [InlineData("RM10 9QS")]
    [InlineData("rm109qs")]
    public async Task Near_a_recorded_postcode_finds_places_within_800_metres(string near)
    {
        var (names, errors, area) = await SearchAsync(new PlaceSearchText(Near: near));
        errors.Should().BeEmpty();
        names.Should().Equal("Dagenham Library", "Fanshawe Library", "Rectory Library");
        area!.Label.Should().Be("within 800 metres of RM10 9QS");
    }

    [Fact]
    public async Task Near_a_postcode_district_finds_the_places_with_postcodes_in_it()
    {
        // RM10 9QS Dagenham, RM10 9SA Rectory, RM10 7DX Wantz.
        var (names, errors, _) = await SearchAsync(new PlaceSearchText(Near: "rm10"));
        errors.Should().BeEmpty();
        names.Should().Equal("Dagenham Library", "Rectory Library", "Wantz Library");
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("SW1A 1AA")]
    [InlineData("E1")]
    public async Task Near_an_unknown_place_is_an_error_naming_the_field_and_filters_nothing(string near)
    {
        var (names, errors, area) = await SearchAsync(new PlaceSearchText(Near: near));
        errors.Should().ContainSingle().Which.Field.Should().Be("near");
        errors[0].Message.Should().Contain(near);
        area.Should().BeNull();
        names.Should().HaveCount(12, "a bad filter is reported, not applied");
    }

    [Fact]
    public async Task The_services_dimension_keeps_places_where_a_service_is_delivered()
    {
        (await SearchAsync(new PlaceSearchText(Dimension: "services"))).Names.Should().Equal("Valence Library");
        (await SearchAsync(new PlaceSearchText(Dimension: "networks"))).Names.Should().Equal("Dagenham Library");
        (await SearchAsync(new PlaceSearchText(Dimension: "all"))).Names.Should().HaveCount(12);
    }

    [Fact]
    public async Task An_organisation_finds_places_it_owns_or_serves()
    {
        await using var db = database.CreateContext();
        var charity = await db.Organisations.Where(o => o.Name == "Dagenham Reads").Select(o => o.Id).SingleAsync();
        var council = await db.Organisations.Where(o => o.Kind == OrganisationKind.LocalAuthority).Select(o => o.Id).SingleAsync();
        (await SearchAsync(new PlaceSearchText(Organisation: charity.ToString()))).Names.Should().Equal("Valence Library");
        (await SearchAsync(new PlaceSearchText(Organisation: council.ToString()))).Names.Should().HaveCount(12, "the council owns every library");
    }

    [Fact]
    public async Task Filters_combine()
    {
        var (names, errors, _) = await SearchAsync(new PlaceSearchText(Category: "library", Activity: "closed", Near: "RM10"));
        errors.Should().BeEmpty();
        // Of RM10's three libraries, Rectory and Wantz are closed.
        names.Should().Equal("Rectory Library", "Wantz Library");
    }

    [Theory]
    [InlineData("category", "casino")]
    [InlineData("dimension", "everything")]
    [InlineData("ownership", "state")]
    [InlineData("activity", "asleep")]
    [InlineData("presence", "virtual")]
    [InlineData("organisation", "not-an-id")]
    [InlineData("organisation", "0199a0a0-0000-7000-8000-000000000000")]
    public async Task Each_bad_filter_is_named(string field, string value)
    {
        var text = field switch
        {
            "category" => new PlaceSearchText(Category: value),
            "dimension" => new PlaceSearchText(Dimension: value),
            "ownership" => new PlaceSearchText(Ownership: value),
            "activity" => new PlaceSearchText(Activity: value),
            "presence" => new PlaceSearchText(Presence: value),
            _ => new PlaceSearchText(Organisation: value),
        };
        var (_, errors, _) = await SearchAsync(text);
        errors.Should().ContainSingle().Which.Field.Should().Be(field);
        errors[0].Message.Should().Contain(value);
    }

    [Fact]
    public async Task Rows_sort_by_ward_and_by_last_verified_with_unknowns_last()
    {
        await using var db = database.CreateContext();
        var byWard = await db.Places.ListItems(db, PlaceSort.Ward).ToListAsync();
        byWard.Select(r => r.WardName).Should().BeInAscendingOrder(StringComparer.Ordinal);
        byWard.Single(r => r.Name == "Barking Library").WardName.Should().Be("Abbey");

        var verified = await db.Places.ListItems(db, PlaceSort.LastVerified, descending: true).Select(r => r.Name).ToListAsync();
        verified.Take(2).Should().Equal("Dagenham Library", "Valence Library");
        var oldestFirst = await db.Places.ListItems(db, PlaceSort.LastVerified).Select(r => r.Name).ToListAsync();
        oldestFirst.Take(2).Should().Equal("Valence Library", "Dagenham Library");
    }

    [Fact]
    public async Task Pages_hold_the_page_size_and_clamp_to_the_last_page()
    {
        await using var db = database.CreateContext();
        var third = await db.Places.ListItems(db).ToPageAsync(3, pageSize: 5);
        third.Total.Should().Be(12);
        third.PageCount.Should().Be(3);
        third.Items.Select(i => i.Name).Should().Equal("Valence Library", "Wantz Library");
        var beyond = await db.Places.ListItems(db).ToPageAsync(99, pageSize: 5);
        beyond.Page.Should().Be(3);
        beyond.Items.Should().HaveCount(2);
    }
}

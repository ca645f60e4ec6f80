using SocialInfra.Data;
using SocialInfra.Networks;
using SocialInfra.Organisations;
using SocialInfra.Places;
using SocialInfra.Services;
using SocialInfra.Tests.Gaps;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Networks;

/// <summary>
/// "Becontree Together", small enough to work every figure out on paper (docs/networks.md uses it as the worked example):
///   Council (council) —funding and commissioning→ Trust (VCFSE) —partnership— Shop (private);
///   Trust —shared space— Community Hall (a community place) —referral→ Food Bank (a service the Trust runs at Church Hall);
///   Library (a public place) has joined but has no relationship yet.
/// As an undirected graph: Council–Trust, Trust–Shop, Trust–Hall, Hall–Food Bank (a tree), Library alone.
/// A second network, "Youth Partnership", has the Community Hall and the Shop, with no relationships.
/// Places lie in <see cref="GapBorough"/>'s wards when that borough is seeded first: the hall and Church Hall in West,
/// the library in East.
/// </summary>
public sealed class HandBuiltNetwork
{
    public Guid NetworkId { get; private init; }
    public Guid YouthId { get; private init; }
    public Guid CouncilId { get; private init; }
    public Guid TrustId { get; private init; }
    public Guid ShopId { get; private init; }
    public Guid HallId { get; private init; }
    public Guid ChurchHallId { get; private init; }
    public Guid LibraryId { get; private init; }
    public Guid FoodBankId { get; private init; }

    public static async Task<HandBuiltNetwork> SeedAsync(SocialInfraDbContext db)
    {
        var council = new Organisation { Name = "Council", Kind = OrganisationKind.LocalAuthority };
        var trust = new Organisation { Name = "Trust", Kind = OrganisationKind.Vcfse };
        var shop = new Organisation { Name = "Shop", Kind = OrganisationKind.Private };
        var hall = Build.Place("Community Hall", -0.010, 51.510);
        hall.Ownership = Ownership.Community;
        var churchHall = Build.Place("Church Hall", -0.020, 51.510, "place-of-worship");
        churchHall.Ownership = Ownership.Community;
        var library = Build.Place("Library", 0.010, 51.510, CategoryTaxonomy.Library);
        library.Ownership = Ownership.Public;
        var foodBank = new Service { Name = "Food Bank", OrganisationId = trust.Id, DeliveredAt = [churchHall] };

        var network = new ValueNetwork { Name = "Becontree Together", Values = [NetworkValue.PowerSharing, NetworkValue.Participation] };
        var m = new
        {
            Council = NetworkMember.For(council, "Funder"),
            Trust = NetworkMember.For(trust, "Lead partner"),
            Shop = NetworkMember.For(shop),
            Hall = NetworkMember.For(hall, "Meeting place"),
            FoodBank = NetworkMember.For(foodBank),
            Library = NetworkMember.For(library),
        };
        network.Members.AddRange([m.Council, m.Trust, m.Shop, m.Hall, m.FoodBank, m.Library]);
        network.Relationships.AddRange(
        [
            Link(m.Council, m.Trust, RelationshipKind.Funding),
            Link(m.Council, m.Trust, RelationshipKind.Commissioning),
            Link(m.Trust, m.Shop, RelationshipKind.Partnership),
            Link(m.Trust, m.Hall, RelationshipKind.SharedSpace),
            Link(m.Hall, m.FoodBank, RelationshipKind.Referral),
        ]);
        var youth = new ValueNetwork { Name = "Youth Partnership", Values = [NetworkValue.Inclusion] };
        youth.Members.AddRange([NetworkMember.For(hall), NetworkMember.For(shop)]);

        db.AddRange(council, trust, shop, hall, churchHall, library, foodBank, network, youth);
        await db.SaveChangesAsync();
        return new HandBuiltNetwork
        {
            NetworkId = network.Id, YouthId = youth.Id, CouncilId = council.Id, TrustId = trust.Id, ShopId = shop.Id,
            HallId = hall.Id, ChurchHallId = churchHall.Id, LibraryId = library.Id, FoodBankId = foodBank.Id,
        };

        static NetworkRelationship Link(NetworkMember from, NetworkMember to, RelationshipKind kind) =>
            new() { FromMemberId = from.Id, ToMemberId = to.Id, Kind = kind };
    }
}

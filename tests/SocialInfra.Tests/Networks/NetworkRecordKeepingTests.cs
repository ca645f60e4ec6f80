using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Accounts;
using SocialInfra.Networks;
using SocialInfra.Places;
using SocialInfra.Tests.Gaps;
using SocialInfra.Tests.Infrastructure;
using Xunit;

namespace SocialInfra.Tests.Networks;

public class NetworkRecordKeepingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private ScratchDatabase _database = null!;
    private HandBuiltNetwork _network = null!;
    private Guid _userId;

    public async Task InitializeAsync()
    {
        _database = await ScratchDatabase.EmptyAsync();
        await using var db = _database.CreateContext();
        await GapBorough.SeedAsync(db);
        _network = await HandBuiltNetwork.SeedAsync(db);
        var user = new User { UserName = "coordinator@test", Email = "coordinator@test", NormalizedEmail = "COORDINATOR@TEST", DisplayName = "Cora Coordinator" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        _userId = user.Id;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Whoever_starts_a_network_coordinates_it()
    {
        await using var db = _database.CreateContext("cora");

        var result = await NetworkRecordKeeping.CreateAsync(db, new NetworkDraft("  Gascoigne Growers ", null, [NetworkValue.Trust, NetworkValue.Trust]), _userId);

        result.Outcome.Should().Be(NetworkOutcome.Done);
        await using var read = _database.CreateContext();
        var saved = await read.ValueNetworks.Include(n => n.Coordinators).SingleAsync(n => n.Id == result.Value!.Id);
        (saved.Name, saved.Values.Count, saved.Coordinators.Single().UserId).Should().Be(("Gascoigne Growers", 1, _userId));
        (await read.AuditEntries.CountAsync(a => a.ChangedBy == "cora" && a.EntityType == "NetworkCoordinator")).Should().Be(1);
    }

    [Fact]
    public async Task A_network_needs_a_name_and_a_value()
    {
        await using var db = _database.CreateContext();

        var result = await NetworkRecordKeeping.CreateAsync(db, new NetworkDraft(" ", new string('x', 2001), []), _userId);

        result.Errors.Select(e => (e.Field, e.Message)).Should().Equal(
            ("Name", "Enter the network's name"),
            ("Purpose", "Purpose must be 2000 characters or fewer"),
            ("Values", "Choose at least one value the network shares"));
    }

    [Fact]
    public async Task A_change_to_a_network_someone_else_has_changed_is_refused()
    {
        uint version;
        await using (var first = _database.CreateContext())
        {
            version = await first.ValueNetworks.Where(n => n.Id == _network.NetworkId).Select(n => n.Version).SingleAsync();
            (await NetworkRecordKeeping.UpdateAsync(first, _network.NetworkId, new NetworkDraft("Becontree Together", "Theirs", [NetworkValue.Trust]), version))
                .Outcome.Should().Be(NetworkOutcome.Done);
        }
        await using var second = _database.CreateContext();

        var result = await NetworkRecordKeeping.UpdateAsync(second, _network.NetworkId, new NetworkDraft("Becontree Together", "Mine", [NetworkValue.Trust]), version);

        result.Outcome.Should().Be(NetworkOutcome.Conflict);
        (await second.ValueNetworks.AsNoTracking().SingleAsync(n => n.Id == _network.NetworkId)).Purpose.Should().Be("Theirs");
    }

    [Fact]
    public async Task A_member_joins_a_network_once()
    {
        await using var db = _database.CreateContext();

        var result = await NetworkRecordKeeping.AddMemberAsync(db, _network.NetworkId, new MemberRef(MemberKind.Organisation, _network.ShopId), "Sponsor");

        result.Errors.Should().ContainSingle().Which.Should().Be(new FieldError("Member", "Shop is already a member of this network"));
    }

    [Fact]
    public async Task A_member_that_is_not_recorded_cannot_join()
    {
        await using var db = _database.CreateContext();

        var result = await NetworkRecordKeeping.AddMemberAsync(db, _network.NetworkId, new MemberRef(MemberKind.Place, Guid.NewGuid()), null);

        result.Errors.Should().ContainSingle().Which.Message.Should().Be("That organisation, place or service is not recorded");
    }

    [Fact]
    public async Task A_relationship_joins_two_members_of_the_same_network()
    {
        await using var db = _database.CreateContext();
        var youthHall = await db.NetworkMembers.Where(m => m.NetworkId == _network.YouthId && m.PlaceId == _network.HallId).Select(m => m.Id).SingleAsync();
        var trust = await db.NetworkMembers.Where(m => m.NetworkId == _network.NetworkId && m.OrganisationId == _network.TrustId).Select(m => m.Id).SingleAsync();

        var acrossNetworks = await NetworkRecordKeeping.AddRelationshipAsync(db, _network.NetworkId, trust, youthHall, RelationshipKind.Partnership, null);
        var toItself = await NetworkRecordKeeping.AddRelationshipAsync(db, _network.NetworkId, trust, trust, null, null);

        acrossNetworks.Errors.Should().ContainSingle().Which.Should().Be(new FieldError("To", "Choose the member the relationship runs to"));
        toItself.Errors.Select(e => e.Message).Should().Equal("Choose a different member: a relationship joins two members", "Choose what kind of relationship it is");
    }

    [Fact]
    public async Task The_same_kind_of_relationship_is_not_recorded_twice_either_way_round()
    {
        await using var db = _database.CreateContext();
        var ids = await db.NetworkMembers.Where(m => m.NetworkId == _network.NetworkId && m.OrganisationId != null)
            .ToDictionaryAsync(m => m.OrganisationId!.Value, m => m.Id);

        var result = await NetworkRecordKeeping.AddRelationshipAsync(db, _network.NetworkId, ids[_network.ShopId], ids[_network.TrustId], RelationshipKind.Partnership, null);

        result.Errors.Should().ContainSingle().Which.Should().Be(new FieldError("Kind", "These two members already have a partnership relationship"));
    }

    [Fact]
    public async Task Removing_a_member_removes_its_relationships_and_records_each()
    {
        await using var db = _database.CreateContext("cora");
        var trust = await db.NetworkMembers.Where(m => m.NetworkId == _network.NetworkId && m.OrganisationId == _network.TrustId).Select(m => m.Id).SingleAsync();

        (await NetworkRecordKeeping.RemoveMemberAsync(db, _network.NetworkId, trust)).Outcome.Should().Be(NetworkOutcome.Done);

        await using var read = _database.CreateContext();
        // Council–Trust (funding, commissioning), Trust–Shop and Trust–Hall went; Hall–Food Bank stays.
        (await read.NetworkRelationships.CountAsync(r => r.NetworkId == _network.NetworkId)).Should().Be(1);
        (await read.AuditEntries.CountAsync(a => a.ChangedBy == "cora" && a.EntityType == "NetworkRelationship" && a.Action == SocialInfra.Auditing.AuditAction.Deleted)).Should().Be(4);
        (await NetworkFigures.ForNetworkAsync(read, _network.NetworkId))!.Connections.Should().Be(1);
    }

    [Fact]
    public async Task The_last_coordinator_stays()
    {
        await using var db = _database.CreateContext();
        var created = (await NetworkRecordKeeping.CreateAsync(db, new NetworkDraft("Solo", null, [NetworkValue.Trust]), _userId)).Value!;

        var result = await NetworkRecordKeeping.RemoveCoordinatorAsync(db, created.Id, _userId);

        result.Errors.Should().ContainSingle().Which.Message.Should().Be("A network needs at least one coordinator: add another before removing this one");
    }

    [Fact]
    public async Task Two_coordinators_removing_each_other_at_once_leave_one()
    {
        Guid networkId, other;
        await using (var db = _database.CreateContext())
        {
            var second = new User { UserName = "second@test", Email = "second@test", NormalizedEmail = "SECOND@TEST", DisplayName = "Sid Second" };
            db.Users.Add(second);
            await db.SaveChangesAsync();
            networkId = (await NetworkRecordKeeping.CreateAsync(db, new NetworkDraft("Pair", null, [NetworkValue.Trust]), _userId)).Value!.Id;
            (await NetworkRecordKeeping.AddCoordinatorAsync(db, networkId, "second@test")).Outcome.Should().Be(NetworkOutcome.Done);
            other = second.Id;
        }
        await using var first = _database.CreateContext();
        await using var third = _database.CreateContext();

        var results = await Task.WhenAll(
            NetworkRecordKeeping.RemoveCoordinatorAsync(first, networkId, _userId),
            NetworkRecordKeeping.RemoveCoordinatorAsync(third, networkId, other));

        results.Select(r => r.Outcome).Should().BeEquivalentTo([NetworkOutcome.Done, NetworkOutcome.Invalid]);
        await using var read = _database.CreateContext();
        (await read.NetworkCoordinators.CountAsync(c => c.NetworkId == networkId)).Should().Be(1);
    }

    [Fact]
    public async Task The_database_refuses_the_same_relationship_the_other_way_round()
    {
        await using var db = _database.CreateContext();
        var ids = await db.NetworkMembers.Where(m => m.NetworkId == _network.NetworkId && m.OrganisationId != null)
            .ToDictionaryAsync(m => m.OrganisationId!.Value, m => m.Id);
        db.NetworkRelationships.Add(new NetworkRelationship { NetworkId = _network.NetworkId, FromMemberId = ids[_network.ShopId], ToMemberId = ids[_network.TrustId], Kind = RelationshipKind.Partnership });

        var saving = () => db.SaveChangesAsync();

        (await saving.Should().ThrowAsync<DbUpdateException>()).WithInnerException<Npgsql.PostgresException>()
            .Which.ConstraintName.Should().Be("IX_NetworkRelationships_pair_either_way");
    }

    [Fact]
    public async Task A_closed_place_cannot_join()
    {
        await using (var db = _database.CreateContext())
        {
            var westside = await db.Places.SingleAsync(p => p.Name == "Westside Centre");
            westside.ChangeActivity(Activity.Closed, new DateOnly(2025, 1, 1));
            await db.SaveChangesAsync();
        }
        await using var read = _database.CreateContext();
        var id = await read.Places.Where(p => p.Name == "Westside Centre").Select(p => p.Id).SingleAsync();

        var result = await NetworkRecordKeeping.AddMemberAsync(read, _network.NetworkId, new MemberRef(MemberKind.Place, id), null);

        result.Errors.Single().Message.Should().Be("Westside Centre has closed: only open or dormant places can join");
    }

    [Fact]
    public async Task A_member_or_request_of_another_network_is_not_found_and_stays()
    {
        await using var db = _database.CreateContext();
        var youthHall = await db.NetworkMembers.Where(m => m.NetworkId == _network.YouthId).Select(m => m.Id).FirstAsync();
        var request = (await Propose(db, new MemberRef(MemberKind.Service, _network.FoodBankId), _network.YouthId)).Value!;

        (await NetworkRecordKeeping.RemoveMemberAsync(db, _network.NetworkId, youthHall)).Outcome.Should().Be(NetworkOutcome.NotFound);
        (await NetworkRecordKeeping.AcceptAsync(db, _network.NetworkId, request.Id, request.Version, "Cora", Now)).Outcome.Should().Be(NetworkOutcome.NotFound);
        // Only the organisation that asked may withdraw.
        (await NetworkRecordKeeping.WithdrawAsync(db, request.Id, _network.ShopId, "Shopkeeper", Now)).Outcome.Should().Be(NetworkOutcome.NotFound);

        await using var read = _database.CreateContext();
        (await read.NetworkMembers.AnyAsync(m => m.Id == youthHall)).Should().BeTrue();
        (await read.MembershipRequests.SingleAsync()).Status.Should().Be(RequestStatus.Pending);
    }

    [Fact]
    public async Task A_coordinator_is_added_by_the_email_they_sign_in_with()
    {
        await using var db = _database.CreateContext();

        var unknown = await NetworkRecordKeeping.AddCoordinatorAsync(db, _network.NetworkId, "nobody@test");
        var known = await NetworkRecordKeeping.AddCoordinatorAsync(db, _network.NetworkId, " Coordinator@Test ");
        var again = await NetworkRecordKeeping.AddCoordinatorAsync(db, _network.NetworkId, "coordinator@test");

        unknown.Errors.Single().Message.Should().Be("No one signs in with that email address. An administrator can add them first");
        known.Value!.Id.Should().Be(_userId);
        again.Errors.Single().Message.Should().Be("Cora Coordinator already coordinates this network");
    }

    [Fact]
    public async Task Staff_may_propose_only_what_their_organisation_holds()
    {
        await using var db = _database.CreateContext();

        // The Trust runs the food bank; the library is the council's.
        var foodBank = await Propose(db, new MemberRef(MemberKind.Service, _network.FoodBankId), _network.YouthId);
        var library = await Propose(db, new MemberRef(MemberKind.Place, _network.LibraryId), _network.YouthId);
        var alreadyIn = await Propose(db, new MemberRef(MemberKind.Organisation, _network.TrustId), _network.NetworkId);
        var twice = await Propose(db, new MemberRef(MemberKind.Service, _network.FoodBankId), _network.YouthId);

        foodBank.Outcome.Should().Be(NetworkOutcome.Done);
        library.Errors.Single().Message.Should().Be("You can only propose your own organisation, or a place or service it holds");
        alreadyIn.Errors.Single().Message.Should().Be("Trust is already a member of this network");
        twice.Errors.Single().Message.Should().Be("Food Bank has already asked to join: the coordinators have not answered yet");
    }

    [Fact]
    public async Task An_accepted_request_joins_with_the_role_asked_for()
    {
        await using var db = _database.CreateContext();
        var request = (await Propose(db, new MemberRef(MemberKind.Service, _network.FoodBankId), _network.YouthId)).Value!;

        var accepted = await NetworkRecordKeeping.AcceptAsync(db, _network.YouthId, request.Id, request.Version, "Cora", Now);
        var again = await NetworkRecordKeeping.DeclineAsync(db, _network.YouthId, request.Id, accepted.Value!.Version, "Too late", "Cora", Now);

        accepted.Outcome.Should().Be(NetworkOutcome.Done);
        again.Outcome.Should().Be(NetworkOutcome.Conflict);
        await using var read = _database.CreateContext();
        (await read.NetworkMembers.SingleAsync(m => m.NetworkId == _network.YouthId && m.ServiceId == _network.FoodBankId)).Role.Should().Be("Weekly sessions");
        (await read.MembershipRequests.SingleAsync()).Status.Should().Be(RequestStatus.Accepted);
    }

    [Fact]
    public async Task A_declined_request_keeps_its_reason_and_adds_no_member()
    {
        await using var db = _database.CreateContext();
        var request = (await Propose(db, new MemberRef(MemberKind.Organisation, _network.TrustId), _network.YouthId)).Value!;

        var declined = await NetworkRecordKeeping.DeclineAsync(db, _network.YouthId, request.Id, request.Version, " For young people's groups only ", "Cora", Now);

        (declined.Value!.Status, declined.Value.Reason, declined.Value.DecidedBy).Should().Be((RequestStatus.Declined, "For young people's groups only", "Cora"));
        (await db.NetworkMembers.AnyAsync(m => m.NetworkId == _network.YouthId && m.OrganisationId == _network.TrustId)).Should().BeFalse();
    }

    private Task<NetworkResult<MembershipRequest>> Propose(SocialInfra.Data.SocialInfraDbContext db, MemberRef subject, Guid networkId) =>
        NetworkRecordKeeping.ProposeAsync(db, networkId, subject, "Weekly sessions", "We run a food bank", _userId, "Val", _network.TrustId, Now);
}

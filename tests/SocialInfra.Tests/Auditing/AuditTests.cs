using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Auditing;
using SocialInfra.Networks;
using SocialInfra.Organisations;
using SocialInfra.Places;
using SocialInfra.Services;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Auditing;

public class AuditTests(EmptyDatabase database) : IClassFixture<EmptyDatabase>
{
    [Fact]
    public async Task Creating_updating_and_deleting_a_place_records_who_when_and_what()
    {
        Guid id;
        await using (var db = database.CreateContext("amina@vcfse.example"))
        {
            var place = Build.Place("Gascoigne Hub", 0.08, 51.53);
            db.Places.Add(place);
            await db.SaveChangesAsync();
            id = place.Id;
        }
        await using (var db = database.CreateContext("officer@council.example"))
        {
            var place = await db.Places.SingleAsync(p => p.Id == id);
            place.Name = "Gascoigne Community Hub";
            place.Capacity = 80;
            await db.SaveChangesAsync();
            db.Places.Remove(place);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var history = await read.AuditEntries.Where(a => a.EntityType == "Place" && a.EntityId == id.ToString()).OrderBy(a => a.Id).ToListAsync();
        history.Select(a => (a.Action, a.ChangedBy)).Should().Equal(
            (AuditAction.Created, "amina@vcfse.example"),
            (AuditAction.Updated, "officer@council.example"),
            (AuditAction.Deleted, "officer@council.example"));

        Json(history[0].After)["Name"].GetString().Should().Be("Gascoigne Hub");
        Json(history[0].After)["Location"].GetString().Should().Be("POINT (0.08 51.53)");
        Json(history[0].After)["Provenance.Source"].GetString().Should().Be("manual");
        history[0].Before.Should().BeNull();

        Json(history[1].Before).Keys.Should().BeEquivalentTo("Name", "Capacity");
        Json(history[1].Before)["Name"].GetString().Should().Be("Gascoigne Hub");
        Json(history[1].After)["Name"].GetString().Should().Be("Gascoigne Community Hub");
        Json(history[1].After)["Capacity"].GetInt32().Should().Be(80);

        Json(history[2].Before)["Name"].GetString().Should().Be("Gascoigne Community Hub");
        history[2].After.Should().BeNull();
        history.Should().OnlyContain(a => a.ChangedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Services_networks_and_their_links_are_audited_in_the_same_save()
    {
        await using var db = database.CreateContext("coordinator");
        var charity = new Organisation { Name = "Dagenham Together", Kind = OrganisationKind.Vcfse };
        var hall = Build.Place("Becontree Hall", 0.13, 51.55);
        var service = new Service { Name = "Warm welcome", Organisation = charity, PreventionLevel = PreventionLevel.EarlyHelp, DeliveredAt = [hall] };
        var network = new ValueNetwork { Name = "Becontree Partnership", Values = [NetworkValue.PowerSharing] };
        network.Members.Add(NetworkMember.For(charity, "convenor"));
        db.AddRange(charity, hall, service, network);
        await db.SaveChangesAsync();

        var types = await db.AuditEntries.Where(a => a.ChangedBy == "coordinator").Select(a => a.EntityType).ToListAsync();
        types.Should().BeEquivalentTo("Organisation", "Place", "Service", "ServicePlace", "ValueNetwork", "NetworkMember");
        var networkRow = await db.AuditEntries.SingleAsync(a => a.EntityType == "ValueNetwork");
        Json(networkRow.After)["Values"].EnumerateArray().Select(v => v.GetString()).Should().Equal("PowerSharing");
    }

    private static Dictionary<string, JsonElement> Json(string? json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json!)!;

    [Fact]
    public async Task A_new_period_on_a_saved_place_is_inserted_and_audited()
    {
        Guid id;
        await using (var db = database.CreateContext("loader"))
        {
            var place = Build.Place("Eastbrook Centre", 0.16, 51.55);
            place.ChangeActivity(Activity.Active, new DateOnly(2012, 1, 1));
            db.Places.Add(place);
            await db.SaveChangesAsync();
            id = place.Id;
        }
        await using (var db = database.CreateContext("officer"))
        {
            var place = await db.Places.Include(p => p.ActivityPeriods).SingleAsync(p => p.Id == id);
            place.ChangeActivity(Activity.Dormant, new DateOnly(2024, 6, 1), "Roof repairs");
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var periods = await read.ActivityPeriods.Where(p => p.PlaceId == id).OrderBy(p => p.StartsOn).ToListAsync();
        periods.Select(p => (p.Activity, p.EndsOn)).Should().Equal((Activity.Active, new DateOnly(2024, 6, 1)), (Activity.Dormant, (DateOnly?)null));
        (await read.Places.SingleAsync(p => p.Id == id)).Activity.Should().Be(Activity.Dormant);
        (await read.AuditEntries.Where(a => a.ChangedBy == "officer").Select(a => new { a.EntityType, a.Action }).ToListAsync())
            .Should().BeEquivalentTo(new[]
            {
                new { EntityType = "Place", Action = AuditAction.Updated },
                new { EntityType = "ActivityPeriod", Action = AuditAction.Updated },
                new { EntityType = "ActivityPeriod", Action = AuditAction.Created },
            });
    }

    [Fact]
    public async Task A_place_can_have_only_one_open_activity_period()
    {
        await using var db = database.CreateContext();
        var place = Build.Place("Double hall", 0.12, 51.54);
        place.ActivityPeriods.Add(new ActivityPeriod { Activity = Activity.Active });
        place.ActivityPeriods.Add(new ActivityPeriod { Activity = Activity.Dormant });
        db.Places.Add(place);
        var save = () => db.SaveChangesAsync();
        (await save.Should().ThrowAsync<DbUpdateException>())
            .WithInnerException<Npgsql.PostgresException>().Which.ConstraintName.Should().Be("IX_ActivityPeriods_one_open_per_place");
    }

    [Fact]
    public async Task An_update_of_a_detached_place_is_audited_with_what_it_set()
    {
        var place = Build.Place("Detached hall", 0.11, 51.545);
        await using (var db = database.CreateContext("creator"))
        {
            db.Places.Add(place);
            await db.SaveChangesAsync();
        }
        place.Name = "Detached community hall";
        await using (var db = database.CreateContext("editor"))
        {
            db.Places.Update(place);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var row = await read.AuditEntries.SingleAsync(a => a.ChangedBy == "editor" && a.EntityType == "Place");
        row.Action.Should().Be(AuditAction.Updated);
        row.Before.Should().BeNull("the values before an Update() of a detached object are not known");
        Json(row.After)["Name"].GetString().Should().Be("Detached community hall");
    }

    [Fact]
    public async Task A_failed_save_leaves_no_audit_rows_to_be_written_twice()
    {
        await using var db = database.CreateContext("retrier");
        var place = new Place { Name = "No point hall", CategorySlug = "community-centre" };
        db.Places.Add(place);
        var save = () => db.SaveChangesAsync();
        await save.Should().ThrowAsync<DbUpdateException>();

        place.Location = SocialInfra.Geography.SpatialQueries.PointAt(0.1, 51.54);
        await db.SaveChangesAsync();

        (await db.AuditEntries.CountAsync(a => a.ChangedBy == "retrier")).Should().Be(1);
    }
}

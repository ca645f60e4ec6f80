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
}

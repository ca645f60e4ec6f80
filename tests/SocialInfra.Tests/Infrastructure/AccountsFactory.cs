using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialInfra.Accounts;
using SocialInfra.Organisations;
using SocialInfra.Places;
using SocialInfra.Services;

namespace SocialInfra.Tests.Infrastructure;

/// <summary>
/// The demo borough with people in every role: a council officer, an administrator, a facilitator, and staff of two
/// VCFSE organisations, one of which holds a place and runs a service. Passwords are made up for each run.
/// </summary>
public class AccountsFactory : SocialInfraFactory
{
    public const string Admin = "admin@council.test";
    public const string Officer = "officer@council.test";
    public const string Facilitator = "facilitator@council.test";
    public const string Vcfse = "staff@trust.test";
    public const string OtherVcfse = "staff@other.test";

    public const string TrustName = "Dagenham Community Trust";
    public const string TrustPlaceName = "Trust Hall";
    public const string TrustServiceName = "Trust Lunch Club";
    public const string CouncilServiceName = "Council Rhyme Time";

    public string Password { get; } = $"pw-{Guid.NewGuid():N}";

    public Guid CouncilId { get; private set; }
    public Guid TrustId { get; private set; }
    public Guid OtherCharityId { get; private set; }
    public Guid TrustPlaceId { get; private set; }
    public Guid TrustServiceId { get; private set; }
    public Guid CouncilServiceId { get; private set; }
    public Guid LibraryId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var db = Database.CreateContext())
        {
            CouncilId = await db.Organisations.Where(o => o.Kind == OrganisationKind.LocalAuthority).Select(o => o.Id).SingleAsync();
            var trust = new Organisation { Name = TrustName, Kind = OrganisationKind.Vcfse };
            var other = new Organisation { Name = "Other Charity", Kind = OrganisationKind.Vcfse };
            var hall = Build.Place(TrustPlaceName, 0.1400, 51.5500);
            hall.OwnerOrganisationId = trust.Id;
            hall.Ownership = Ownership.Community;
            hall.ChangeActivity(Activity.Active, null);
            var library = await db.Places.SingleAsync(p => p.Name == "Barking Library");
            db.AddRange(trust, other, hall,
                new Service { Name = TrustServiceName, OrganisationId = trust.Id, DeliveredAt = [hall] },
                new Service { Name = CouncilServiceName, OrganisationId = CouncilId, DeliveredAt = [library] });
            await db.SaveChangesAsync();
            (TrustId, OtherCharityId, TrustPlaceId, LibraryId) = (trust.Id, other.Id, hall.Id, library.Id);
            TrustServiceId = await db.Services.Where(s => s.Name == TrustServiceName).Select(s => s.Id).SingleAsync();
            CouncilServiceId = await db.Services.Where(s => s.Name == CouncilServiceName).Select(s => s.Id).SingleAsync();
        }

        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        foreach (var (email, name, role, organisation) in new[]
        {
            (Admin, "Ada Admin", Roles.Admin, (Guid?)CouncilId),
            (Officer, "Olu Officer", Roles.CouncilOfficer, CouncilId),
            (Facilitator, "Fay Facilitator", Roles.Facilitator, null),
            (Vcfse, "Val Volunteer", Roles.VcfseStaff, TrustId),
            (OtherVcfse, "Oscar Other", Roles.VcfseStaff, OtherCharityId),
        })
        {
            var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganisationId = organisation };
            (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects, signed in as <paramref name="email"/> (null: anonymous).</summary>
    public async Task<HttpClient> ClientAsync(string? email)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (email is not null)
        {
            var response = await client.SubmitFormAsync("/Account/Login", "form:not(#external)",
                Forms.Values(("Email", email), ("Password", Password)));
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{email} should sign in");
        }
        return client;
    }

    /// <summary>The newest submission with this proposed name.</summary>
    public async Task<PlaceSubmission> SubmissionAsync(string name)
    {
        await using var db = Database.CreateContext();
        return await db.PlaceSubmissions.AsNoTracking().Where(s => s.Name == name).OrderByDescending(s => s.SubmittedAt).FirstAsync();
    }
}

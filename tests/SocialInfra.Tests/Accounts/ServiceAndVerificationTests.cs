using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialInfra.Accounts;
using SocialInfra.Places;
using SocialInfra.Services;
using SocialInfra.Tests.Infrastructure;
using SocialInfra.Web.Accounts;

namespace SocialInfra.Tests.Accounts;

/// <summary>Services of an organisation, "last verified" prompts, the first administrator and signing in.</summary>
public class ServiceAndVerificationTests(AccountsFactory app) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task VCFSE_staff_add_a_service_of_their_own_organisation_at_a_place_named_by_them()
    {
        var staff = await app.ClientAsync(AccountsFactory.Vcfse);
        var unknown = await staff.SubmitFormAsync("/Services/Edit", "#service-form", Forms.Values(
            ("Service.Name", "Homework Club"), ("AlsoAt", "Nowhere Library")));
        (await unknown.ParseAsync()).ErrorSummary().Should().Equal(
            "No place is called 'Nowhere Library'. Check the name on the place's page",
            "Choose the places where it is delivered, or the wards it serves, or both");
        var longAddress = await staff.SubmitFormAsync("/Services/Edit", "#service-form", Forms.Values(
            ("Service.Name", "Homework Club"), ("Service.Url", "https://example.org/" + new string('a', 481))));
        (await longAddress.ParseAsync()).ErrorSummary().Should().Contain("Web address must be 500 characters or fewer");

        var saved = await staff.SubmitFormAsync("/Services/Edit", "#service-form", Forms.Values(
            ("Service.Name", "Homework Club"), ("Service.PreventionLevel", "EarlyHelp"), ("Service.WhoFor", "Children aged 8 to 14"),
            ("Service.PlaceIds", app.TrustPlaceId.ToString()), ("AlsoAt", "barking library"),
            // Trying to file it under another organisation does not work: VCFSE staff add their own.
            ("Service.OrganisationId", app.OtherCharityId.ToString())));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);

        await using var db = app.Database.CreateContext();
        var service = await db.Services.Include(s => s.DeliveredAt).SingleAsync(s => s.Name == "Homework Club");
        service.OrganisationId.Should().Be(app.TrustId);
        service.PreventionLevel.Should().Be(PreventionLevel.EarlyHelp);
        service.DeliveredAt.Select(p => p.Name).Should().BeEquivalentTo(AccountsFactory.TrustPlaceName, "Barking Library");
    }

    [Fact]
    public async Task A_service_needs_a_place_or_a_ward_and_officers_may_change_any()
    {
        var officer = await app.ClientAsync(AccountsFactory.Officer);
        var url = $"/Services/Edit/{app.TrustServiceId}";
        var nowhere = await officer.SubmitFormAsync(url, "#service-form", new Dictionary<string, string[]> { ["Service.PlaceIds"] = [] });
        (await nowhere.ParseAsync()).ErrorSummary().Should().Equal("Choose the places where it is delivered, or the wards it serves, or both");

        (await officer.SubmitFormAsync(url, "#service-form", Forms.Values(("Service.Cost", "£1 a session")))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = app.Database.CreateContext();
        (await db.Services.SingleAsync(s => s.Id == app.TrustServiceId)).Cost.Should().Be("£1 a session");
        var audit = await db.AuditEntries.Where(a => a.EntityType == "Service" && a.EntityId == app.TrustServiceId.ToString()).ToListAsync();
        audit.Should().Contain(a => a.After!.Contains("£1 a session") && a.ChangedBy.Contains("Olu Officer"));
    }

    [Fact]
    public async Task Places_not_confirmed_for_twelve_months_are_listed_for_their_organisation()
    {
        var today = PlaceChanges.UkDate(DateTimeOffset.UtcNow);
        var overdue = await app.Database.AddAsync(Trust(Build.Place("Overdue Hut", 0.141, 51.551), today.AddMonths(-12).AddDays(-1)));
        var exactlyAYear = await app.Database.AddAsync(Trust(Build.Place("Year Old Hut", 0.142, 51.551), today.AddMonths(-12)));
        var recent = await app.Database.AddAsync(Trust(Build.Place("Recent Hut", 0.143, 51.551), today.AddMonths(-11)));

        var staff = await app.ClientAsync(AccountsFactory.Vcfse);
        var page = await staff.GetDocumentAsync("/Places/Check");
        var listed = page.QuerySelectorAll("#places-to-check tbody tr").Select(r => r.Id).ToList();
        listed.Should().Contain([$"place-{overdue}", $"place-{exactlyAYear}"]).And.NotContain($"place-{recent}");
        listed.Should().NotContain($"place-{app.LibraryId}", "the council's libraries are not the trust's to check");

        var other = await (await app.ClientAsync(AccountsFactory.OtherVcfse)).GetDocumentAsync("/Places/Check");
        other.QuerySelectorAll("#places-to-check tbody tr").Should().BeEmpty();

        var confirmed = await staff.SubmitAsync(page, "/Places/Check", $"#place-{overdue} form");
        confirmed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await staff.GetDocumentAsync("/Places/Check");
        after.QuerySelector(".govuk-notification-banner")!.TextContent.Should().Contain("Overdue Hut is confirmed as correct today");
        after.QuerySelectorAll("#places-to-check tbody tr").Select(r => r.Id).Should().NotContain($"place-{overdue}");
        await using var db = app.Database.CreateContext();
        (await db.Places.SingleAsync(p => p.Id == overdue)).LastVerifiedOn.Should().Be(today);
    }

    [Fact]
    public async Task The_first_administrator_is_made_by_command_with_a_password_from_standard_input()
    {
        var output = new StringWriter();
        var missing = await CreateAdminCommand.RunAsync(app.Services, ["--email", "first@council.test"], new StringReader(""), output, interactive: false);
        missing.Should().Be(2);
        output.ToString().Should().Contain("Usage: create-admin");

        output = new StringWriter();
        (await CreateAdminCommand.RunAsync(app.Services, ["--email", "first@council.test", "--name", "First Admin"], new StringReader("short\n"), output, false))
            .Should().Be(1);
        output.ToString().Should().Contain("at least 12 characters");

        var password = $"first-{Guid.NewGuid():N}";
        (await CreateAdminCommand.RunAsync(app.Services, ["--email", "first@council.test", "--name", "First Admin"], new StringReader(password + "\n"), new StringWriter(), false))
            .Should().Be(0);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var admin = await users.FindByEmailAsync("first@council.test");
            (await users.IsInRoleAsync(admin!, Roles.Admin)).Should().BeTrue();
            admin!.PasswordHash.Should().NotContain(password);
        }
        output = new StringWriter();
        (await CreateAdminCommand.RunAsync(app.Services, ["--email", "first@council.test", "--name", "Again"], new StringReader(password + "\n"), output, false))
            .Should().Be(1);
        output.ToString().Should().Contain("already exists");

        var client = await app.ClientAsync(null);
        var signedIn = await client.SubmitFormAsync("/Account/Login", "form:not(#external)", Forms.Values(("Email", "first@council.test"), ("Password", password)));
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetDocumentAsync("/Admin/Users")).QuerySelector("#users")!.TextContent.Should().Contain("First Admin");
    }

    [Fact]
    public async Task A_wrong_password_is_named_and_the_audit_never_holds_password_hashes()
    {
        var client = await app.ClientAsync(null);
        var wrong = await client.SubmitFormAsync("/Account/Login", "form:not(#external)", Forms.Values(("Email", AccountsFactory.Officer), ("Password", "not-the-password")));
        wrong.StatusCode.Should().Be(HttpStatusCode.OK);
        (await wrong.ParseAsync()).ErrorLinks().Should().Equal(("#Email", "The email address or password is not right"));

        await using var db = app.Database.CreateContext();
        var accounts = await db.AuditEntries.Where(a => a.EntityType == "User").ToListAsync();
        accounts.Should().NotBeEmpty("accounts are audited");
        accounts.Should().OnlyContain(a => !(a.After ?? "").Contains("PasswordHash") && !(a.After ?? "").Contains("SecurityStamp") && !(a.Before ?? "").Contains("PasswordHash"));
    }

    [Fact]
    public async Task Signing_out_needs_a_form_post()
    {
        var client = await app.ClientAsync(AccountsFactory.Officer);
        (await client.GetAsync("/Account/Logout")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/Moderation")).StatusCode.Should().Be(HttpStatusCode.OK, "a GET does not sign anyone out");
        (await client.SubmitFormAsync("/", "form.si-header__signout")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/Moderation")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private Place Trust(Place place, DateOnly lastVerified)
    {
        place.OwnerOrganisationId = app.TrustId;
        place.LastVerifiedOn = lastVerified;
        return place;
    }
}

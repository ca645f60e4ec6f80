using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Accounts;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Accounts;

/// <summary>An administrator adds organisations and people; every answer too long for its column is named, not a 500.</summary>
public class AdministrationTests(AccountsFactory app) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task Adding_an_organisation_names_each_bad_answer_then_lists_it()
    {
        var admin = await app.ClientAsync(AccountsFactory.Admin);

        var refused = await admin.SubmitFormAsync("/Admin/Organisations", "main form",
            Forms.Values(("Name", "Becontree Bakers"), ("Kind", "99"), ("CharityNumber", new string('1', 21))));
        var added = await admin.SubmitFormAsync("/Admin/Organisations", "main form",
            Forms.Values(("Name", "Becontree Bakers"), ("Kind", "Vcfse"), ("CharityNumber", " 1234567 ")));

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await refused.ParseAsync()).ErrorLinks().Should().Equal(
            ("#Kind", "Choose the kind of organisation"),
            ("#CharityNumber", "Charity number must be 20 characters or fewer, like 1234567"));
        added.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = app.Database.CreateContext();
        (await db.Organisations.SingleAsync(o => o.Name == "Becontree Bakers")).CharityNumber.Should().Be("1234567");
    }

    [Fact]
    public async Task A_person_with_the_longest_name_and_email_allowed_can_be_added_and_their_changes_are_audited_in_full()
    {
        var admin = await app.ClientAsync(AccountsFactory.Admin);
        var name = "Ann " + new string('n', User.DisplayNameLength - 4);
        var email = new string('a', User.EmailLength - "@council.test".Length) + "@council.test";

        var tooLong = await admin.SubmitFormAsync("/Admin/Users/Edit", "main form", Forms.Values(
            ("DisplayName", name + "n"), ("Email", "x" + email), ("Role", Roles.CouncilOfficer), ("Password", app.Password)));
        var added = await admin.SubmitFormAsync("/Admin/Users/Edit", "main form", Forms.Values(
            ("DisplayName", name), ("Email", email), ("Role", Roles.CouncilOfficer), ("Password", app.Password)));

        (await tooLong.ParseAsync()).ErrorLinks().Should().Equal(
            ("#DisplayName", "Name must be 200 characters or fewer"),
            ("#Email", "Email address must be 256 characters or fewer"));
        added.StatusCode.Should().Be(HttpStatusCode.Redirect);
        // Signed in, their edit is saved and the history names them in full: name and email, 459 characters.
        var officer = await app.ClientAsync(email);
        (await officer.SubmitFormAsync($"/Places/Edit/{app.LibraryId}", "#place-form", Forms.Values(("Place.Capacity", "61"))))
            .StatusCode.Should().Be(HttpStatusCode.Redirect, app.ServerErrors.Latest);
        await using var db = app.Database.CreateContext();
        var changedBy = await db.AuditEntries.Where(a => a.EntityType == "Place" && a.EntityId == app.LibraryId.ToString())
            .OrderByDescending(a => a.ChangedAt).Select(a => a.ChangedBy).FirstAsync();
        changedBy.Should().Be($"{name} ({email})").And.HaveLength(459);
    }
}

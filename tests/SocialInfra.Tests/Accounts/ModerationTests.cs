using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Places;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Accounts;

/// <summary>VCFSE staff submit; the public sees nothing until an officer approves; a return carries its reason.</summary>
public class ModerationTests(AccountsFactory app) : IClassFixture<AccountsFactory>
{
    // Valence Library's recorded postcode and point (libraries-2016.csv).
    private const string ValencePostcode = "RM8 3HT";
    private const double ValenceLatitude = 51.558431;
    private const double ValenceLongitude = 0.133574;

    private static Dictionary<string, string[]> NewPlace(string name, string postcode) => Forms.Values(
        ("Place.Name", name), ("Place.CategorySlug", "community-centre"), ("Place.Ownership", "Community"),
        ("Place.Presence", "Physical"), ("Place.Postcode", postcode), ("Place.Address", "1 Test Road"),
        ("Place.OpeningHours", "Tuesdays 10am to 2pm"), ("Place.AccessibilityFeatures", "Step-free access"), ("Place.Capacity", "40"));

    [Fact]
    public async Task A_VCFSE_submission_by_postcode_stays_private_until_an_officer_approves_it()
    {
        var staff = await app.ClientAsync(AccountsFactory.Vcfse);
        var sent = await staff.SubmitFormAsync("/Places/Edit", "#place-form", NewPlace("Valence Youth Hub", "rm83ht"));
        sent.StatusCode.Should().Be(HttpStatusCode.Redirect);
        sent.Headers.Location!.ToString().Should().StartWith("/Submissions");

        // The submitter sees it waiting; the public sees nothing of it.
        var mine = await staff.GetDocumentAsync("/Submissions");
        var row = mine.QuerySelectorAll("#submissions tbody tr").Single(r => r.TextContent.Contains("Valence Youth Hub"));
        row.QuerySelector(".govuk-tag")!.TextContent.Should().Be("Waiting for review");
        var anonymous = await app.ClientAsync(null);
        (await anonymous.GetStringAsync("/api/places?q=Valence%20Youth")).Should().NotContain("Valence Youth Hub");
        (await anonymous.GetStringAsync("/Places?q=Valence+Youth")).Should().NotContain("Valence Youth Hub");
        await using (var db = app.Database.CreateContext())
        {
            (await db.Places.AnyAsync(p => p.Name == "Valence Youth Hub")).Should().BeFalse();
        }

        // The officer's queue lists it; approving publishes it at the postcode's point, held by the trust.
        var officer = await app.ClientAsync(AccountsFactory.Officer);
        var queue = await officer.GetDocumentAsync("/Moderation");
        queue.QuerySelectorAll("#submissions tbody tr").Should().Contain(r => r.TextContent.Contains("Valence Youth Hub") && r.TextContent.Contains(AccountsFactory.TrustName));
        var submission = await app.SubmissionAsync("Valence Youth Hub");
        var review = await officer.GetDocumentAsync($"/Moderation/Review/{submission.Id}");
        review.QuerySelector("#versions tr[data-field='Postcode'] td:last-child")!.TextContent.Should().Be(ValencePostcode);
        var approved = await officer.SubmitAsync(review, $"/Moderation/Review/{submission.Id}", "form[action*='handler=Approve']");
        approved.StatusCode.Should().Be(HttpStatusCode.Redirect);

        await using (var db = app.Database.CreateContext())
        {
            var place = await db.Places.SingleAsync(p => p.Name == "Valence Youth Hub");
            place.Location!.Y.Should().BeApproximately(ValenceLatitude, 1e-6);
            place.Location.X.Should().BeApproximately(ValenceLongitude, 1e-6);
            place.OwnerOrganisationId.Should().Be(app.TrustId);
            place.Capacity.Should().Be(40);
            place.AccessibilityFeatures.Should().Equal("Step-free access");
            place.Provenance.RecordedBy.Should().Contain("Val Volunteer");
            approved.Headers.Location!.ToString().Should().Be($"/Places/{place.Id}");
            (await db.AuditEntries.AnyAsync(a => a.EntityType == "Place" && a.EntityId == place.Id.ToString() && a.ChangedBy.Contains("Olu Officer"))).Should().BeTrue();
        }
        (await anonymous.GetStringAsync("/api/places?q=Valence%20Youth")).Should().Contain("Valence Youth Hub");
        var status = (await staff.GetDocumentAsync("/Submissions")).QuerySelectorAll("#submissions tbody tr").Single(r => r.TextContent.Contains("Valence Youth Hub"));
        status.QuerySelector(".govuk-tag")!.TextContent.Should().Be("Published");
    }

    [Fact]
    public async Task A_returned_submission_shows_the_reason_and_can_be_sent_again()
    {
        var staff = await app.ClientAsync(AccountsFactory.Vcfse);
        (await staff.SubmitFormAsync("/Places/Edit", "#place-form", NewPlace("Returned Garden", ValencePostcode))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var submission = await app.SubmissionAsync("Returned Garden");
        var officer = await app.ClientAsync(AccountsFactory.Officer);
        var reviewUrl = $"/Moderation/Review/{submission.Id}";

        var noReason = await officer.SubmitFormAsync(reviewUrl, "form[action*='handler=Return']");
        noReason.StatusCode.Should().Be(HttpStatusCode.OK);
        (await noReason.ParseAsync()).ErrorSummary().Should().Equal("Enter the reason, so the submitter knows what to change");
        var essay = await officer.SubmitFormAsync(reviewUrl, "form[action*='handler=Return']", Forms.Values(("Reason", new string('r', 2001))));
        (await essay.ParseAsync()).ErrorSummary().Should().Equal("Reason must be 2,000 characters or fewer");

        var returned = await officer.SubmitFormAsync(reviewUrl, "form[action*='handler=Return']", Forms.Values(("Reason", "Please add the opening hours for weekends.")));
        returned.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var row = (await staff.GetDocumentAsync("/Submissions")).QuerySelectorAll("#submissions tbody tr").Single(r => r.TextContent.Contains("Returned Garden"));
        row.QuerySelector(".govuk-tag")!.TextContent.Should().Be("Returned");
        row.TextContent.Should().Contain("Please add the opening hours for weekends.");

        var form = await staff.GetDocumentAsync($"/Places/Edit?submission={submission.Id}");
        form.QuerySelector("#return-reason")!.TextContent.Should().Contain("Please add the opening hours for weekends.");
        var again = await staff.SubmitAsync(form, $"/Places/Edit?submission={submission.Id}", "#place-form", Forms.Values(("Place.OpeningHours", "Tue 10-2, Sat 9-12")));
        again.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var resent = await app.SubmissionAsync("Returned Garden");
        resent.Id.Should().Be(submission.Id, "a returned submission is changed and sent again, not duplicated");
        resent.Status.Should().Be(SubmissionStatus.Pending);
        resent.Draft.OpeningHours.Should().Be("Tue 10-2, Sat 9-12");
    }

    [Fact]
    public async Task A_VCFSE_change_to_a_published_place_leaves_the_public_version_until_approved()
    {
        var staff = await app.ClientAsync(AccountsFactory.Vcfse);
        var edit = await staff.GetDocumentAsync($"/Places/Edit/{app.TrustPlaceId}");
        var sent = await staff.SubmitAsync(edit, $"/Places/Edit/{app.TrustPlaceId}", "#place-form", Forms.Values(("Place.Name", "Trust Hall and Garden")));
        sent.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var anonymous = await app.ClientAsync(null);
        var page = await anonymous.GetDocumentAsync($"/Places/{app.TrustPlaceId}");
        page.QuerySelector("h1")!.TextContent.Should().Be(AccountsFactory.TrustPlaceName);
        var ownView = await staff.GetDocumentAsync($"/Places/{app.TrustPlaceId}");
        ownView.QuerySelector("#pending-changes")!.TextContent.Should().Contain("waiting for a council officer's review");

        // Opening the form again carries on with the waiting change.
        var again = await staff.GetAsync($"/Places/Edit/{app.TrustPlaceId}");
        again.StatusCode.Should().Be(HttpStatusCode.Redirect);
        again.Headers.Location!.ToString().Should().Contain("submission=");

        var officer = await app.ClientAsync(AccountsFactory.Officer);
        var submission = await app.SubmissionAsync("Trust Hall and Garden");
        var review = await officer.GetDocumentAsync($"/Moderation/Review/{submission.Id}");
        var nameRow = review.QuerySelector("#versions tr[data-field='Name']")!;
        nameRow.QuerySelectorAll("td").Select(c => c.TextContent).Should().Equal(AccountsFactory.TrustPlaceName, "Trust Hall and Garden");
        nameRow.TextContent.Should().Contain("Changed");
        (await officer.SubmitAsync(review, $"/Moderation/Review/{submission.Id}", "form[action*='handler=Approve']")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await anonymous.GetDocumentAsync($"/Places/{app.TrustPlaceId}")).QuerySelector("h1")!.TextContent.Should().Be("Trust Hall and Garden");
        await using var db = app.Database.CreateContext();
        (await db.Services.Where(s => s.Id == app.TrustServiceId).SelectMany(s => s.DeliveredAt).AnyAsync(p => p.Id == app.TrustPlaceId))
            .Should().BeTrue("the trust's service still runs there");
    }

    [Fact]
    public async Task Approving_over_a_place_changed_since_it_was_sent_needs_the_officer_to_confirm()
    {
        var staff = await app.ClientAsync(AccountsFactory.Vcfse);
        var placeId = await app.Database.AddAsync(OwnedByTrust(Build.Place("Conflict Corner", 0.1450, 51.5450)));
        (await staff.SubmitFormAsync($"/Places/Edit/{placeId}", "#place-form", Forms.Values(("Place.OpeningHours", "Mondays")))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var officer = await app.ClientAsync(AccountsFactory.Officer);
        (await officer.SubmitFormAsync($"/Places/Edit/{placeId}", "#place-form", Forms.Values(("Place.Capacity", "75")))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var submission = await app.SubmissionAsync("Conflict Corner");
        var reviewUrl = $"/Moderation/Review/{submission.Id}";
        var review = await officer.GetDocumentAsync(reviewUrl);
        review.QuerySelector("#place-changed")!.TextContent.Should().Contain("has changed since this was sent");
        review.QuerySelector("#versions tr[data-field='Capacity']")!.QuerySelectorAll("td").Select(c => c.TextContent).Should().Equal("75", "");

        var refused = await officer.SubmitAsync(review, reviewUrl, "form[action*='handler=Approve']");
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.ParseAsync()).ErrorSummary().Should().Equal("The place has changed since this was sent. Compare the versions, then confirm you want to approve it anyway, or return it");

        var approved = await officer.SubmitFormAsync(reviewUrl, "form[action*='handler=Approve']", Forms.Values(("ApproveOverChanges", "true")));
        approved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = app.Database.CreateContext();
        var place = await db.Places.SingleAsync(p => p.Id == placeId);
        place.OpeningHours.Should().Be("Mondays");
    }

    [Fact]
    public async Task Officers_publish_at_once()
    {
        var officer = await app.ClientAsync(AccountsFactory.Officer);
        var sent = await officer.SubmitFormAsync("/Places/Edit", "#place-form", Forms.Values(
            ("Place.Name", "Officer Pop-up"), ("Place.CategorySlug", "market"), ("Place.Ownership", "Public"),
            ("Place.Presence", "Physical"), ("Place.Latitude", "51.5400"), ("Place.Longitude", "0.1400"),
            ("Place.Permanence", "ShortLived"),
            ("Place.StartsOn.Day", "1"), ("Place.StartsOn.Month", "6"), ("Place.StartsOn.Year", "2026"),
            ("Place.EndsOn.Day", "31"), ("Place.EndsOn.Month", "8"), ("Place.EndsOn.Year", "2026")));
        sent.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var anonymous = await app.ClientAsync(null);
        var page = await anonymous.GetDocumentAsync(sent.Headers.Location!.ToString());
        page.QuerySelector("h1")!.TextContent.Should().Be("Officer Pop-up");
        page.QuerySelector("#place-attributes")!.TextContent.Should().Contain("Short-lived from 1 June 2026 until 31 August 2026");
        await using var db = app.Database.CreateContext();
        (await db.PlaceSubmissions.AnyAsync(s => s.Name == "Officer Pop-up")).Should().BeFalse();
    }

    private Place OwnedByTrust(Place place)
    {
        place.OwnerOrganisationId = app.TrustId;
        place.ChangeActivity(Activity.Active, null);
        return place;
    }
}

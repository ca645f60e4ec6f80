using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Places;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Accounts;

/// <summary>The place form names each problem and keeps what was typed; two editors never overwrite each other unseen.</summary>
public class PlaceFormTests(AccountsFactory app) : IClassFixture<AccountsFactory>
{
    private static Dictionary<string, string[]> Valid(params (string, string)[] changes)
    {
        var values = Forms.Values(("Place.Name", "Form Test Centre"), ("Place.CategorySlug", "community-centre"), ("Place.Ownership", "Community"),
            ("Place.Presence", "Physical"), ("Place.Latitude", "51.5400"), ("Place.Longitude", "0.1400"));
        foreach (var (name, value) in changes)
        {
            values[name] = [value];
        }
        return values;
    }

    [Fact]
    public async Task A_point_outside_the_borough_and_an_end_before_the_start_are_named_in_the_summary()
    {
        var officer = await app.ClientAsync(AccountsFactory.Officer);
        // Trafalgar Square: in London, not in Barking and Dagenham.
        var response = await officer.SubmitFormAsync("/Places/Edit", "#place-form", Valid(
            ("Place.Latitude", "51.5080"), ("Place.Longitude", "-0.1281"),
            ("Place.StartsOn.Day", "10"), ("Place.StartsOn.Month", "5"), ("Place.StartsOn.Year", "2026"),
            ("Place.EndsOn.Day", "9"), ("Place.EndsOn.Month", "5"), ("Place.EndsOn.Year", "2026")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.ErrorLinks().Should().BeEquivalentTo(new[]
        {
            ("#Place_EndsOn_Day", "End date must be the same as or after the start date (10 May 2026)"),
            ("#Place_Latitude", "The point (51.508, -0.1281) is outside Barking and Dagenham. Pick a point inside the borough"),
        });
        page.QuerySelector("title")!.TextContent.Should().StartWith("Error: ");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Place_Name")!.Value.Should().Be("Form Test Centre", "what was typed is kept");
        page.QuerySelector("#Place_EndsOn-error")!.TextContent.Should().Contain("End date must be the same as or after the start date");
        await using var db = app.Database.CreateContext();
        (await db.Places.AnyAsync(p => p.Name == "Form Test Centre")).Should().BeFalse();
    }

    [Fact]
    public async Task A_web_address_or_note_too_long_to_keep_is_named_and_nothing_is_saved()
    {
        var officer = await app.ClientAsync(AccountsFactory.Officer);
        var response = await officer.SubmitFormAsync("/Places/Edit", "#place-form", Valid(
            ("Place.Name", "Long Notes Hall"), ("Place.Url", "https://example.org/" + new string('a', 481)), ("Place.ActivityNote", new string('n', 1001))));

        (await response.ParseAsync()).ErrorLinks().Should().BeEquivalentTo(new[]
        {
            ("#Place_Url", "Web address must be 500 characters or fewer"),
            ("#Place_ActivityNote", "Note must be 1,000 characters or fewer"),
        });
        await using var db = app.Database.CreateContext();
        (await db.Places.AnyAsync(p => p.Name == "Long Notes Hall")).Should().BeFalse();
    }

    [Fact]
    public async Task Missing_and_unreadable_fields_are_each_named()
    {
        var officer = await app.ClientAsync(AccountsFactory.Officer);
        var response = await officer.SubmitFormAsync("/Places/Edit", "#place-form", Valid(
            ("Place.Name", " "), ("Place.CategorySlug", ""), ("Place.Capacity", "lots"), ("Place.Latitude", ""), ("Place.Longitude", ""),
            ("Place.Postcode", "ZZ99 9ZZ"), ("Place.StartsOn.Day", "31"), ("Place.StartsOn.Month", "2"), ("Place.StartsOn.Year", "2026"),
            ("Place.Url", "javascript:alert(1)")));

        (await response.ParseAsync()).ErrorSummary().Should().BeEquivalentTo(
            "Enter the name of the place",
            "Choose the kind of place",
            "Capacity must be a whole number of people, like 120",
            "Start date must be a real date, like 27 3 2024",
            "Web address must start with https:// or http://, like https://example.org",
            "We could not find ZZ99 9ZZ in the postcode directory or among the borough's places. Pick the point on the map instead");
    }

    [Fact]
    public async Task A_digital_space_needs_the_wards_it_serves_and_gets_no_point()
    {
        var officer = await app.ClientAsync(AccountsFactory.Officer);
        var noWards = await officer.SubmitFormAsync("/Places/Edit", "#place-form", Valid(("Place.Presence", "Digital"), ("Place.Name", "Online Hub")));
        (await noWards.ParseAsync()).ErrorLinks().Should().Equal(("#Place_WardIds-0", "Choose at least one ward that this digital space serves"));

        var form = await officer.GetDocumentAsync("/Places/Edit");
        var abbey = form.QuerySelectorAll("input[name='Place.WardIds']").Single(i => form.QuerySelector($"label[for='{i.Id}']")!.TextContent == "Abbey").GetAttribute("value")!;
        var saved = await officer.SubmitAsync(form, "/Places/Edit", "#place-form", Valid(("Place.Presence", "Digital"), ("Place.Name", "Online Hub"), ("Place.WardIds", abbey), ("Place.Url", "https://hub.example.org")));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = app.Database.CreateContext();
        var hub = await db.Places.Include(p => p.WardsServed).SingleAsync(p => p.Name == "Online Hub");
        hub.Location.Should().BeNull();
        hub.Presence.Should().Be(Presence.Digital);
        hub.WardsServed.Select(w => w.Name).Should().Equal("Abbey");
    }

    [Fact]
    public async Task Going_dormant_keeps_the_history_and_a_date_before_the_current_period_is_refused()
    {
        var officer = await app.ClientAsync(AccountsFactory.Officer);
        var place = Build.Place("Shape Shifter Hall", 0.1420, 51.5420);
        place.ChangeActivity(Activity.Active, new DateOnly(2024, 1, 1));
        var id = await app.Database.AddAsync(place);

        var tooEarly = await officer.SubmitFormAsync($"/Places/Edit/{id}", "#place-form", Forms.Values(
            ("Place.Activity", "Dormant"), ("Place.ActivitySince.Day", "1"), ("Place.ActivitySince.Month", "6"), ("Place.ActivitySince.Year", "2023")));
        (await tooEarly.ParseAsync()).ErrorSummary().Should().Equal("The date it became dormant must be on or after 1 January 2024, when it became active");

        var dormant = await officer.SubmitFormAsync($"/Places/Edit/{id}", "#place-form", Forms.Values(
            ("Place.Activity", "Dormant"), ("Place.ActivitySince.Day", "1"), ("Place.ActivitySince.Month", "9"), ("Place.ActivitySince.Year", "2026"),
            ("Place.ActivityNote", "Roof repairs")));
        dormant.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = app.Database.CreateContext();
        var periods = await db.ActivityPeriods.Where(p => p.PlaceId == id).OrderBy(p => p.StartsOn).ToListAsync();
        periods.Select(p => (p.Activity, p.StartsOn, p.EndsOn, p.Note)).Should().Equal(
            (Activity.Active, new DateOnly(2024, 1, 1), new DateOnly(2026, 9, 1), null),
            (Activity.Dormant, new DateOnly(2026, 9, 1), null, "Roof repairs"));
    }

    [Fact]
    public async Task The_second_of_two_officers_editing_a_place_gets_a_conflict_page_with_both_versions()
    {
        var id = await app.Database.AddAsync(Build.Place("Contested Hall", 0.1430, 51.5430));
        var first = await app.ClientAsync(AccountsFactory.Officer);
        var second = await app.ClientAsync(AccountsFactory.Admin);
        var firstForm = await first.GetDocumentAsync($"/Places/Edit/{id}");
        var secondForm = await second.GetDocumentAsync($"/Places/Edit/{id}");

        (await first.SubmitAsync(firstForm, $"/Places/Edit/{id}", "#place-form", Forms.Values(("Place.OpeningHours", "Weekdays 9 to 5")))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var conflict = await second.SubmitAsync(secondForm, $"/Places/Edit/{id}", "#place-form", Forms.Values(("Place.OpeningHours", "Weekends only")));

        conflict.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var page = await conflict.ParseAsync();
        page.QuerySelector("#conflict")!.TextContent.Should().Contain("Someone else changed this while you were editing").And.Contain("Olu Officer");
        page.QuerySelector("#versions tr[data-field='Opening hours']")!.QuerySelectorAll("td").Select(c => c.TextContent)
            .Should().Equal("Weekdays 9 to 5", "Weekends only");
        await using (var db = app.Database.CreateContext())
        {
            (await db.Places.SingleAsync(p => p.Id == id)).OpeningHours.Should().Be("Weekdays 9 to 5", "nothing is silently overwritten");
        }

        // The form now holds the second officer's values over the current version: saving again is a deliberate choice.
        (await second.SubmitAsync(page, $"/Places/Edit/{id}", "#place-form")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using (var db = app.Database.CreateContext())
        {
            (await db.Places.SingleAsync(p => p.Id == id)).OpeningHours.Should().Be("Weekends only");
        }
    }

    [Fact]
    public async Task The_place_page_shows_its_change_history_with_who_only_to_signed_in_staff()
    {
        var id = await app.Database.AddAsync(Build.Place("History House", 0.1440, 51.5440));
        var officer = await app.ClientAsync(AccountsFactory.Officer);
        (await officer.SubmitFormAsync($"/Places/Edit/{id}", "#place-form", Forms.Values(("Place.Name", "History House Annexe")))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var staffView = await officer.GetDocumentAsync($"/Places/{id}");
        var newest = staffView.QuerySelector("#change-history tbody tr")!;
        newest.TextContent.Should().Contain("Details changed").And.Contain("Olu Officer");
        newest.QuerySelector("details")!.TextContent.Should().Contain("History House → History House Annexe");
        staffView.QuerySelectorAll("#change-history tbody tr").Last().TextContent.Should().Contain("Place added");

        var publicView = await (await app.ClientAsync(null)).GetDocumentAsync($"/Places/{id}");
        publicView.QuerySelector("#change-history")!.TextContent.Should().Contain("Details changed").And.NotContain("Olu Officer").And.NotContain("officer@council.test");
    }
}

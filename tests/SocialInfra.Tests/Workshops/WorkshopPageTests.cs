using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using FluentAssertions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialInfra.Accounts;
using SocialInfra.Places;
using SocialInfra.Tests.Infrastructure;
using SocialInfra.Workshops;
using Xunit;

namespace SocialInfra.Tests.Workshops;

/// <summary>Workshops through the web app, over the demo borough, with real sign-ins and participants' cookies.</summary>
public class WorkshopPageTests(AccountsFactory app) : IClassFixture<AccountsFactory>
{
    private const string Abbey = "E05000026", Alibon = "E05000027", Becontree = "E05000028";
    private const string OtherFacilitator = "other.facilitator@council.test";

    /// <summary>A facilitator's new workshop over Abbey and Alibon, set up through the form; its id and code.</summary>
    private async Task<(Guid Id, string Code)> CreateAsync(string title = "Abbey and Alibon evening", string dots = "3")
    {
        var facilitator = await app.ClientAsync(AccountsFactory.Facilitator);
        var response = await facilitator.SubmitFormAsync("/Workshops/Create", "main form",
            Forms.Values(("Title", title), ("WardCodes", Abbey), ("WardCodes", Alibon), ("DotBudget", dots)));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        await using var db = app.Database.CreateContext();
        return (id, await db.WorkshopSessions.Where(s => s.Id == id).Select(s => s.Code).SingleAsync());
    }

    /// <summary>A phone that has joined the workshop by its join form.</summary>
    private async Task<HttpClient> JoinAsync(string code, string name)
    {
        var phone = await app.ClientAsync(null);
        var response = await phone.SubmitFormAsync($"/join?code={code}", "main form", Forms.Values(("DisplayName", name)));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be($"/Workshops/Room/{code}");
        return phone;
    }

    /// <summary>A point inside the ward (PostGIS's point on surface).</summary>
    private async Task<(double Lat, double Lon)> InsideAsync(string ward)
    {
        await using var db = app.Database.CreateContext();
        var point = await db.Wards.Where(w => w.Code == ward).OrderByDescending(w => w.BoundaryYear).Select(w => w.Boundary.PointOnSurface).FirstAsync();
        return (point.Y, point.X);
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient phone, string code, HttpMethod method, string url, object body)
    {
        var page = await phone.GetDocumentAsync($"/Workshops/Room/{code}");
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value);
        return await phone.SendAsync(request);
    }

    [Fact]
    public async Task The_set_up_form_names_each_missing_answer()
    {
        var facilitator = await app.ClientAsync(AccountsFactory.Facilitator);

        var response = await facilitator.SubmitFormAsync("/Workshops/Create", "main form", Forms.Values(("DotBudget", "50")));

        var page = await response.ParseAsync();
        page.ErrorLinks().Should().Equal(
            ("#Title", "Enter a title for the workshop"),
            ("#WardCodes-0", "Choose at least one ward"),
            ("#DotBudget", "Dots for each participant must be a whole number from 1 to 20"));
        page.Title.Should().StartWith("Error: ");
    }

    [Fact]
    public async Task A_participant_joins_without_an_account_adds_a_place_and_a_note_and_votes_without_javascript()
    {
        var (_, code) = await CreateAsync();
        var phone = await JoinAsync(code, "Sam <b>");
        var (lat, lon) = await InsideAsync(Abbey);
        var room = $"/Workshops/Room/{code}";

        var page = await phone.GetDocumentAsync(room);
        page.QuerySelector("#you")!.InnerHtml.Should().Be("Sam &lt;b&gt;");
        var added = await phone.SubmitAsync(page, room, "#place-form", Forms.Values(
            ("Input.Text", "Abbey Youth Shed"), ("Input.CategorySlug", "community-centre"), ("Input.Latitude", Number(lat)), ("Input.Longitude", Number(lon))));
        added.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var noted = await phone.SubmitFormAsync(room, "#note-form", Forms.Values(("Input.Text", "Somewhere warm after school"), ("Input.WardCode", Alibon)));
        noted.StatusCode.Should().Be(HttpStatusCode.Redirect);

        page = await phone.GetDocumentAsync(room);
        page.QuerySelector(".govuk-notification-banner")!.TextContent.Should().Contain("Added to the map: Somewhere warm after school");
        var items = page.QuerySelectorAll("#contributions .si-contribution").ToList();
        items.Select(i => i.QuerySelector(".si-contribution__headline")!.TextContent).Should().BeEquivalentTo("Abbey Youth Shed", "Somewhere warm after school");
        items.Select(i => i.QuerySelector(".si-contribution__meta")!.TextContent.Trim()).Should().BeEquivalentTo(
            "Community centre · Abbey · added by Sam <b>", "Alibon · added by Sam <b>");

        var shed = items.Single(i => i.TextContent.Contains("Abbey Youth Shed"));
        var vote = await phone.SubmitAsync(page, room, $"#{shed.Id} .si-vote-form");
        vote.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page = await phone.GetDocumentAsync(room);
        page.QuerySelector("#dots-left")!.TextContent.Should().Be("You have 2 of 3 dots left");
        page.QuerySelector($"#{shed.Id} .si-dot-count")!.TextContent.Should().Be("1 dot");
        page.QuerySelector(".govuk-notification-banner")!.TextContent.Should().Contain("You have 1 dot on Abbey Youth Shed; 2 left");
    }

    [Fact]
    public async Task A_contribution_outside_the_workshops_wards_is_refused_with_its_field_named()
    {
        var (_, code) = await CreateAsync();
        var phone = await JoinAsync(code, "Sam");
        var (lat, lon) = await InsideAsync(Becontree);
        var room = $"/Workshops/Room/{code}";

        var response = await phone.SubmitFormAsync(room, "#place-form", Forms.Values(
            ("Input.Text", "Far Hall"), ("Input.CategorySlug", ""), ("Input.Latitude", Number(lat)), ("Input.Longitude", Number(lon))));

        var page = await response.ParseAsync();
        page.ErrorLinks().Should().Equal(
            ("#place-CategorySlug", "Choose what kind of place it is"),
            ("#place-Postcode", "That point is outside this workshop's wards (Abbey, Alibon)"));
        page.QuerySelector<IHtmlInputElement>("#place-Text")!.Value.Should().Be("Far Hall", "what was typed is kept");
    }

    [Fact]
    public async Task A_contribution_with_a_NUL_in_its_text_or_ward_is_refused_as_bad_input_not_a_server_error()
    {
        var (_, code) = await CreateAsync();
        var phone = await JoinAsync(code, "Nia");

        var inText = await SendAsync(phone, code, HttpMethod.Post, $"/api/workshops/{code}/contributions",
            new { clientId = Guid.NewGuid(), kind = "GapNote", text = "More\0benches", wardCode = Abbey });
        var inWard = await SendAsync(phone, code, HttpMethod.Post, $"/api/workshops/{code}/contributions",
            new { clientId = Guid.NewGuid(), kind = "GapNote", text = "Benches", wardCode = "E05\0" });

        inText.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await inText.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("text")[0].GetString()
            .Should().Be("Remove the NUL character (U+0000): it cannot be stored");
        inWard.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await inWard.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString()
            .Should().Be("Text that cannot be stored", "PostgreSQL's refusal of the ward code is answered as bad input");
        JsonDocument.Parse(await phone.GetStringAsync($"/api/workshops/{code}")).RootElement.GetProperty("contributions").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task The_api_keeps_a_contribution_sent_twice_once_and_refuses_dots_over_the_budget()
    {
        var (_, code) = await CreateAsync(dots: "2");
        var phone = await JoinAsync(code, "Kim");
        var clientId = Guid.NewGuid();
        var note = new { clientId, kind = "GapNote", text = "More benches", wardCode = Abbey };

        var first = await SendAsync(phone, code, HttpMethod.Post, $"/api/workshops/{code}/contributions", note);
        var again = await SendAsync(phone, code, HttpMethod.Post, $"/api/workshops/{code}/contributions", note);
        first.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid().Should().Be(id);

        var benches = await SendAsync(phone, code, HttpMethod.Post, $"/api/workshops/{code}/contributions", new { clientId = Guid.NewGuid(), kind = "GapNote", text = "Benches", wardCode = Alibon });
        var benchesId = JsonDocument.Parse(await benches.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        (await SendAsync(phone, code, HttpMethod.Put, $"/api/workshops/{code}/votes/{benchesId}", new { dots = 1 })).StatusCode.Should().Be(HttpStatusCode.OK);
        var over = await SendAsync(phone, code, HttpMethod.Put, $"/api/workshops/{code}/votes/{id}", new { dots = 2 });
        var one = await SendAsync(phone, code, HttpMethod.Put, $"/api/workshops/{code}/votes/{id}", new { dots = 1 });

        over.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await over.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("errors").GetProperty("dots")[0].GetString().Should().Be("You have 2 dots and 1 are on other contributions, so you can put at most 1 here");
        one.StatusCode.Should().Be(HttpStatusCode.OK);
        var state = JsonDocument.Parse(await phone.GetStringAsync($"/api/workshops/{code}")).RootElement;
        state.GetProperty("dotsLeft").GetInt32().Should().Be(0);
        state.GetProperty("contributions").EnumerateArray().Select(c => c.GetProperty("dots").GetInt32()).Should().Equal(1, 1);
        await using var db = app.Database.CreateContext();
        (await db.Contributions.CountAsync(c => c.ClientId == clientId)).Should().Be(1);
        (await db.AuditEntries.AnyAsync(a => a.EntityType == "Contribution" && a.ChangedBy == $"Kim (workshop {code} participant)")).Should().BeTrue();
    }

    [Fact]
    public async Task A_participant_cannot_see_or_act_on_another_workshop()
    {
        var (_, mine) = await CreateAsync("Mine");
        var (_, theirs) = await CreateAsync("Theirs");
        var stranger = await JoinAsync(theirs, "Tess");
        var tessNote = await SendAsync(stranger, theirs, HttpMethod.Post, $"/api/workshops/{theirs}/contributions",
            new { clientId = Guid.NewGuid(), kind = "GapNote", text = "Theirs only", wardCode = Abbey });
        var theirNote = JsonDocument.Parse(await tessNote.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var phone = await JoinAsync(mine, "Sam");
        var token = (await phone.GetDocumentAsync($"/Workshops/Room/{mine}")).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        var page = await phone.GetAsync($"/Workshops/Room/{theirs}");
        var state = await phone.GetAsync($"/api/workshops/{theirs}");
        var wards = await phone.GetAsync($"/api/workshops/{theirs}/wards");
        var add = new HttpRequestMessage(HttpMethod.Post, $"/api/workshops/{theirs}/contributions")
        {
            Content = JsonContent.Create(new { clientId = Guid.NewGuid(), kind = "GapNote", text = "Sneaky", wardCode = Abbey }),
        };
        add.Headers.Add("RequestVerificationToken", token);
        var added = await phone.SendAsync(add);
        var voteThere = new HttpRequestMessage(HttpMethod.Put, $"/api/workshops/{mine}/votes/{theirNote}") { Content = JsonContent.Create(new { dots = 1 }) };
        voteThere.Headers.Add("RequestVerificationToken", token);
        var voted = await phone.SendAsync(voteThere);
        var noToken = await phone.PostAsJsonAsync($"/api/workshops/{mine}/contributions", new { clientId = Guid.NewGuid(), kind = "GapNote", text = "No token", wardCode = Abbey });

        page.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.Should().MatchRegex($"(?i)/join\\?code={theirs}$");
        state.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        wards.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        added.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        voted.StatusCode.Should().Be(HttpStatusCode.NotFound, "a contribution of another workshop is not found in this one");
        noToken.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await using var db = app.Database.CreateContext();
        (await db.Contributions.CountAsync(c => c.Text == "Sneaky" || c.Text == "No token")).Should().Be(0);
        (await db.Votes.CountAsync(v => v.ContributionId == theirNote)).Should().Be(0);
    }

    [Fact]
    public async Task Only_the_facilitator_who_runs_a_workshop_manages_it_and_officers_read_its_record()
    {
        var (id, _) = await CreateAsync();
        foreach (var (email, console, record) in new[]
        {
            (AccountsFactory.Facilitator, HttpStatusCode.OK, HttpStatusCode.OK),
            (AccountsFactory.Admin, HttpStatusCode.OK, HttpStatusCode.OK),
            (AccountsFactory.Officer, HttpStatusCode.Forbidden, HttpStatusCode.OK),
            (AccountsFactory.Vcfse, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        })
        {
            var client = await app.ClientAsync(email);
            (await client.GetAsync($"/Workshops/Session/{id}")).StatusCode.Should().Be(console, email);
            (await client.GetAsync($"/Workshops/Projector/{id}")).StatusCode.Should().Be(console, email);
            (await client.GetAsync($"/Workshops/Report/{id}")).StatusCode.Should().Be(record, email);
            (await client.GetAsync($"/Workshops/Report/{id}?handler=Csv")).StatusCode.Should().Be(record, email);
        }
        // Another facilitator may not run, or act on, someone else's workshop.
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            if (await users.FindByEmailAsync(OtherFacilitator) is null)
            {
                var user = new User { UserName = OtherFacilitator, Email = OtherFacilitator, EmailConfirmed = true, DisplayName = "Fred Facilitator" };
                (await users.CreateAsync(user, app.Password)).Succeeded.Should().BeTrue();
                (await users.AddToRoleAsync(user, Roles.Facilitator)).Succeeded.Should().BeTrue();
            }
        }
        var other = await app.ClientAsync(OtherFacilitator);
        (await other.GetAsync($"/Workshops/Session/{id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await other.GetAsync($"/Workshops/Report/{id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var token = (await other.GetDocumentAsync("/Workshops/Create")).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var lockIt = await other.PostAsync($"/Workshops/Session/{id}?handler=Lock", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["locked"] = "true", ["__RequestVerificationToken"] = token }));
        lockIt.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await other.GetDocumentAsync("/Workshops")).QuerySelector("#workshops-table").Should().BeNull("a facilitator sees only their own workshops");
        await using (var db = app.Database.CreateContext())
        {
            (await db.WorkshopSessions.SingleAsync(s => s.Id == id)).State.Should().Be(WorkshopState.Open);
        }

        var anonymous = await app.ClientAsync(null);
        (await anonymous.GetAsync($"/Workshops/Session/{id}")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await anonymous.GetAsync("/Workshops/Create")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await (await app.ClientAsync(AccountsFactory.Officer)).GetAsync("/Workshops/Create")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_facilitator_hides_merges_edits_locks_and_ends_and_the_places_reach_the_moderation_queue()
    {
        var (id, code) = await CreateAsync("Full evening");
        var sam = await JoinAsync(code, "Sam");
        var kim = await JoinAsync(code, "Kim");
        var (lat, lon) = await InsideAsync(Abbey);
        async Task<Guid> AddAsync(HttpClient phone, object body) =>
            JsonDocument.Parse(await (await SendAsync(phone, code, HttpMethod.Post, $"/api/workshops/{code}/contributions", body)).Content.ReadAsStringAsync())
                .RootElement.GetProperty("id").GetGuid();
        var shed = await AddAsync(sam, new { clientId = Guid.NewGuid(), kind = "MissingPlace", text = "Abbey Youth Shd", categorySlug = "community-centre", latitude = lat, longitude = lon });
        var youth = await AddAsync(sam, new { clientId = Guid.NewGuid(), kind = "GapNote", text = "A youth club", wardCode = Abbey });
        var teens = await AddAsync(kim, new { clientId = Guid.NewGuid(), kind = "GapNote", text = "Somewhere for teenagers", wardCode = Abbey });
        var rude = await AddAsync(kim, new { clientId = Guid.NewGuid(), kind = "GapNote", text = "Something rude", wardCode = Alibon });
        await SendAsync(kim, code, HttpMethod.Put, $"/api/workshops/{code}/votes/{teens}", new { dots = 2 });
        await SendAsync(sam, code, HttpMethod.Put, $"/api/workshops/{code}/votes/{shed}", new { dots = 3 });
        var facilitator = await app.ClientAsync(AccountsFactory.Facilitator);
        var console = $"/Workshops/Session/{id}";

        (await facilitator.SubmitFormAsync(console, $"#row-{rude} form")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = await facilitator.GetDocumentAsync(console);
        var from = page.QuerySelectorAll<IHtmlOptionElement>("#merge-from option").Single(o => o.Value.StartsWith(teens.ToString())).Value;
        (await facilitator.SubmitAsync(page, console, "#merge-form", Forms.Values(("from", from), ("into", youth.ToString())))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var edit = $"/Workshops/Contribution/{id}/{shed}";
        (await facilitator.SubmitFormAsync(edit, "main form", Forms.Values(("Text", "Abbey Youth Shed")))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await facilitator.SubmitFormAsync(console, "#lock-form")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var locked = await SendAsync(sam, code, HttpMethod.Post, $"/api/workshops/{code}/contributions", new { clientId = Guid.NewGuid(), kind = "GapNote", text = "Late", wardCode = Abbey });
        locked.StatusCode.Should().Be(HttpStatusCode.Conflict);

        page = await facilitator.GetDocumentAsync(console);
        page.QuerySelector("#console-counts")!.TextContent.Should().Be("2 participants have joined. 2 shown, 1 hidden, 1 merged; 5 dots placed.");
        var state = JsonDocument.Parse(await kim.GetStringAsync($"/api/workshops/{code}")).RootElement;
        state.GetProperty("contributions").EnumerateArray().Select(c => (c.GetProperty("text").GetString(), c.GetProperty("dots").GetInt32()))
            .Should().Equal(("Abbey Youth Shed", 3), ("A youth club", 2));
        state.GetProperty("yourDots").GetProperty(youth.ToString()).GetInt32().Should().Be(2, "Kim's dots moved with the merge");

        (await facilitator.SubmitFormAsync(console, "#end-form")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var officer = await app.ClientAsync(AccountsFactory.Officer);
        var queue = await officer.GetDocumentAsync("/Moderation");
        queue.Body!.TextContent.Should().Contain("Abbey Youth Shed");
        await using var db = app.Database.CreateContext();
        var submission = await db.PlaceSubmissions.SingleAsync(s => s.Name == "Abbey Youth Shed");
        submission.Status.Should().Be(SubmissionStatus.Pending);
        submission.SubmittedByName.Should().Be($"Fay Facilitator, workshop {code}");
        (await db.Places.AnyAsync(p => p.Name == "Abbey Youth Shed")).Should().BeFalse();
        (await sam.GetAsync($"/Workshops/Room/{code}")).StatusCode.Should().Be(HttpStatusCode.OK, "the room stays readable after the end");
        (await SendAsync(sam, code, HttpMethod.Put, $"/api/workshops/{code}/votes/{shed}", new { dots = 1 })).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var record = await officer.GetDocumentAsync($"/Workshops/Report/{id}");
        record.QuerySelector("#record-counts")!.TextContent.Should().Be("1 missing place, 0 dormant, 0 lost, 1 note; 5 dots placed");
        record.QuerySelectorAll("#priorities li").Select(li => li.TextContent).Should().Equal(
            "Missing from the map: Abbey Youth Shed, Abbey (3 dots)", "We need: A youth club, Abbey (2 dots)");
        record.QuerySelectorAll("#gaps-table tbody th").Select(th => th.TextContent).Should().Equal("Abbey", "Alibon");
        record.Body!.TextContent.Should().NotContain("Sam").And.NotContain("Something rude");
        record.QuerySelectorAll(".si-sketch").Should().HaveCount(2);

        var csv = await officer.GetStringAsync($"/Workshops/Report/{id}?handler=Csv");
        var lines = csv.TrimEnd().Split("\r\n");
        lines[0].Should().Be("id,workshop,kind,text,category,place_id,place_name,ward_code,ward_name,latitude,longitude,dots,added_at,moderation");
        lines.Should().HaveCount(3);
        lines[1].Should().StartWith($"{shed},{code},MissingPlace,Abbey Youth Shed,community-centre,,,{Abbey},Abbey,{Number(lat)},{Number(lon)},3,").And.EndWith(",Pending");
        var geojson = JsonDocument.Parse(await officer.GetStringAsync($"/Workshops/Report/{id}?handler=GeoJson")).RootElement;
        var features = geojson.GetProperty("features").EnumerateArray().ToList();
        features.Should().HaveCount(2);
        features[0].GetProperty("geometry").GetProperty("coordinates")[0].GetDouble().Should().Be(lon);
        features[1].GetProperty("geometry").ValueKind.Should().Be(JsonValueKind.Null, "a note about a whole ward has no point");
    }
}

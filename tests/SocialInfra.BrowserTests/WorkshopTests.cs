using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.BrowserTests;

/// <summary>A workshop in Chromium: the facilitator sets it up, two phones (two browser contexts) join and see each other live.</summary>
public class WorkshopTests(AccountsBrowserFixture fixture) : IClassFixture<AccountsBrowserFixture>
{
    /// <summary>Sets up a workshop over Abbey and Alibon through the form; the facilitator's page ends on the console.</summary>
    private async Task<(PageChecks Facilitator, string Code)> SetUpAsync(string title)
    {
        var facilitator = await PageChecks.OpenAsync(fixture);
        await facilitator.SignInAsync(AccountsFactory.Facilitator, fixture.Accounts.Password);
        var page = facilitator.Page;
        await facilitator.GoToAsync("/Workshops");
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up a workshop" }).ClickAsync();
        await page.WaitForURLAsync("**/Workshops/Create");
        await facilitator.ShouldPassAxeAsync("workshop-create");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Abbey").CheckAsync();
        await page.GetByLabel("Alibon").CheckAsync();
        await page.GetByLabel("Dots for each participant").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up the workshop" }).ClickAsync();
        await page.WaitForURLAsync("**/Workshops/Session/**");
        await page.Locator("#console-live[data-ready='true']").WaitForAsync();
        return (facilitator, (await page.Locator("#join-code").TextContentAsync())!.Trim());
    }

    /// <summary>A phone joining by the link the QR code holds, and waiting until it is live.</summary>
    private async Task<PageChecks> JoinAsync(string code, string name)
    {
        var phone = await PageChecks.OpenAsync(fixture);
        await phone.Page.SetViewportSizeAsync(390, 844);
        await phone.GoToAsync($"/join?code={code}");
        await phone.Page.GetByLabel("Your name").FillAsync(name);
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await phone.Page.WaitForURLAsync($"**/Workshops/Room/{code}");
        await WaitLiveAsync(phone);
        return phone;
    }

    private static async Task WaitLiveAsync(PageChecks phone)
    {
        await phone.Page.Locator("#room-map[data-ready='true']").WaitForAsync();
        await phone.Page.Locator("#connection", new() { HasTextString = "Connected" }).WaitForAsync();
    }

    private static async Task AddNoteAsync(IPage page, string text, string ward)
    {
        await page.GetByLabel("We need…").FillAsync(text);
        await page.Locator("#note-WardCode").SelectOptionAsync(new SelectOptionValue { Label = ward });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the note" }).ClickAsync();
    }

    private static ILocator Item(IPage page, string text) => page.Locator("#contributions .si-contribution", new() { HasTextString = text });

    [Fact]
    public async Task Two_phones_see_each_others_additions_and_dots_as_they_happen()
    {
        var (facilitator, code) = await SetUpAsync("Abbey and Alibon: what is missing?");
        await facilitator.ShouldPassAxeAsync("workshop-console");
        var sam = await JoinAsync(code, "Sam");
        var kim = await JoinAsync(code, "Kim");
        await sam.ShouldPassAxeAsync("workshop-room");

        await AddNoteAsync(sam.Page, "Somewhere warm after school", "Alibon");
        await Item(kim.Page, "Somewhere warm after school").WaitForAsync();
        (await Item(kim.Page, "Somewhere warm after school").Locator(".si-contribution__meta").TextContentAsync()).Should().Be("Alibon · added by Sam");
        (await sam.Page.Locator("#note-Text").InputValueAsync()).Should().BeEmpty("the form is ready for the next note");

        // Then, from the same page, a missing place by postcode (Barking Library's, in Abbey): a second contribution of
        // its own, which appears on the other phone's map as well as its list.
        await sam.Page.GetByLabel("Name of the place").FillAsync("Abbey Youth Shed");
        await sam.Page.Locator("#place-CategorySlug").SelectOptionAsync(new SelectOptionValue { Label = "Community centre" });
        await sam.Page.GetByLabel("Postcode").FillAsync("IG11 7NB");
        await sam.Page.GetByRole(AriaRole.Button, new() { Name = "Add the place" }).ClickAsync();
        await Item(kim.Page, "Abbey Youth Shed").WaitForAsync();
        await kim.Page.Locator("#room-map path.leaflet-interactive").First.WaitForAsync();
        (await sam.Page.Locator("#contributions .si-contribution").CountAsync()).Should().Be(2);

        await Item(kim.Page, "Somewhere warm after school").GetByRole(AriaRole.Button, new() { Name = "Add a dot to Somewhere warm after school" }).ClickAsync();
        await Item(sam.Page, "Somewhere warm after school").Locator(".si-dot-count", new() { HasTextString = "1 dot" }).WaitForAsync();
        (await kim.Page.Locator("#dots-left").TextContentAsync()).Should().Be("You have 2 of 3 dots left");
        (await sam.Page.Locator("#dots-left").TextContentAsync()).Should().Be("You have 3 of 3 dots left");
        (await sam.Page.Locator("#contributions .si-contribution__headline").First.TextContentAsync()).Should().Be("Somewhere warm after school", "most dots first");

        // The facilitator's console catches up by itself; the projector shows the same room.
        await facilitator.Page.Locator("#contributions-table", new() { HasTextString = "Abbey Youth Shed" }).WaitForAsync();
        await facilitator.Page.GetByRole(AriaRole.Link, new() { Name = "Open the projector view" }).ClickAsync();
        await facilitator.Page.WaitForURLAsync("**/Workshops/Projector/**");
        await facilitator.Page.Locator("#room-map[data-ready='true']").WaitForAsync();
        await Item(facilitator.Page, "Abbey Youth Shed").WaitForAsync();
        (await facilitator.Page.Locator(".si-qr").CountAsync()).Should().Be(1);
        await facilitator.ShouldPassAxeAsync("workshop-projector");

        // Locking the map reaches the phones at once.
        await facilitator.Page.GoBackAsync();
        await facilitator.Page.GetByRole(AriaRole.Button, new() { Name = "Lock the map" }).ClickAsync();
        await sam.Page.Locator("#room-state", new() { HasTextString = "locked the map" }).WaitForAsync();
        (await sam.Page.GetByRole(AriaRole.Button, new() { Name = "Add the note" }).IsDisabledAsync()).Should().BeTrue();

        foreach (var checks in new[] { facilitator, sam, kim })
        {
            checks.ShouldHaveNoErrors();
        }
    }

    [Fact]
    public async Task A_note_added_with_no_connection_waits_on_the_phone_and_is_sent_once_when_back()
    {
        var (_, code) = await SetUpAsync("Offline evening");
        var sam = await JoinAsync(code, "Sam");
        var kim = await JoinAsync(code, "Kim");

        await sam.Page.Context.SetOfflineAsync(true);
        await AddNoteAsync(sam.Page, "A bench by the bus stop", "Abbey");
        await sam.Page.Locator("#outbox-list li", new() { HasTextString = "A bench by the bus stop" }).WaitForAsync();
        (await sam.Page.Locator("#map-status").TextContentAsync()).Should().Contain("Saved on this phone");
        (await sam.Page.EvaluateAsync<int>($"JSON.parse(localStorage.getItem('socialinfra.workshop.{code}.outbox')).length")).Should().Be(1);
        await sam.ShouldPassAxeAsync("workshop-room-offline");
        (await Item(kim.Page, "A bench by the bus stop").CountAsync()).Should().Be(0);

        await sam.Page.Context.SetOfflineAsync(false);

        await Item(kim.Page, "A bench by the bus stop").WaitForAsync();
        await sam.Page.Locator("#outbox").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await using var db = fixture.Database.CreateContext();
        (await db.Contributions.CountAsync(c => c.Text == "A bench by the bus stop")).Should().Be(1, "sent once, kept once");
    }

    [Fact]
    public async Task The_join_page_and_the_record_pass_axe_and_a_wrong_code_is_named()
    {
        var (facilitator, code) = await SetUpAsync("Record evening");
        var phone = await PageChecks.OpenAsync(fixture);
        await phone.GoToAsync("/join");
        await phone.Page.GetByLabel("Workshop code").FillAsync("ZZZZZ9");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await phone.Page.Locator("#error-summary").WaitForAsync();
        (await phone.Page.Locator("#error-summary li").AllTextContentsAsync()).Select(t => t.Trim()).Should().Equal(
            "There is no workshop with the code ZZZZZ9: check the code on the screen", "Enter a name for others in the room to see you by");
        await phone.ShouldPassAxeAsync("workshop-join-error");

        await facilitator.Page.GetByRole(AriaRole.Link, new() { Name = "The workshop's record" }).ClickAsync();
        await facilitator.Page.WaitForURLAsync("**/Workshops/Report/**");
        (await facilitator.Page.Locator("#gaps-table tbody tr").CountAsync()).Should().Be(2);
        await facilitator.ShouldPassAxeAsync("workshop-record");
        await facilitator.Page.EmulateMediaAsync(new() { Media = Media.Print });
        (await facilitator.Page.Locator(".govuk-service-navigation").IsVisibleAsync()).Should().BeFalse();
        (await facilitator.Page.Locator("#gaps-table").IsVisibleAsync()).Should().BeTrue();
        phone.ShouldHaveNoErrors();
        facilitator.ShouldHaveNoErrors();
        code.Should().HaveLength(6);
    }
}

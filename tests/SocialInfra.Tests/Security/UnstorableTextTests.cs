using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Security;

/// <summary>
/// A NUL character (U+0000) cannot be stored in PostgreSQL text. Sent in a query or a form it is answered 400 naming the
/// parameter (a form's reader cannot say which field), on pages and in the API alike, and nothing changes; it never reaches the database as a 500.
/// </summary>
public class UnstorableTextTests(AccountsFactory app) : IClassFixture<AccountsFactory>
{
    [Theory]
    [InlineData("/Places?near=%00", "near")]
    [InlineData("/Places?ownership=0&q=Abbey%00Hall", "q")]
    [InlineData("/Gaps?lad=E09000002&addPostcode=RM8%003HT", "addPostcode")]
    public async Task A_page_asked_for_text_with_a_NUL_says_which_field_and_why(string url, string field)
    {
        var response = await (await app.ClientAsync(null)).GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await response.ParseAsync();
        page.QuerySelector("h1")!.TextContent.Should().Be("There is a problem with what you sent");
        page.QuerySelector("main")!.TextContent.Should().Contain($"'{field}' contains a NUL character (U+0000), which cannot be stored");
    }

    [Theory]
    [InlineData("/api/places?near=%00", "near")]
    [InlineData("/api/gaps?lad=E09000002%00", "lad")]
    [InlineData("/ogc/collections/places/items?limit=%00", "limit")]
    public async Task The_api_answers_Problem_Details_naming_the_parameter(string url, string field)
    {
        var response = await (await app.ClientAsync(null)).GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().Should().Be("Text that cannot be stored");
        problem.GetProperty("detail").GetString().Should().StartWith($"'{field}' contains a NUL character (U+0000)");
    }

    [Fact]
    public async Task A_form_posted_with_a_NUL_in_a_field_is_refused_and_the_place_is_unchanged()
    {
        var id = await app.Database.AddAsync(Build.Place("Nul Test Hall", 0.1440, 51.5440));
        var officer = await app.ClientAsync(AccountsFactory.Officer);
        var audited = await AuditedAsync(id);

        var response = await officer.SubmitFormAsync($"/Places/Edit/{id}", "#place-form", Forms.Values(("Place.Name", "Nul\0Hall")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector("main")!.TextContent.Should().Contain("A field of the form holds a NUL character (U+0000), which cannot be stored");
        await using var db = app.Database.CreateContext();
        (await db.Places.Where(p => p.Id == id).Select(p => p.Name).SingleAsync()).Should().Be("Nul Test Hall");
        (await AuditedAsync(id)).Should().Be(audited, "nothing was changed, so nothing more is audited");
    }

    [Fact]
    public async Task A_form_with_a_bare_NUL_byte_in_a_field_is_refused_naming_the_field()
    {
        var id = await app.Database.AddAsync(Build.Place("Bare Nul Hall", 0.1450, 51.5450));
        var officer = await app.ClientAsync(AccountsFactory.Officer);
        var token = await officer.AntiforgeryTokenAsync();
        // Not percent-encoded, so ASP.NET Core's form reader passes it on.
        var body = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}&Place.Name=Bare\0Hall",
            System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await officer.PostAsync($"/Places/Edit/{id}", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector("main")!.TextContent.Should().Contain("'Place.Name' contains a NUL character (U+0000), which cannot be stored");
        await using var db = app.Database.CreateContext();
        (await db.Places.Where(p => p.Id == id).Select(p => p.Name).SingleAsync()).Should().Be("Bare Nul Hall");
    }

    [Fact]
    public async Task A_NUL_in_a_parameter_name_is_refused_too()
    {
        var response = await (await app.ClientAsync(null)).GetAsync("/api/places?a%00b=1");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().StartWith("'a\\0b' contains a NUL character");
    }

    private async Task<int> AuditedAsync(Guid id)
    {
        await using var db = app.Database.CreateContext();
        return await db.AuditEntries.CountAsync(a => a.EntityId == id.ToString());
    }
}

using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Tests.Infrastructure;
using Xunit;

namespace SocialInfra.Tests.Gaps;

/// <summary>Council officers set the demo borough's catchments and weights; the gap analysis follows them.</summary>
public class GapSettingsTests(AccountsFactory app) : IClassFixture<AccountsFactory>
{
    private const string Url = "/Gaps/Settings";

    private static int RowOf(IHtmlDocument page, string slug) =>
        page.QuerySelectorAll<IHtmlInputElement>("input[name$='.Slug']").Select((input, i) => (input.Value, i)).Single(x => x.Value == slug).i;

    [Fact]
    public async Task An_officer_changes_a_catchment_and_the_analysis_uses_it_from_then_on()
    {
        var officer = await app.ClientAsync(AccountsFactory.Officer);
        var page = await officer.GetDocumentAsync(Url);
        var row = RowOf(page, "market");
        page.QuerySelector<IHtmlInputElement>($"#Rows_{row}__Metres")!.Value.Should().Be("1600");

        var response = await officer.SubmitAsync(page, Url, "main form", Forms.Values(($"Rows[{row}].Metres", "1000"), ($"Rows[{row}].Weight", "2.5")));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await officer.GetDocumentAsync(Url);
        after.QuerySelector(".govuk-notification-banner")!.TextContent.Should().Contain("have been saved");
        after.QuerySelector<IHtmlInputElement>($"#Rows_{row}__Metres")!.Value.Should().Be("1000");
        var body = JsonDocument.Parse(await (await officer.GetAsync("/api/gaps?lad=E09000002&category=market")).Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("categories")[0].GetProperty("catchmentMetres").GetInt32().Should().Be(1000);
        body.GetProperty("categories")[0].GetProperty("isDefault").GetBoolean().Should().BeFalse();
        await using var db = app.Database.CreateContext();
        var audit = await db.AuditEntries.Where(a => a.EntityType == "CatchmentSetting" && a.EntityId == "E09000002/market").ToListAsync();
        audit.Should().ContainSingle().Which.ChangedBy.Should().Contain("Officer");
        audit[0].After.Should().Contain("1000").And.Contain("2.5");
    }

    [Theory]
    [InlineData("Metres", "ten", "Catchment for sports and leisure must be a whole number of metres from 50 to 10,000")]
    [InlineData("Metres", "20", "Catchment for sports and leisure must be a whole number of metres from 50 to 10,000")]
    [InlineData("Weight", "-1", "Weight for sports and leisure must be a number from 0 to 10")]
    [InlineData("Weight", "NaN", "Weight for sports and leisure must be a number from 0 to 10")]
    public async Task A_bad_value_is_named_and_nothing_is_saved(string field, string value, string message)
    {
        var officer = await app.ClientAsync(AccountsFactory.Officer);
        var page = await officer.GetDocumentAsync(Url);
        var row = RowOf(page, "sports");

        var response = await officer.SubmitAsync(page, Url, "main form", Forms.Values(($"Rows[{row}].{field}", value)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var result = await response.ParseAsync();
        result.ErrorLinks().Should().Equal(($"#Rows_{row}__{field}", message));
        result.QuerySelector<IHtmlInputElement>($"#Rows_{row}__{field}")!.Value.Should().Be(value);
        await using var db = app.Database.CreateContext();
        (await db.CatchmentSettings.AnyAsync(s => s.CategorySlug == "sports")).Should().BeFalse();
    }

    [Fact]
    public async Task Two_officers_saving_at_once_cannot_overwrite_each_other_unseen()
    {
        var first = await app.ClientAsync(AccountsFactory.Officer);
        var second = await app.ClientAsync(AccountsFactory.Admin);
        var firstPage = await first.GetDocumentAsync(Url);
        var secondPage = await second.GetDocumentAsync(Url);
        var row = RowOf(firstPage, "youth");

        (await first.SubmitAsync(firstPage, Url, "main form", Forms.Values(($"Rows[{row}].Metres", "1000")))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var response = await second.SubmitAsync(secondPage, Url, "main form", Forms.Values(($"Rows[{row}].Metres", "1200")));

        var result = await response.ParseAsync();
        result.ErrorSummary().Should().ContainSingle().Which.Should().Contain("Someone else changed these settings");
        result.QuerySelector<IHtmlInputElement>($"#Rows_{row}__Metres")!.Value.Should().Be("1000");
        await using var db = app.Database.CreateContext();
        (await db.CatchmentSettings.SingleAsync(s => s.CategorySlug == "youth")).CatchmentMetres.Should().Be(1000);
    }

    [Theory]
    [InlineData(AccountsFactory.Vcfse, HttpStatusCode.Forbidden)]
    [InlineData(AccountsFactory.Facilitator, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Redirect)]
    public async Task Only_council_officers_change_the_settings(string? email, HttpStatusCode status)
    {
        var client = await app.ClientAsync(email);

        var response = await client.GetAsync(Url);

        response.StatusCode.Should().Be(status);
        if (status == HttpStatusCode.Redirect)
        {
            response.Headers.Location!.ToString().Should().Contain("/Account/Login");
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Cli;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Imports;

public class ImportPageTests(AccountsFactory app) : IClassFixture<AccountsFactory>
{
    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, string fileName, string content)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(await client.AntiforgeryTokenAsync()), "__RequestVerificationToken" },
            { new StringContent(kind), "Kind" },
            { new StringContent("E09000002"), "LocalAuthorityCode" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "Upload", fileName },
        };
        return await client.PostAsync("/Admin/Imports", form);
    }

    [Fact]
    public async Task An_administrator_uploads_a_file_and_sees_each_problem_then_the_import()
    {
        var admin = await app.ClientAsync(AccountsFactory.Admin);

        var refused = await UploadAsync(admin, "places-csv", "halls.csv", "name,category,latitude,longitude\nNew Hall,hall,51.54,0.13\n");
        refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var report = await admin.GetDocumentAsync(refused.Headers.Location!.OriginalString);
        report.QuerySelector(".govuk-error-summary__title")!.TextContent.Should().Be("Nothing was imported");
        report.QuerySelectorAll("#problems tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToArray())
            .Single().Should().Equal("Row 2", "category 'hall' is not one of: arts, cafe-pub, community-centre, digital-space, education, garden-allotment, health, library, market, park, place-of-worship, playground, social-care, sports, youth.");

        var imported = await UploadAsync(admin, "places-csv", "halls.csv", "name,category,latitude,longitude\nNew Hall,community-centre,51.54,0.13\n");
        var done = await admin.GetDocumentAsync(imported.Headers.Location!.OriginalString);
        done.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Should().Be("Read 1: created 1, updated 0, unchanged 0, left out 0.");
        await using (var db = app.Database.CreateContext())
        {
            var hall = await db.Places.SingleAsync(p => p.Name == "New Hall");
            hall.Provenance.RecordedBy.Should().Be("Ada Admin (admin@council.test)");
        }

        var list = await admin.GetDocumentAsync("/Admin/Imports");
        list.QuerySelectorAll("#imports tbody tr").Select(r => r.QuerySelector("td:last-child")!.TextContent.Trim())
            .Take(2).Should().Equal("Imported", "Nothing imported");
    }

    [Fact]
    public async Task Sending_the_form_empty_names_each_missing_field()
    {
        var admin = await app.ClientAsync(AccountsFactory.Admin);
        var form = new MultipartFormDataContent { { new StringContent(await admin.AntiforgeryTokenAsync()), "__RequestVerificationToken" }, { new StringContent(""), "LocalAuthorityCode" }, { new StringContent("twenty"), "Year" } };

        var page = await (await admin.PostAsync("/Admin/Imports", form)).ParseAsync();

        page.ErrorLinks().Should().Equal(
            ("#Kind", "Choose what the file holds"),
            ("#Upload", "Choose a file to import"),
            ("#LocalAuthorityCode", "Enter the local authority code, like E09000002"),
            ("#Year", "Boundary year must be a year like 2022"));
    }
}

public class ImportCommandTests
{
    [Fact]
    public async Task The_command_line_imports_with_the_same_checks_and_exit_codes()
    {
        await using var database = await ScratchDatabase.EmptyAsync();
        var wards = Path.Combine(Path.GetTempPath(), $"wards-{Guid.NewGuid()}.geojson");
        await File.WriteAllBytesAsync(wards, DemoFiles.Wards);
        try
        {
            var (output, error) = (new StringWriter(), new StringWriter());
            var code = await ImportCommand.RunAsync(["wards", wards], database.ConnectionString, output, error);
            code.Should().Be(ImportCommand.NothingImported);
            output.ToString().Should().Contain("  Local authority name: E09000002 is not loaded yet: give the local authority's name.");

            output = new StringWriter();
            code = await ImportCommand.RunAsync(["wards", wards, "--la-name", "Barking and Dagenham"], database.ConnectionString, output, error);
            code.Should().Be(ImportCommand.Imported);
            output.ToString().Should().StartWith($"Ward boundaries from {Path.GetFileName(wards)}: Read 17: created 17, updated 0, unchanged 0, left out 0.");

            (await ImportCommand.RunAsync(["parks", wards], database.ConnectionString, output, error)).Should().Be(ImportCommand.Usage);
            error.ToString().Should().Contain("'parks' is not a kind of file: use one of wards, lsoas, lsoa-centroids, population, deprivation, postcodes, places-geojson, places-csv, services.");
            await using var db = database.CreateContext();
            (await db.ImportRuns.Select(r => r.RunBy).Distinct().SingleAsync()).Should().StartWith("command line (");
        }
        finally
        {
            File.Delete(wards);
        }
    }
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Imports;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Imports;

/// <summary>A name in a file too long to keep is a problem naming its feature or service, not a failed save naming nothing.</summary>
public class ImportLengthTests
{
    private static readonly string TooLong = new('N', 201);

    [Fact]
    public async Task A_ward_name_too_long_names_its_feature_and_nothing_is_imported()
    {
        await using var database = await ScratchDatabase.EmptyAsync();
        var file = $$"""
            { "type": "FeatureCollection", "features": [ { "type": "Feature", "properties": { "WD13CD": "E05000026", "WD13NM": "{{TooLong}}" },
              "geometry": { "type": "Polygon", "coordinates": [[ [0.07, 51.53], [0.09, 51.53], [0.09, 51.54], [0.07, 51.53] ]] } } ] }
            """;

        var report = await database.ImportAsync(ImportKind.WardBoundaries, Encoding.UTF8.GetBytes(file), authorityName: "Barking and Dagenham");

        report.Problems.Should().Equal(new ImportProblem($"Feature 1 (E05000026 {TooLong})", "ward name must be 200 characters or fewer."));
        await using var db = database.CreateContext();
        (await db.Wards.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_local_authority_name_too_long_is_named()
    {
        await using var database = await ScratchDatabase.EmptyAsync();

        var report = await database.ImportAsync(ImportKind.WardBoundaries, DemoFiles.Read("wards-2013.geojson"), authorityName: TooLong);

        report.Problems.Should().Equal(new ImportProblem("Local authority name", "The local authority's name must be 200 characters or fewer."));
    }

    [Fact]
    public async Task A_service_whose_funder_or_organisation_website_is_too_long_is_named_and_nothing_is_imported()
    {
        await using var database = await ScratchDatabase.DemoAsync();
        var file = $$"""
            { "total_items": 1, "contents": [ { "id": "svc-1", "name": "Warm space lunch club", "status": "active",
              "organization": { "id": "org-1", "name": "Barking Trust", "website": "https://example.org/{{new string('a', 481)}}" },
              "funding": [ { "source": "{{TooLong}}" } ],
              "service_areas": [ { "name": "Barking and Dagenham" } ] } ] }
            """;

        var report = await database.ImportAsync(ImportKind.Services, Encoding.UTF8.GetBytes(file));

        report.Problems.Select(p => (p.Where, p.Message)).Should().Equal(
            ("Service 1 (Warm space lunch club)", "organization website must be 500 characters or fewer."),
            ("Service 1 (Warm space lunch club)", "funding source (the commissioning organisation) must be 200 characters or fewer."));
        await using var db = database.CreateContext();
        (await db.Services.AnyAsync(s => s.Name == "Warm space lunch club")).Should().BeFalse();
    }
}

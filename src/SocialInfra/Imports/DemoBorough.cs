using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using SocialInfra.Data;
using SocialInfra.Geography;
using SocialInfra.Organisations;
using SocialInfra.Places;

namespace SocialInfra.Imports;

/// <summary>
/// Loads the demo borough, Barking and Dagenham, from the open data shipped in this assembly.
/// Safe to run again: records are matched on their codes and source ids and updated, never duplicated.
/// </summary>
public static class DemoBorough
{
    public const string Code = "E09000002";
    public const string Name = "Barking and Dagenham";
    public const string CouncilName = "London Borough of Barking and Dagenham";
    public const int WardYear = 2013;
    public const int LsoaVintage = 2011;
    public const string LibrariesSource = "libraries-hacked";

    public static async Task LoadAsync(SocialInfraDbContext db, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var authority = await db.LocalAuthorities.FindAsync([Code], cancellationToken);
        if (authority is null)
        {
            db.LocalAuthorities.Add(new LocalAuthority { Code = Code, Name = Name });
        }
        await LoadWardsAsync(db, cancellationToken);
        await LoadLsoasAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        await db.UnionLocalAuthorityBoundaryAsync(Code, cancellationToken);
        await db.FillLsoaReferencePointsAsync(Code, cancellationToken);
        await db.AssignLsoasToWardsAsync(Code, cancellationToken);

        await LoadLibrariesAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task LoadWardsAsync(SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        var imd = ReadCsv("imd2019-by-ward.csv").ToDictionary(
            r => r["WD17CD"],
            r => double.Parse(r["Score"], CultureInfo.InvariantCulture));
        var existing = await db.Wards.Where(w => w.LocalAuthorityCode == Code && w.BoundaryYear == WardYear)
            .ToDictionaryAsync(w => w.Code, cancellationToken);

        foreach (var feature in ReadFeatures("wards-2013.geojson"))
        {
            var code = (string)feature.Attributes["WD13CD"];
            var ward = existing.GetValueOrDefault(code);
            if (ward is null)
            {
                ward = new Ward { Code = code, Name = "", LocalAuthorityCode = Code, BoundaryYear = WardYear, Boundary = AsMultiPolygon(feature) };
                db.Wards.Add(ward);
            }
            ward.Name = (string)feature.Attributes["WD13NM"];
            if (!ward.Boundary.EqualsExact(AsMultiPolygon(feature)))
            {
                ward.Boundary = AsMultiPolygon(feature);
            }
            // The IoD2019 ward aggregate uses 2017 ward codes, the same as 2013 codes in this borough.
            ward.ImdScore = imd.TryGetValue(code, out var score) ? score : null;
        }
    }

    private static async Task LoadLsoasAsync(SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Lsoas.Where(l => l.LocalAuthorityCode == Code && l.Vintage == LsoaVintage)
            .ToDictionaryAsync(l => l.Code, cancellationToken);
        foreach (var feature in ReadFeatures("lsoa-2011.geojson"))
        {
            var code = (string)feature.Attributes["LSOA11CD"];
            var lsoa = existing.GetValueOrDefault(code);
            if (lsoa is null)
            {
                lsoa = new Lsoa { Code = code, Name = "", LocalAuthorityCode = Code, Vintage = LsoaVintage, Boundary = AsMultiPolygon(feature) };
                db.Lsoas.Add(lsoa);
            }
            lsoa.Name = (string)feature.Attributes["LSOA11NM"];
            if (!lsoa.Boundary.EqualsExact(AsMultiPolygon(feature)))
            {
                lsoa.Boundary = AsMultiPolygon(feature);
                lsoa.ReferencePoint = null;
            }
        }
    }

    private static async Task LoadLibrariesAsync(SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        var council = await db.Organisations.SingleOrDefaultAsync(o => o.Name == CouncilName, cancellationToken);
        if (council is null)
        {
            council = new Organisation { Name = CouncilName, Kind = OrganisationKind.LocalAuthority, Website = "https://www.lbbd.gov.uk" };
            db.Organisations.Add(council);
        }

        var existing = await db.Places.Include(p => p.ActivityPeriods)
            .Where(p => p.Provenance.Source == LibrariesSource)
            .ToDictionaryAsync(p => p.Provenance.SourceId!, cancellationToken);

        foreach (var row in ReadCsv("libraries-2016.csv"))
        {
            var id = row["id"];
            var closed = row["closed"].Length > 0;
            var communityRun = row["type"] == "CRL";
            var place = existing.GetValueOrDefault(id);
            if (place is null)
            {
                place = new Place
                {
                    Name = "",
                    CategorySlug = CategoryTaxonomy.Library,
                    Provenance = new Provenance { Source = LibrariesSource, SourceId = id, Licence = "MIT", RecordedBy = "demo borough loader" },
                };
                place.ChangeActivity(Activity.Active, YearStart(row["opened_year"]), "Open as a public library");
                if (closed)
                {
                    place.ChangeActivity(Activity.Closed, YearStart(row["closed_year"]), $"Closed as a public library in {row["closed_year"]}");
                }
                db.Places.Add(place);
            }

            place.Name = row["name"].EndsWith("Library", StringComparison.Ordinal) ? row["name"] : $"{row["name"]} Library";
            place.Description = NullIfEmpty(row["notes"]);
            place.Ownership = communityRun ? Ownership.Community : Ownership.Public;
            place.OwnerOrganisationId = council.Id;
            place.Address = NullIfEmpty(row["address"]);
            place.Postcode = Postcode.Normalise(row["postcode"]);
            place.OpeningHours = row["hours"].Length > 0 ? $"{row["hours"]} hours a week (2016)" : null;
            place.Url = row["url"].Length > 0 ? $"https://{row["url"]}" : null;
            var location = SpatialQueries.PointAt(
                double.Parse(row["lng"], CultureInfo.InvariantCulture),
                double.Parse(row["lat"], CultureInfo.InvariantCulture));
            if (place.Location is null || !place.Location.EqualsExact(location))
            {
                place.Location = location;
            }
        }
    }

    private static DateOnly? YearStart(string year) =>
        int.TryParse(year, CultureInfo.InvariantCulture, out var y) ? new DateOnly(y, 1, 1) : null;

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static MultiPolygon AsMultiPolygon(IFeature feature) => feature.Geometry switch
    {
        MultiPolygon multi => multi,
        Polygon polygon => SpatialQueries.Factory.CreateMultiPolygon([polygon]),
        var other => throw new InvalidDataException($"Feature {feature.Attributes.GetOptionalValue("name")} has a {other.GeometryType}, not a polygon."),
    };

    private static Stream Open(string file) =>
        typeof(DemoBorough).Assembly.GetManifestResourceStream($"DemoBorough/{file}")
        ?? throw new FileNotFoundException($"The demo borough file {file} is not embedded in {typeof(DemoBorough).Assembly.GetName().Name}.");

    private static FeatureCollection ReadFeatures(string file)
    {
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory(SpatialQueries.Factory) } };
        using var stream = Open(file);
        return JsonSerializer.Deserialize<FeatureCollection>(stream, options)
            ?? throw new InvalidDataException($"{file} holds no feature collection.");
    }

    private static List<Dictionary<string, string>> ReadCsv(string file)
    {
        using var csv = CsvReader.Create(Open(file), CsvReaderOptions.Default, false);
        var header = csv.Headers;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetString(h)));
        }
        return rows;
    }
}

namespace SocialInfra.Imports;

/// <summary>The official and open files SocialInfra can load.</summary>
public enum ImportKind
{
    WardBoundaries,
    LsoaBoundaries,
    LsoaCentroids,
    Population,
    Deprivation,
    Postcodes,
    PlacesGeoJson,
    PlacesCsv,
    Services,
}

/// <summary>How each kind of file is named on the command line and described on the import page.</summary>
public sealed record ImportKindText(ImportKind Kind, string Slug, string Title, string Hint, string Extensions);

public static class ImportKinds
{
    public static IReadOnlyList<ImportKindText> All { get; } =
    [
        new(ImportKind.WardBoundaries, "wards", "Ward boundaries",
            "ONS GeoJSON with WDyyCD and WDyyNM (the year is read from the names), WGS84 or British National Grid.", ".geojson,.json"),
        new(ImportKind.LsoaBoundaries, "lsoas", "LSOA boundaries",
            "ONS GeoJSON with LSOA11CD or LSOA21CD; LSOAs outside the borough are left out. Load ward boundaries first.", ".geojson,.json"),
        new(ImportKind.LsoaCentroids, "lsoa-centroids", "LSOA population-weighted centroids",
            "ONS GeoJSON points with LSOA11CD or LSOA21CD; each LSOA is then assigned to the ward containing its centroid.", ".geojson,.json"),
        new(ImportKind.Population, "population", "Population by LSOA",
            "CSV with an LSOA code column and a total population column (ONS mid-year estimates or Census 2021 TS001).", ".csv"),
        new(ImportKind.Deprivation, "deprivation", "Deprivation (IMD) by LSOA",
            "The English Indices of Deprivation \"File 7\" CSV: all scores, ranks, deciles and population denominators.", ".csv"),
        new(ImportKind.Postcodes, "postcodes", "Postcodes",
            "ONS Postcode Directory (ONSPD or NSPL) CSV with pcds, lat and long; lets places be placed by postcode.", ".csv"),
        new(ImportKind.PlacesGeoJson, "places-geojson", "Places from GeoJSON",
            "OpenStreetMap GeoJSON (e.g. an Overpass export; recorded under ODbL) or SocialInfra's own places export.", ".geojson,.json"),
        new(ImportKind.PlacesCsv, "places-csv", "Places from CSV",
            "CSV with name, category and either latitude and longitude or postcode (the columns of SocialInfra's places export).", ".csv"),
        new(ImportKind.Services, "services", "Services (Open Referral UK)",
            "Open Referral UK JSON: one service, a list of services, or a page from /services.", ".json"),
    ];

    public static ImportKindText Describe(ImportKind kind) => All.Single(k => k.Kind == kind);

    public static ImportKindText? FromSlug(string? slug) =>
        All.FirstOrDefault(k => string.Equals(k.Slug, slug?.Trim(), StringComparison.OrdinalIgnoreCase));
}

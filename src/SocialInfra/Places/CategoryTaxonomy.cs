namespace SocialInfra.Places;

/// <summary>The seeded taxonomy of places. Catchments are planning-practice defaults, editable per borough later.</summary>
public static class CategoryTaxonomy
{
    public const string Library = "library";
    public const string DigitalSpace = "digital-space";

    public static IReadOnlyList<Category> All { get; } =
    [
        New("community-centre", "Community centre", 800, "amenity=community_centre"),
        New(Library, "Library", 1600, "amenity=library"),
        New("park", "Park or open space", 800, "leisure=park", "leisure=common"),
        New("playground", "Playground", 400, "leisure=playground"),
        New("garden-allotment", "Garden or allotment", 800, "leisure=garden", "landuse=allotments"),
        New("market", "Market", 1600, "amenity=marketplace"),
        New("place-of-worship", "Place of worship", 1200, "amenity=place_of_worship"),
        New("sports", "Sports and leisure", 1200, "leisure=sports_centre", "leisure=pitch", "leisure=fitness_centre"),
        New("youth", "Youth space", 800, "amenity=youth_centre", "social_facility:for=juvenile"),
        New("cafe-pub", "Café or pub", 800, "amenity=cafe", "amenity=pub"),
        New("arts", "Arts and culture", 1600, "amenity=arts_centre", "amenity=theatre"),
        New("education", "School or education", 800, "amenity=school", "amenity=college"),
        New("health", "Health and wellbeing", 1200, "amenity=doctors", "amenity=clinic", "healthcare=centre"),
        New("social-care", "Social care and support", 1200, "amenity=social_facility"),
        New(DigitalSpace, "Digital space", 0),
    ];

    private static Category New(string slug, string name, int catchmentMetres, params string[] osmTags) =>
        new() { Slug = slug, Name = name, CatchmentMetres = catchmentMetres, OsmTags = string.Join(';', osmTags) };
}

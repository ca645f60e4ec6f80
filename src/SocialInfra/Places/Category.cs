namespace SocialInfra.Places;

/// <summary>A kind of place in the seeded taxonomy, aligned with OpenStreetMap tags.</summary>
public class Category
{
    public required string Slug { get; set; }
    public required string Name { get; set; }

    /// <summary>OpenStreetMap tags that identify this category, separated by semicolons, e.g. "amenity=cafe;amenity=pub".</summary>
    public string OsmTags { get; set; } = "";

    public IReadOnlyList<string> OsmTagList => OsmTags.Split(';', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Default catchment: how far residents are usually expected to travel to this kind of place.</summary>
    public int CatchmentMetres { get; set; }
}

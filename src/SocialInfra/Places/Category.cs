namespace SocialInfra.Places;

/// <summary>A kind of place in the seeded taxonomy, aligned with OpenStreetMap tags.</summary>
public class Category
{
    public required string Slug { get; set; }
    public required string Name { get; set; }

    /// <summary>OpenStreetMap tags that identify this category, e.g. "amenity=library".</summary>
    public List<string> OsmTags { get; set; } = [];

    /// <summary>Default catchment: how far residents are usually expected to travel to this kind of place.</summary>
    public int CatchmentMetres { get; set; }
}

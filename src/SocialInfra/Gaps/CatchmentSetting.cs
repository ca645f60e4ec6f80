using SocialInfra.Places;

namespace SocialInfra.Gaps;

/// <summary>A borough's own catchment distance and composite weight for one category, replacing the planning-practice default.</summary>
public class CatchmentSetting
{
    public const int MinimumMetres = 50;
    public const int MaximumMetres = 10_000;
    public const double MaximumWeight = 10;

    public required string LocalAuthorityCode { get; set; }
    public required string CategorySlug { get; set; }
    public Category? Category { get; set; }

    /// <summary>How far residents are expected to travel to this kind of place, in metres along the ground (geodesic).</summary>
    public int CatchmentMetres { get; set; }

    /// <summary>The category's weight in the composite gap score; 0 leaves it out.</summary>
    public double Weight { get; set; } = 1;

    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; set; }
}

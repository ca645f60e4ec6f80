using NetTopologySuite.Geometries;

namespace SocialInfra.Geography;

/// <summary>A postcode's point from the ONS Postcode Directory, so places can be placed by postcode.</summary>
public class PostcodeLocation
{
    /// <summary>Normalised, e.g. "RM8 3HT".</summary>
    public required string Code { get; set; }
    public required Point Location { get; set; }
    public string? LocalAuthorityCode { get; set; }
}

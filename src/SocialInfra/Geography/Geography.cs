using NetTopologySuite.Geometries;

namespace SocialInfra.Geography;

/// <summary>A local authority district (E06/E07/E08/E09 code), e.g. Barking and Dagenham, E09000002.</summary>
public class LocalAuthority
{
    public const int NameLength = 200;

    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>The union of its wards' boundaries, computed in PostGIS.</summary>
    public MultiPolygon? Boundary { get; set; }
    public List<Ward> Wards { get; set; } = [];
}

/// <summary>An electoral ward (E05 code) of one boundary vintage.</summary>
public class Ward
{
    public const int NameLength = 200;

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int BoundaryYear { get; set; }
    public required string LocalAuthorityCode { get; set; }
    public LocalAuthority? LocalAuthority { get; set; }
    public required MultiPolygon Boundary { get; set; }

    /// <summary>Population-weighted IMD score published for the ward, when known.</summary>
    public double? ImdScore { get; set; }
    public List<Lsoa> Lsoas { get; set; } = [];
}

/// <summary>A Lower Layer Super Output Area: the population unit of gap analysis.</summary>
public class Lsoa
{
    public const int NameLength = 200;

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int Vintage { get; set; }
    public required string LocalAuthorityCode { get; set; }
    public required MultiPolygon Boundary { get; set; }

    /// <summary>Population-weighted centroid when published, otherwise the point on surface (computed in PostGIS).</summary>
    public Point? ReferencePoint { get; set; }
    public int? Population { get; set; }
    public double? ImdScore { get; set; }
    public int? ImdRank { get; set; }
    public int? ImdDecile { get; set; }
    public int? WardId { get; set; }
    public Ward? Ward { get; set; }
}

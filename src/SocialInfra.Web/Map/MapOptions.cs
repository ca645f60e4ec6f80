namespace SocialInfra.Web.Map;

/// <summary>Settings of the maps (section "Map"): base layer, and when the places API sends clusters.</summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    /// <summary>Leaflet tile URL template for the base map; empty for no base map (the tests, or an offline kiosk).</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>Attribution the tile provider requires, as plain text (it is shown encoded).</summary>
    public string TileAttribution { get; set; } = "© OpenStreetMap contributors";

    public int MaxZoom { get; set; } = 19;

    /// <summary>Below this zoom the places API sends clusters instead of places.</summary>
    public int ClusterBelowZoom { get; set; } = 11;

    /// <summary>When more places than this match in the map's view, the places API sends clusters at any zoom.</summary>
    public int ClusterAbove { get; set; } = 500;

    /// <summary>The side of a cluster cell in screen pixels.</summary>
    public int ClusterCellPixels { get; set; } = 64;

    /// <summary>The authority whose boundary the borough map opens on; empty for the first one loaded.</summary>
    public string LocalAuthority { get; set; } = "";
}

using SocialInfra.Imports;

namespace SocialInfra.Tests.Imports;

/// <summary>The demo borough's official files, as shipped inside the app.</summary>
public static class DemoFiles
{
    public static byte[] Read(string file)
    {
        using var stream = typeof(DemoBorough).Assembly.GetManifestResourceStream($"DemoBorough/{file}")
            ?? throw new FileNotFoundException(file);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static byte[] Wards => Read("wards-2013.geojson");
    public static byte[] Lsoas => Read("lsoa-2011.geojson");
}

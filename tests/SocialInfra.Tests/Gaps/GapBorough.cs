using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Geography;
using SocialInfra.Places;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Gaps;

/// <summary>
/// A hand-made borough for gap analysis, small enough to work every figure out on paper (docs/gap-analysis.md uses it
/// as the worked example). Two wards side by side: West (0.04°W–0°, IMD score 25) and East (0°–0.04°E, IMD 20),
/// both 51.49–51.53°N. Four LSOAs, their reference points:
///   A (−0.005, 51.504) West, 1,000 residents    B (−0.005, 51.520) West, 3,000
///   C ( 0.005, 51.500) East, 2,000              D ( 0.005, 51.520) East, 2,000
/// Places:
///   Westside Centre, community centre, open, capacity 50, at (−0.005, 51.500): 445 m from A, 693 m from C (east),
///     2,225 m from B and 2,330 m from D;
///   Old East Hall, community centre, dormant, at (0.005, 51.521): 111 m from D, 702 m from B;
///   East Library, open, capacity 100, at D (0.005, 51.520): 693 m from B, 1,910 m from A, 2,225 m from C;
///   East Online (digital, open) serves East; West Online (digital, dormant) serves West.
/// 0.001° of latitude is 111 m here, and 0.01° of longitude 693 m.
/// </summary>
public static class GapBorough
{
    public const string Code = "E09000099";
    public const string West = "E05999901";
    public const string East = "E05999902";

    public static async Task<Guid> SeedAsync(SocialInfraDbContext db, bool populations = true, bool deprivation = true)
    {
        db.LocalAuthorities.Add(new LocalAuthority { Code = Code, Name = "Testborough" });
        var west = new Ward { Code = West, Name = "West", LocalAuthorityCode = Code, BoundaryYear = 2022, Boundary = Build.Square(-0.04, 51.49, 0.04), ImdScore = deprivation ? 25 : null };
        var east = new Ward { Code = East, Name = "East", LocalAuthorityCode = Code, BoundaryYear = 2022, Boundary = Build.Square(0.00, 51.49, 0.04), ImdScore = deprivation ? 20 : null };
        db.Wards.AddRange(west, east);
        db.Lsoas.AddRange(
            Lsoa("E01999901", "Testborough 001A", -0.005, 51.504, 1000, west),
            Lsoa("E01999902", "Testborough 001B", -0.005, 51.520, 3000, west),
            Lsoa("E01999903", "Testborough 002A", 0.005, 51.500, 2000, east),
            Lsoa("E01999904", "Testborough 002B", 0.005, 51.520, 2000, east));

        var centre = Build.Place("Westside Centre", -0.005, 51.500);
        centre.Capacity = 50;
        var hall = Build.Place("Old East Hall", 0.005, 51.521);
        hall.ChangeActivity(Activity.Dormant, new DateOnly(2020, 3, 1), "Closed for repairs");
        var library = Build.Place("East Library", 0.005, 51.520, CategoryTaxonomy.Library);
        library.Capacity = 100;
        var eastOnline = new Place { Name = "East Online", CategorySlug = CategoryTaxonomy.DigitalSpace, Presence = Presence.Digital, Url = "https://east.example", WardsServed = [east] };
        var westOnline = new Place { Name = "West Online", CategorySlug = CategoryTaxonomy.DigitalSpace, Presence = Presence.Digital, Url = "https://west.example", WardsServed = [west] };
        westOnline.ChangeActivity(Activity.Dormant, new DateOnly(2024, 1, 1));
        db.Places.AddRange(centre, hall, library, eastOnline, westOnline);
        await db.SaveChangesAsync();
        await db.UnionLocalAuthorityBoundaryAsync(Code);

        if (!populations)
        {
            await db.Lsoas.ExecuteUpdateAsync(s => s.SetProperty(l => l.Population, (int?)null));
        }
        return hall.Id;

        Lsoa Lsoa(string code, string name, double lon, double lat, int population, Ward ward) => new()
        {
            Code = code, Name = name, Vintage = 2021, LocalAuthorityCode = Code, Population = population, Ward = ward,
            ReferencePoint = SpatialQueries.PointAt(lon, lat), Boundary = Build.Square(lon - 0.001, lat - 0.001, 0.002),
        };
    }
}

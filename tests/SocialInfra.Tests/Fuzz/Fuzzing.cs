using System.Globalization;
using CsCheck;

namespace SocialInfra.Tests.Fuzz;

/// <summary>
/// How many cases each property tries: a quick run by default, and as many as FUZZ_SCALE times that when someone
/// wants to search harder (FUZZ_SCALE=50 dotnet test --filter Fuzz). A failure prints the seed that reproduces it.
/// </summary>
public static class Fuzzing
{
    public static long Iterations(long quick) =>
        int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SCALE"), NumberStyles.None, CultureInfo.InvariantCulture, out var scale) && scale > 0
            ? quick * scale
            : quick;

    /// <summary>What a careless or hostile caller might send: any text, numbers at and past every limit, near-misses of real values.</summary>
    public static readonly Gen<string> Value = Gen.OneOf(
        Gen.String,
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Long.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Gen.OneOf("", " ", "NaN", "Infinity", "-Infinity", "-0", "1e309", "0x10", "true", "TRUE", "null", "\0", "%", "../..", "'; DROP TABLE \"Places\"; --",
            "<script>alert(1)</script>", "E09000002", "E05000026", "E00000000", "library", "Library", "active", "public", "physical", "digital",
            "51.55,0.14", "51.55,", ",", "0,0,0,0", "-180,-90,180,90", "0.07,51.53,0.09,51.54", "1,2,3,4,5", "99999999999999999999", "RM8 3HT", "IG11",
            "0", "1", "-1", "29", "2", "2024", "9999", "0001", "32", "13", "51.54", "0.14", "90.0000001", "-180.5", "2147483648", new string('x', 5000),
            "https://example.org/" + new string('a', 600), new string('y', 2500)),
        Gen.Double[-200, 200].Array[1, 6].Select(a => string.Join(",", a.Select(d => d.ToString("R", CultureInfo.InvariantCulture)))),
        Gen.Guid.Select(g => g.ToString()));
}

using System.Globalization;

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
}

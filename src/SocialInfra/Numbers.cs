using System.Globalization;

namespace SocialInfra;

/// <summary>Numbers as people and files write them.</summary>
public static class Numbers
{
    /// <summary>
    /// A finite number written the invariant way ("51.5362", "-0.1", "1e3"). Never NaN or ±Infinity, which
    /// double.TryParse accepts ("NaN", "Infinity") and which no coordinate, weight or score can be.
    /// </summary>
    public static bool TryParseFinite(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}

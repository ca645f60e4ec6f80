using System.Text.RegularExpressions;

namespace SocialInfra.Geography;

/// <summary>UK postcodes in their usual written form, e.g. "IG11 7NB".</summary>
public static partial class Postcode
{
    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")]
    private static partial Regex Compact();

    /// <summary>Upper-cases and puts the single space before the inward code; null when it is not a UK postcode.</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        return Compact().IsMatch(compact) ? $"{compact[..^3]} {compact[^3..]}" : null;
    }
}

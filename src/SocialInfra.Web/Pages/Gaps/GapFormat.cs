using System.Globalization;

namespace SocialInfra.Web.Pages.Gaps;

/// <summary>How the gap pages write their figures, so the same figure always reads the same way.</summary>
public static class GapFormat
{
    // The app runs in invariant globalisation mode; invariant formats read as British English for numbers.
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.#", English) + "%" : "Not known";

    public static string Score(double? score) => score?.ToString("0.00", English) ?? "Not known";

    public static string Decimal(double? value, string format = "0.00") => value?.ToString(format, English) ?? "Not known";

    public static string Whole(int? value) => value?.ToString("N0", English) ?? "Not known";

    public static string Metres(double metres) => metres >= 1000 ? (metres / 1000).ToString("0.0#", English) + " km" : metres.ToString("N0", English) + " m";

    /// <summary>"+0.12", "−0.40" or "no change", for a what-if.</summary>
    public static string Change(double? before, double? after)
    {
        if (before is null || after is null)
        {
            return "Not known";
        }
        // From the rounded figures, so the change always matches the two scores shown beside it.
        var delta = Math.Round(after.Value, 2) - Math.Round(before.Value, 2);
        delta = Math.Round(delta, 2);
        return delta == 0 ? "No change" : (delta > 0 ? "+" : "−") + Math.Abs(delta).ToString("0.00", English);
    }
}

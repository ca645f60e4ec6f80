using System.Globalization;
using SocialInfra.Gaps;

namespace SocialInfra.Exports;

/// <summary>The ranked gap table as CSV, with the catchment, the basis of the figures and any what-if on every row.</summary>
public static class GapExport
{
    public static readonly string[] Header =
    [
        "rank", "ward_code", "ward_name", "category", "catchment_metres", "population", "lsoas", "lsoas_within_reach", "places",
        "places_per_1000", "coverage", "imd_score", "need", "gap_score", "accessibility_per_1000", "digital_spaces",
        "population_basis", "lsoa_vintage", "what_if", "gap_score_now",
    ];

    public static byte[] Csv(GapAnalysis analysis)
    {
        var category = analysis.Category ?? "composite";
        var catchment = analysis.IsComposite ? "" : analysis.Catchments.Single().Metres.ToString(CultureInfo.InvariantCulture);
        var basis = analysis.Basis.PopulationKnown ? "residents" : "equal share per LSOA";
        return CsvFile.Write(Header, analysis.Wards.Select(w => new[]
        {
            Number(w.Rank), w.Code, w.Name, category, catchment, Number(w.Population), Number(w.Lsoas),
            analysis.IsComposite ? "" : Number(w.Categories.Single().LsoasReached), Number(w.Places),
            Cell(w.PerThousand), Cell(w.Coverage), Cell(w.ImdScore), Cell(w.Need), Cell(w.GapScore), Cell(w.Accessibility),
            Number(w.DigitalSpaces), basis, Number(analysis.Basis.LsoaVintage),
            // A what-if is marked on every row, so hypothetical figures cannot pass for the borough as it is.
            w.Before is null ? "" : "yes", w.Before is { } before ? Cell(before.GapScore) : "",
        }));
    }

    /// <summary>Four decimal places: enough to trace every figure, no floating-point noise.</summary>
    public static double? Round(double? value) => value is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;

    private static string Cell(double? value) => Round(value) is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}

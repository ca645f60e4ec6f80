namespace SocialInfra.Gaps;

/// <summary>A category's catchment and composite weight as the borough has set them (or the planning-practice default).</summary>
public sealed record Catchment(string CategorySlug, string CategoryName, int Metres, double Weight, bool IsDefault);

/// <summary>
/// The gap analysis of one borough: for each ward, who can reach an open place, how deprived the ward is, and the gap
/// score that combines the two. Wards come ranked, biggest gap first.
/// </summary>
public sealed record GapAnalysis(
    string LocalAuthorityCode,
    string LocalAuthorityName,
    string? Category,
    IReadOnlyList<Catchment> Catchments,
    IReadOnlyList<Catchment> LeftOut,
    GapBasis Basis,
    IReadOnlyList<WardGap> Wards,
    IReadOnlyList<LsoaReach> Lsoas)
{
    public bool IsComposite => Category is null;

    public WardGap? Ward(string code) => Wards.FirstOrDefault(w => w.Code == code);
}

/// <summary>What the figures rest on, so every number can be traced.</summary>
/// <param name="PopulationKnown">True when every LSOA has a population; otherwise each LSOA counts as one equal share.</param>
/// <param name="LsoaVintage">The LSOA boundaries used (2011 or 2021).</param>
/// <param name="NeedKnown">True when every ward has an IMD score; when none has, every ward's need is 1.</param>
/// <param name="HighestImdScore">The borough's highest ward IMD score: the ward with it has need 1.</param>
/// <param name="HighestImdWard">The name of that ward.</param>
public sealed record GapBasis(bool PopulationKnown, int? LsoaVintage, bool NeedKnown, double? HighestImdScore, string? HighestImdWard);

/// <summary>One ward's figures for the category asked about (or the composite), with each category's part.</summary>
public sealed record WardGap(
    string Code,
    string Name,
    int? Population,
    int Lsoas,
    int Places,
    double? PerThousand,
    double? Coverage,
    double? ImdScore,
    double? Need,
    double? GapScore,
    int? Rank,
    double? Accessibility,
    int DigitalSpaces,
    IReadOnlyList<CategoryGap> Categories)
{
    /// <summary>In a "what if", the same ward as it is now.</summary>
    public WardGap? Before { get; init; }
}

/// <summary>One category's figures in one ward.</summary>
public sealed record CategoryGap(
    string CategorySlug,
    string CategoryName,
    int CatchmentMetres,
    double Weight,
    int Places,
    double? PerThousand,
    double? Coverage,
    double? GapScore,
    int LsoasReached,
    double? Accessibility);

/// <summary>Whether the residents of one LSOA can reach an open place of one category within its catchment.</summary>
public sealed record LsoaReach(string CategorySlug, string Code, string Name, string WardCode, int? Population, bool Reached, double? Accessibility);

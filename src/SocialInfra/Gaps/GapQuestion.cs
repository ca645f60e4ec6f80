using NetTopologySuite.Geometries;

namespace SocialInfra.Gaps;

/// <summary>What a gap analysis is asked: one borough, one category (or the composite of all), and any "what if" changes.</summary>
public sealed record GapQuestion(string LocalAuthorityCode)
{
    /// <summary>The category's slug, or null for the composite across every weighted category.</summary>
    public string? Category { get; init; }

    /// <summary>Places that do not exist yet, counted as if they were open. Nothing is saved.</summary>
    public IReadOnlyList<HypotheticalPlace> Added { get; init; } = [];

    /// <summary>Dormant or closed places counted as if they were open again. Nothing is saved.</summary>
    public IReadOnlyList<Guid> Reopened { get; init; } = [];

    /// <summary>Open places counted as if they had closed (a workshop's "this has gone"). Nothing is saved.</summary>
    public IReadOnlyList<Guid> Closed { get; init; } = [];

    /// <summary>Whether to work out the capacity-aware accessibility score (two-step floating catchment area) as well.</summary>
    public bool Accessibility { get; init; }

    public bool IsWhatIf => Added.Count > 0 || Reopened.Count > 0 || Closed.Count > 0;

    /// <summary>The same question about the borough as it is, without the "what if" changes.</summary>
    public GapQuestion AsItIs() => this with { Added = [], Reopened = [], Closed = [] };
}

/// <summary>A place that might be opened: a category, a point and, optionally, how many people it can serve at once.</summary>
public sealed record HypotheticalPlace(string CategorySlug, Point Location, int? Capacity = null);

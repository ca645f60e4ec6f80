namespace SocialInfra.Places;

/// <summary>Places whose details nobody has confirmed for a year are listed for their organisation to check.</summary>
public static class PlaceVerification
{
    public const int MonthsBeforePrompt = 12;

    /// <summary>Never confirmed, or last confirmed twelve months or more before <paramref name="today"/>.</summary>
    public static IQueryable<Place> NotConfirmedForAYear(this IQueryable<Place> places, DateOnly today)
    {
        var cutoff = today.AddMonths(-MonthsBeforePrompt);
        return places.Where(p => p.LastVerifiedOn == null || p.LastVerifiedOn <= cutoff);
    }
}

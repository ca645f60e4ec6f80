namespace SocialInfra.Places;

/// <summary>The accessibility features people most often look for; a place may record others in its own words.</summary>
public static class AccessibilityFeatureList
{
    public static readonly IReadOnlyList<string> Common =
    [
        "Step-free access",
        "Accessible toilet",
        "Changing Places toilet",
        "Hearing loop",
        "Blue Badge parking",
        "Baby changing",
        "Quiet space",
        "Assistance dogs welcome",
    ];
}

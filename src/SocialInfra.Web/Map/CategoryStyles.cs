namespace SocialInfra.Web.Map;

/// <summary>
/// The short symbol each category's marker carries, so colour is never the only cue (WCAG 1.4.1).
/// Colours live in site.scss as .si-cat--{slug}; a category without one falls back to .si-cat.
/// </summary>
public static class CategoryStyles
{
    private static readonly Dictionary<string, string> Symbols = new()
    {
        ["community-centre"] = "CC",
        ["library"] = "Li",
        ["park"] = "Pk",
        ["playground"] = "Pg",
        ["garden-allotment"] = "Ga",
        ["market"] = "Mk",
        ["place-of-worship"] = "W",
        ["sports"] = "Sp",
        ["youth"] = "Y",
        ["cafe-pub"] = "Ca",
        ["arts"] = "Ar",
        ["education"] = "Ed",
        ["health"] = "He",
        ["social-care"] = "SC",
        ["digital-space"] = "D",
    };

    public static string Symbol(string slug) =>
        Symbols.TryGetValue(slug, out var symbol) ? symbol : slug[..Math.Min(2, slug.Length)].ToUpperInvariant();
}

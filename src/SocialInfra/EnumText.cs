namespace SocialInfra;

/// <summary>Reads an enum value from user text by its exact name (any case): no numbers, no comma-joined flags.</summary>
public static class EnumText
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }

    /// <summary>The names users may type, lower-cased, e.g. "active, dormant, closed".</summary>
    public static string Choices<T>() where T : struct, Enum =>
        string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
}

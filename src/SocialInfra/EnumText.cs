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

    /// <summary>The value in words for people: EarlyHelp reads "Early help", ShortLived "Short-lived".</summary>
    public static string Words(Enum value)
    {
        var name = value.ToString();
        if (name == "ShortLived")
        {
            return "Short-lived";
        }
        var words = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }
        return name == "Vcfse" ? "VCFSE" : words.ToString();
    }

    /// <summary>The value in words, lower case, for the middle of a sentence: "dormant".</summary>
    public static string Lower(Enum value) => Words(value).ToLowerInvariant();
}

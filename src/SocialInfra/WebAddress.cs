namespace SocialInfra;

/// <summary>A web address someone typed for a place or service: http or https, and short enough to keep.</summary>
public static class WebAddress
{
    /// <summary>What is wrong with the address, or null when it is blank or fine.</summary>
    public static string? Problem(string? url, int maximumLength)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "Web address must start with https:// or http://, like https://example.org";
        }
        return url.Length > maximumLength ? $"Web address must be {maximumLength} characters or fewer" : null;
    }
}

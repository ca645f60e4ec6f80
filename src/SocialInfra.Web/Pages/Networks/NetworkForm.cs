using SocialInfra.Networks;
using SocialInfra.Web.Forms;

namespace SocialInfra.Web.Pages.Networks;

/// <summary>What the _NetworkFields partial shows: the fields as sent, and what was wrong with them.</summary>
public sealed record NetworkForm(string? Name, string? Purpose, IReadOnlyList<NetworkValue> Values, FormErrors Errors)
{
    public static FormErrors NewErrors() => new() { Anchors = { [nameof(NetworkDraft.Values)] = "Values-0" } };
}

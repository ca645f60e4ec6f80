using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SocialInfra.Web.Pages;

/// <summary>What a person sees instead of a bare status code: not allowed, not found, or another problem.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class StatusModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>What was wrong with the request, when the part of the app that refused it said (a 400's field).</summary>
    public string? Detail { get; private set; }

    public string Heading => Code switch
    {
        400 => "There is a problem with what you sent",
        403 => "You do not have permission to do this",
        404 => "Page not found",
        405 => "This page cannot do that",
        413 => "What you sent is too large",
        429 => "Too many attempts",
        503 => "Sorry, the service is unavailable",
        _ => "Sorry, there is a problem",
    };

    // From the route only, never bound: a re-executed form post may carry a field of the same name (the workshop join's
    // "Code"), or a body too large to read (413), when binding would be skipped and the code lost.
    public void OnGet() => FromRoute();

    // Re-executed for the original request, which may have been a form post.
    public void OnPost() => FromRoute();

    private void FromRoute()
    {
        Code = CodeFromRoute();
        Detail = HttpContext.Items[Security.UnstorableText.DetailKey] as string;
    }

    private int CodeFromRoute() =>
        int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 0;
}

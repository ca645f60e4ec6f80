using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialInfra.Accounts;

namespace SocialInfra.Web.Pages.Account;

/// <summary>
/// Sign-in through the council's identity provider. Only people an administrator has already added (same email)
/// get in: the provider says who they are; SocialInfra decides their role and organisation.
/// </summary>
[AllowAnonymous]
public class ExternalLoginModel(SignInManager<User> signIn, UserManager<User> users) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Account/Login");

    public async Task<IActionResult> OnPostAsync(string provider, string? returnUrl)
    {
        var schemes = await signIn.GetExternalAuthenticationSchemesAsync();
        if (!schemes.Any(s => s.Name == provider))
        {
            return NotFound();
        }
        var callback = Url.Page("/Account/ExternalLogin", "Callback", new { returnUrl });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(provider, callback), provider);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl)
    {
        var target = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return Problem("The sign-in did not finish. Try again.");
        }
        var signedIn = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (signedIn.Succeeded)
        {
            return LocalRedirect(target);
        }

        var email = info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.FindFirstValue("preferred_username");
        var user = email is null ? null : await users.FindByEmailAsync(email);
        if (user is null || signedIn.IsLockedOut)
        {
            return Problem(signedIn.IsLockedOut
                ? "This account is locked. Try again in 15 minutes."
                : $"There is no SocialInfra account for {email ?? "this sign-in"}. Ask your administrator to add you.");
        }
        var linked = await users.AddLoginAsync(user, info);
        if (!linked.Succeeded)
        {
            return Problem(string.Join(" ", linked.Errors.Select(e => e.Description)));
        }
        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        return LocalRedirect(target);
    }

    private RedirectToPageResult Problem(string message)
    {
        TempData[nameof(LoginModel.ExternalProblem)] = message;
        return RedirectToPage("/Account/Login");
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialInfra.Accounts;
using SocialInfra.Web.Forms;

namespace SocialInfra.Web.Pages.Account;

[AllowAnonymous]
public class LoginModel(SignInManager<User> signIn) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set by the external sign-in page when the identity provider's account has no SocialInfra account.</summary>
    [TempData]
    public string? ExternalProblem { get; set; }

    public FormErrors Errors { get; } = [];

    public IList<AuthenticationScheme> ExternalSchemes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        ExternalSchemes = [.. await signIn.GetExternalAuthenticationSchemesAsync()];
        if (ExternalProblem is { } problem)
        {
            Errors.Add("external", problem);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ExternalSchemes = [.. await signIn.GetExternalAuthenticationSchemesAsync()];
        if (string.IsNullOrWhiteSpace(Email))
        {
            Errors.Add(nameof(Email), "Enter your email address");
        }
        if (string.IsNullOrEmpty(Password))
        {
            Errors.Add(nameof(Password), "Enter your password");
        }
        if (Errors.Count > 0)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        Errors.Add(nameof(Email), result.IsLockedOut
            ? "This account is locked after too many wrong passwords. Try again in 15 minutes"
            : "The email address or password is not right");
        return Page();
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialInfra.Accounts;

namespace SocialInfra.Web.Pages.Account;

/// <summary>Signs out on a form post only, so a link or an image cannot sign anyone out.</summary>
public class LogoutModel(SignInManager<User> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Index");
    }
}

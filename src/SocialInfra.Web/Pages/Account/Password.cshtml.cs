using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialInfra.Accounts;
using SocialInfra.Web.Forms;

namespace SocialInfra.Web.Pages.Account;

/// <summary>Changing your own password, e.g. the one an administrator set when adding you.</summary>
[Authorize]
public class PasswordModel(UserManager<User> users, SignInManager<User> signIn) : PageModel
{
    [BindProperty]
    public string? Current { get; set; }

    [BindProperty]
    public string? New { get; set; }

    public FormErrors Errors { get; } = [];

    [TempData]
    public string? Changed { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Current))
        {
            Errors.Add(nameof(Current), "Enter your current password");
        }
        if (string.IsNullOrEmpty(New))
        {
            Errors.Add(nameof(New), "Enter a new password");
        }
        if (Errors.Count > 0)
        {
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var result = await users.ChangePasswordAsync(user, Current!, New!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                Errors.Add(error.Code == "PasswordMismatch" ? nameof(Current) : nameof(New),
                    error.Code == "PasswordMismatch" ? "Your current password is not right" : error.Description);
            }
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        Changed = "Your password has been changed.";
        return RedirectToPage();
    }
}

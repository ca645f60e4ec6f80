using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Accounts;
using SocialInfra.Data;
using SocialInfra.Web.Forms;

namespace SocialInfra.Web.Pages.Admin.Users;

/// <summary>Adding a user, or changing their name, role and organisation. VCFSE staff must belong to an organisation.</summary>
[Authorize(Roles = Roles.Admin)]
public class EditModel(SocialInfraDbContext db, UserManager<User> users) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public Guid? OrganisationId { get; set; }
    /// <summary>Only when adding: the first password, which the user should change on first sign-in.</summary>
    [BindProperty] public string? Password { get; set; }

    public User? Existing { get; private set; }
    public FormErrors Errors { get; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        if (id is { } userId)
        {
            Existing = await users.FindByIdAsync(userId.ToString());
            if (Existing is null)
            {
                return NotFound();
            }
            DisplayName = Existing.DisplayName;
            Email = Existing.Email;
            OrganisationId = Existing.OrganisationId;
            Role = (await users.GetRolesAsync(Existing)).FirstOrDefault();
        }
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        if (id is { } userId && (Existing = await users.FindByIdAsync(userId.ToString())) is null)
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            Errors.Add(nameof(DisplayName), "Enter the person's name");
        }
        else if (DisplayName.Trim().Length > SocialInfra.Accounts.User.DisplayNameLength)
        {
            Errors.Add(nameof(DisplayName), $"Name must be {SocialInfra.Accounts.User.DisplayNameLength} characters or fewer");
        }
        if (Existing is null && string.IsNullOrWhiteSpace(Email))
        {
            Errors.Add(nameof(Email), "Enter their email address");
        }
        else if (Existing is null && Email!.Trim().Length > SocialInfra.Accounts.User.EmailLength)
        {
            Errors.Add(nameof(Email), $"Email address must be {SocialInfra.Accounts.User.EmailLength} characters or fewer");
        }
        if (Role is null || !Roles.All.Contains(Role))
        {
            Errors.Add(nameof(Role), "Choose a role");
        }
        if (Role == Roles.VcfseStaff && OrganisationId is null)
        {
            Errors.Add(nameof(OrganisationId), "Choose the organisation this VCFSE staff member works for");
        }
        if (OrganisationId is { } org && !await db.Organisations.AnyAsync(o => o.Id == org))
        {
            Errors.Add(nameof(OrganisationId), "Choose an organisation from the list");
        }
        if (Existing is null && string.IsNullOrEmpty(Password))
        {
            Errors.Add(nameof(Password), "Enter a first password for them");
        }
        if (Existing is not null && Existing.Id == User.UserId() && Role != Roles.Admin)
        {
            Errors.Add(nameof(Role), "You cannot remove your own administrator role: ask another administrator");
        }
        if (Errors.Count > 0)
        {
            await LoadChoicesAsync();
            return Page();
        }

        var user = Existing ?? new User { UserName = Email!.Trim(), Email = Email.Trim(), EmailConfirmed = true, DisplayName = "" };
        user.DisplayName = DisplayName!.Trim();
        user.OrganisationId = OrganisationId;
        var result = Existing is null ? await users.CreateAsync(user, Password!) : await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            var current = await users.GetRolesAsync(user);
            if (!current.SequenceEqual([Role!]))
            {
                result = await users.RemoveFromRolesAsync(user, current);
                if (result.Succeeded)
                {
                    result = await users.AddToRoleAsync(user, Role!);
                }
                // Their sign-in is checked against the stamp every minute, so the new role applies within a minute.
                await users.UpdateSecurityStampAsync(user);
            }
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                Errors.Add(error.Code.Contains("Password") ? nameof(Password) : nameof(Email), error.Description);
            }
            await LoadChoicesAsync();
            return Page();
        }
        TempData["Banner"] = Existing is null ? $"{user.DisplayName} has been added. Give them their first password by a secure route; they can change it once signed in." : $"{user.DisplayName} has been updated.";
        return RedirectToPage("/Admin/Users/Index");
    }

    private async Task LoadChoicesAsync() => Organisations = await FormChoices.OrganisationsAsync(db);
}

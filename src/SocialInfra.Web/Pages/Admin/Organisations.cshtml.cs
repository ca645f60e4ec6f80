using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Accounts;
using SocialInfra.Data;
using SocialInfra.Organisations;
using SocialInfra.Web.Forms;

namespace SocialInfra.Web.Pages.Admin;

/// <summary>The organisations users belong to and places and services are held by; an administrator adds them.</summary>
[Authorize(Roles = Roles.Admin)]
public class OrganisationsModel(SocialInfraDbContext db) : PageModel
{
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public OrganisationKind? Kind { get; set; }
    [BindProperty] public string? CharityNumber { get; set; }

    public FormErrors Errors { get; } = [];

    [TempData]
    public string? Banner { get; set; }

    public async Task OnGetAsync() => Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var name = Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            Errors.Add(nameof(Name), "Enter the organisation's name");
        }
        else if (name.Length > Organisation.NameLength)
        {
            Errors.Add(nameof(Name), $"Name must be {Organisation.NameLength} characters or fewer");
        }
        else if (await db.Organisations.AnyAsync(o => o.Name.ToLower() == name.ToLower()))
        {
            Errors.Add(nameof(Name), $"{name} is already in the list");
        }
        if (Kind is not { } kind || !Enum.IsDefined(kind))
        {
            Errors.Add(nameof(Kind), "Choose the kind of organisation");
        }
        var charity = string.IsNullOrWhiteSpace(CharityNumber) ? null : CharityNumber.Trim();
        if (charity?.Length > Organisation.NumberLength)
        {
            Errors.Add(nameof(CharityNumber), $"Charity number must be {Organisation.NumberLength} characters or fewer, like 1234567");
        }
        if (Errors.Count > 0)
        {
            await OnGetAsync();
            return Page();
        }
        db.Organisations.Add(new Organisation { Name = name, Kind = Kind!.Value, CharityNumber = charity });
        await db.SaveChangesAsync();
        Banner = $"{name} has been added.";
        return RedirectToPage();
    }
}

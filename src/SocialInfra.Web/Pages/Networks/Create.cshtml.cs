using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialInfra.Accounts;
using SocialInfra.Data;
using SocialInfra.Networks;
using SocialInfra.Web.Forms;

namespace SocialInfra.Web.Pages.Networks;

/// <summary>Starting a network: whoever starts it coordinates it.</summary>
[Authorize(Roles = Roles.Editors)]
public class CreateModel(SocialInfraDbContext db) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public List<NetworkValue> Values { get; set; } = [];

    public FormErrors Errors { get; } = NetworkForm.NewErrors();
    public NetworkForm Form => new(Name, Purpose, Values, Errors);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await NetworkRecordKeeping.CreateAsync(db, new NetworkDraft(Name, Purpose, Values), User.UserId()!.Value, cancellationToken);
        if (result.Outcome != NetworkOutcome.Done)
        {
            Errors.AddRange(result.Errors);
            return Page();
        }
        TempData["Banner"] = $"{result.Value!.Name} has been started. You coordinate it: add its members next.";
        return Redirect($"/Networks/{result.Value.Id}/Manage");
    }
}

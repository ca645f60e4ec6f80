using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Accounts;
using SocialInfra.Data;
using SocialInfra.Imports;

namespace SocialInfra.Web.Pages.Admin.Imports;

/// <summary>The report of one import: what it created and updated, or every problem that stopped it.</summary>
[Authorize(Roles = Roles.Admin)]
public class RunModel(SocialInfraDbContext db) : PageModel
{
    public ImportRun Run { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null)
        {
            return NotFound();
        }
        Run = run;
        return Page();
    }
}

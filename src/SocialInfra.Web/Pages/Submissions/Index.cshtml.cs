using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Accounts;
using SocialInfra.Data;

namespace SocialInfra.Web.Pages.Submissions;

/// <summary>VCFSE staff follow their organisation's submissions here; officers see everyone's.</summary>
[Authorize(Roles = Roles.Editors)]
public class IndexModel(SocialInfraDbContext db) : PageModel
{
    public IReadOnlyList<SubmissionRow> Rows { get; private set; } = [];

    [TempData]
    public string? Banner { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Highlight { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var submissions = db.PlaceSubmissions.AsNoTracking();
        if (!User.IsOfficer())
        {
            var organisation = User.OrganisationId();
            submissions = submissions.Where(s => s.OrganisationId == organisation);
        }
        Rows = await SubmissionRow.From(submissions.OrderByDescending(s => s.SubmittedAt)).Take(200).ToListAsync(cancellationToken);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Accounts;
using SocialInfra.Data;
using SocialInfra.Places;
using SocialInfra.Web.Pages.Submissions;

namespace SocialInfra.Web.Pages.Moderation;

/// <summary>The moderation queue: what VCFSE staff have sent, oldest first, for an officer to approve or return.</summary>
[Authorize(Roles = Roles.Officers)]
public class IndexModel(SocialInfraDbContext db) : PageModel
{
    public IReadOnlyList<SubmissionRow> Waiting { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Waiting = await SubmissionRow.From(db.PlaceSubmissions.AsNoTracking()
                .Where(s => s.Status == SubmissionStatus.Pending)
                .OrderBy(s => s.SubmittedAt))
            .ToListAsync(cancellationToken);
}

using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Services;

namespace SocialInfra.Web.Pages.Services;

public class IndexModel(SocialInfraDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, Guid OrganisationId, string Organisation, PreventionLevel PreventionLevel, ServiceStatus Status);

    public List<Row> Services { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Services = await db.Services.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new Row(s.Id, s.Name, s.OrganisationId, s.Organisation!.Name, s.PreventionLevel, s.Status))
            .ToListAsync(cancellationToken);
}

using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;

namespace SocialInfra.Web.Pages.Networks;

public class IndexModel(SocialInfraDbContext db) : PageModel
{
    public sealed record Row(string Name, string? Purpose, int Members);

    public List<Row> Networks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Networks = await db.ValueNetworks.AsNoTracking().OrderBy(n => n.Name)
            .Select(n => new Row(n.Name, n.Purpose, n.Members.Count))
            .ToListAsync(cancellationToken);
}

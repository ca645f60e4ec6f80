using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Networks;

namespace SocialInfra.Web.Pages.Networks;

/// <summary>Every value network, and the borough's networks taken together: who bridges sectors, and where networks meet.</summary>
public class IndexModel(SocialInfraDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, string? Purpose, IReadOnlyList<NetworkValue> Values, int Members, int Relationships);

    public List<Row> Networks { get; private set; } = [];
    public NetworkFigures Borough { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Networks = await db.ValueNetworks.AsNoTracking().OrderBy(n => n.Name)
            .Select(n => new Row(n.Id, n.Name, n.Purpose, n.Values, n.Members.Count, n.Relationships.Count))
            .ToListAsync(cancellationToken);
        Borough = await NetworkFigures.ForBoroughAsync(db, cancellationToken);
    }
}

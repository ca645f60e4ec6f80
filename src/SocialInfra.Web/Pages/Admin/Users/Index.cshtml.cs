using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Accounts;
using SocialInfra.Data;

namespace SocialInfra.Web.Pages.Admin.Users;

/// <summary>Everyone who can sign in, with their role and organisation.</summary>
[Authorize(Roles = Roles.Admin)]
public class IndexModel(SocialInfraDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, string? Email, string? Role, string? Organisation, bool Locked);

    public IReadOnlyList<Row> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        Users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new Row(
                u.Id, u.DisplayName, u.Email,
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
                u.Organisation!.Name,
                u.LockoutEnd != null && u.LockoutEnd > now))
            .ToListAsync(cancellationToken);
    }
}

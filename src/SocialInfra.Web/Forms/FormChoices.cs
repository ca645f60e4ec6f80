using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Geography;

namespace SocialInfra.Web.Forms;

/// <summary>The lists forms offer to choose from, by name.</summary>
public static class FormChoices
{
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> OrganisationsAsync(SocialInfraDbContext db, CancellationToken cancellationToken = default) =>
        (await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, o.Name)).ToList();

    /// <summary>The authority's wards of the newest boundary vintage.</summary>
    public static async Task<IReadOnlyList<(int Id, string Name)>> WardsAsync(SocialInfraDbContext db, string localAuthorityCode, CancellationToken cancellationToken = default) =>
        (await db.CurrentWards(localAuthorityCode).OrderBy(w => w.Name).Select(w => new { w.Id, w.Name }).ToListAsync(cancellationToken))
            .Select(w => (w.Id, w.Name)).ToList();
}

using Microsoft.EntityFrameworkCore;
using SocialInfra.Organisations;

namespace SocialInfra.Imports;

/// <summary>
/// The organisations an import may name, read once: found by name (any case), or added as VCFSE with a note in the
/// report so an administrator checks the sector. Holds ids only, so it outlives a cleared change tracker.
/// </summary>
internal sealed class OrganisationDirectory
{
    private readonly ImportContext _context;
    private readonly Dictionary<string, Guid> _byName;
    private readonly HashSet<Guid> _ids;

    private OrganisationDirectory(ImportContext context, List<(Guid Id, string Name)> organisations)
    {
        _context = context;
        _byName = organisations.GroupBy(o => o.Name.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First().Id);
        _ids = organisations.Select(o => o.Id).ToHashSet();
    }

    public static async Task<OrganisationDirectory> LoadAsync(ImportContext context)
    {
        var organisations = await context.Db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToListAsync(context.CancellationToken);
        return new OrganisationDirectory(context, organisations.Select(o => (o.Id, o.Name)).ToList());
    }

    public bool Has(Guid id) => _ids.Contains(id);

    /// <summary>The id of the organisation with this name, adding it when there is none.</summary>
    public Guid IdFor(string name, string? website = null)
    {
        if (_byName.TryGetValue(name.ToLowerInvariant(), out var id))
        {
            return id;
        }
        var organisation = new Organisation { Name = name, Kind = OrganisationKind.Vcfse, Website = website };
        _context.Db.Organisations.Add(organisation);
        _byName[name.ToLowerInvariant()] = organisation.Id;
        _ids.Add(organisation.Id);
        _context.Report.Note($"Added the organisation {name} (as VCFSE; check its sector on the organisations page).");
        return organisation.Id;
    }
}

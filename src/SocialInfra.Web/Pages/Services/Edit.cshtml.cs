using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialInfra.Accounts;
using SocialInfra.Auditing;
using SocialInfra.Data;
using SocialInfra.Geography;
using SocialInfra.Places;
using SocialInfra.Services;
using SocialInfra.Web.Forms;
using SocialInfra.Web.Map;
using SocialInfra.Web.Pages.Places;

namespace SocialInfra.Web.Pages.Services;

/// <summary>Adding or changing a service: officers for any organisation, VCFSE staff for their own.</summary>
[Authorize(Roles = Roles.Editors)]
public class EditModel(SocialInfraDbContext db, IActor actor, IOptionsSnapshot<MapOptions> options, TimeProvider clock) : PageModel
{
    public const string IdPrefix = "Service_";

    [BindProperty]
    public ServiceDraft Service { get; set; } = new();

    /// <summary>Another place where it is delivered, by name, when it is not in the list.</summary>
    [BindProperty]
    public string? AlsoAt { get; set; }

    [BindProperty]
    public uint Version { get; set; }

    public Service? Existing { get; private set; }
    public FormErrors Errors { get; } = NewErrors();
    public PlaceVersionsView? Conflict { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Places { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Wards { get; private set; } = [];
    private string _authority = "";

    public string Heading => Existing is null ? "Add a service" : $"Change {Existing.Name}";

    private static FormErrors NewErrors()
    {
        var errors = new FormErrors { IdPrefix = IdPrefix };
        errors.Anchors[nameof(ServiceDraft.PlaceIds)] = $"{IdPrefix}PlaceIds-0";
        errors.Anchors[nameof(ServiceDraft.WardIds)] = $"{IdPrefix}WardIds-0";
        errors.Anchors[nameof(ServiceDraft.PreventionLevel)] = $"{IdPrefix}PreventionLevel-0";
        errors.Anchors[nameof(AlsoAt)] = "AlsoAt";
        return errors;
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        Service = Existing is null ? new ServiceDraft { OrganisationId = User.OrganisationId() ?? Guid.Empty } : ServiceDraft.Of(Existing);
        Version = Existing?.Version ?? 0;
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!User.IsOfficer())
        {
            Service = Service with { OrganisationId = User.OrganisationId()!.Value };
        }
        if (!string.IsNullOrWhiteSpace(AlsoAt))
        {
            var name = AlsoAt.Trim().ToLower();
            var matches = await db.Places.Where(p => p.Name.ToLower() == name).Select(p => p.Id).Take(2).ToListAsync(cancellationToken);
            if (matches.Count == 1)
            {
                Service = Service with { PlaceIds = [.. Service.PlaceIds, matches[0]] };
                AlsoAt = null;
            }
            else
            {
                Errors.Add(nameof(AlsoAt), matches.Count == 0
                    ? $"No place is called '{AlsoAt.Trim()}'. Check the name on the place's page"
                    : $"More than one place is called '{AlsoAt.Trim()}'. Ask a council officer to link the right one");
            }
        }
        Service = Service with { PlaceIds = Service.PlaceIds.Distinct().ToList(), WardIds = Service.WardIds.Distinct().Order().ToList() };
        Errors.AddRange((await Service.CheckAsync(db, _authority, cancellationToken)).Where(p => !Errors.Has(p.Field)));
        if (Errors.Count > 0)
        {
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        var service = Existing ?? new Service { Name = Service.Name, Provenance = new Provenance { Source = "manual" } };
        if (Existing is not null)
        {
            if (Existing.Version != Version)
            {
                return await ShowConflictAsync(cancellationToken);
            }
            db.Entry(Existing).Property(s => s.Version).OriginalValue = Version;
        }
        else
        {
            db.Services.Add(service);
        }
        await Service.ApplyToAsync(db, service, actor.Name, clock.GetUtcNow(), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ShowConflictAsync(cancellationToken);
        }
        TempData["Banner"] = Existing is null ? $"{service.Name} has been added." : $"Your changes to {service.Name} have been saved.";
        return RedirectToPage("/Services/Index");
    }

    private async Task<IActionResult> ShowConflictAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var theirs = await LoadServiceAsync(Existing!.Id, cancellationToken);
        Existing = theirs;
        Version = theirs!.Version;
        var their = ServiceDraft.Of(theirs);
        var names = await NamesAsync([.. their.PlaceIds, .. Service.PlaceIds], cancellationToken);
        var left = Describe(their, names);
        var right = Describe(Service, names);
        Conflict = new PlaceVersionsView("Their version and yours", "Saved by someone else", "Yours (not saved)",
            left.Zip(right, (l, r) => new VersionRow(l.Label, l.Value, r.Value)).ToList());
        Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private async Task<(Dictionary<Guid, string> Organisations, Dictionary<Guid, string> Places, Dictionary<int, string> Wards)> NamesAsync(List<Guid> placeIds, CancellationToken cancellationToken) =>
        (await db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken),
         await db.Places.Where(p => placeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken),
         await db.CurrentWards(_authority).ToDictionaryAsync(w => w.Id, w => w.Name, cancellationToken));

    private static List<(string Label, string Value)> Describe(ServiceDraft d, (Dictionary<Guid, string> Organisations, Dictionary<Guid, string> Places, Dictionary<int, string> Wards) names) =>
    [
        ("Name", d.Name),
        ("Run by", names.Organisations.GetValueOrDefault(d.OrganisationId, "")),
        ("Description", d.Description ?? ""),
        ("Who it is for", d.WhoFor ?? ""),
        ("Eligibility", d.Eligibility ?? ""),
        ("Cost", d.Cost ?? ""),
        ("Web address", d.Url ?? ""),
        ("How preventative", EnumText.Words(d.PreventionLevel)),
        ("Commissioned by", d.CommissionedById is { } c ? names.Organisations.GetValueOrDefault(c, "") : ""),
        ("Status", EnumText.Words(d.Status)),
        ("Delivered at", string.Join(", ", d.PlaceIds.Select(id => names.Places.GetValueOrDefault(id, "")).Order())),
        ("Wards served", string.Join(", ", d.WardIds.Select(id => names.Wards.GetValueOrDefault(id, "")).Order())),
    ];

    private Task<Service?> LoadServiceAsync(Guid id, CancellationToken cancellationToken) =>
        db.Services.AsSplitQuery().Include(s => s.DeliveredAt).Include(s => s.WardsServed).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    private async Task<IActionResult?> LoadAsync(Guid? id, CancellationToken cancellationToken)
    {
        _authority = (await MapView.LocalAuthorityAsync(db, options.Value, cancellationToken))?.Code ?? "";
        if (id is { } serviceId)
        {
            Existing = await LoadServiceAsync(serviceId, cancellationToken);
            if (Existing is null)
            {
                return NotFound();
            }
            if (!User.MayEditRecordOf(Existing.OrganisationId))
            {
                return Forbid();
            }
        }
        else if (!User.MayAdd())
        {
            return Forbid();
        }
        return null;
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Organisations = await FormChoices.OrganisationsAsync(db, cancellationToken);
        var organisation = Service.OrganisationId;
        var chosen = Service.PlaceIds;
        Places = (await db.Places.Where(p => p.OwnerOrganisationId == organisation || chosen.Contains(p.Id))
                .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.Name)).ToList();
        Wards = await FormChoices.WardsAsync(db, _authority, cancellationToken);
    }
}

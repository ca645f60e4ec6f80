using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Geography;
using SocialInfra.Places;

namespace SocialInfra.Services;

/// <summary>Everything a person can set on a service, as entered.</summary>
public sealed record ServiceDraft
{
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public Guid OrganisationId { get; init; }
    public string? WhoFor { get; init; }
    public string? Eligibility { get; init; }
    public string? Cost { get; init; }
    public string? Url { get; init; }
    public PreventionLevel PreventionLevel { get; init; }
    public Guid? CommissionedById { get; init; }
    public ServiceStatus Status { get; init; }
    public List<Guid> PlaceIds { get; init; } = [];
    public List<int> WardIds { get; init; } = [];

    public static ServiceDraft Of(Service service) => new()
    {
        Name = service.Name,
        Description = service.Description,
        OrganisationId = service.OrganisationId,
        WhoFor = service.WhoFor,
        Eligibility = service.Eligibility,
        Cost = service.Cost,
        Url = service.Url,
        PreventionLevel = service.PreventionLevel,
        CommissionedById = service.CommissionedById,
        Status = service.Status,
        PlaceIds = service.DeliveredAt.Select(p => p.Id).ToList(),
        WardIds = service.WardsServed.Select(w => w.Id).Order().ToList(),
    };

    /// <summary>The problems with the draft, each naming its field.</summary>
    public async Task<List<FieldError>> CheckAsync(SocialInfraDbContext db, string localAuthorityCode, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add(new FieldError(nameof(Name), "Enter the name of the service"));
        }
        else if (Name.Trim().Length > Service.NameLength)
        {
            errors.Add(new FieldError(nameof(Name), $"Name must be {Service.NameLength} characters or fewer"));
        }
        if (!await db.Organisations.AnyAsync(o => o.Id == OrganisationId, cancellationToken))
        {
            errors.Add(new FieldError(nameof(OrganisationId), "Choose the organisation that runs the service"));
        }
        if (CommissionedById is { } commissioner && !await db.Organisations.AnyAsync(o => o.Id == commissioner, cancellationToken))
        {
            errors.Add(new FieldError(nameof(CommissionedById), "Choose the commissioning organisation from the list"));
        }
        if (WebAddress.Problem(Url, Service.UrlLength) is { } urlProblem)
        {
            errors.Add(new FieldError(nameof(Url), urlProblem));
        }
        if (await db.Places.CountAsync(p => PlaceIds.Contains(p.Id), cancellationToken) != PlaceIds.Distinct().Count())
        {
            errors.Add(new FieldError(nameof(PlaceIds), "Choose places from the list"));
        }
        if (await db.CurrentWards(localAuthorityCode).CountAsync(w => WardIds.Contains(w.Id), cancellationToken) != WardIds.Distinct().Count())
        {
            errors.Add(new FieldError(nameof(WardIds), "Choose wards from the list"));
        }
        if (PlaceIds.Count == 0 && WardIds.Count == 0)
        {
            errors.Add(new FieldError(nameof(PlaceIds), "Choose the places where it is delivered, or the wards it serves, or both"));
        }
        return errors;
    }

    /// <summary>Makes the service match this checked draft.</summary>
    public async Task ApplyToAsync(SocialInfraDbContext db, Service service, string recordedBy, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        service.Name = Name.Trim();
        service.Description = Blank(Description);
        service.OrganisationId = OrganisationId;
        service.WhoFor = Blank(WhoFor);
        service.Eligibility = Blank(Eligibility);
        service.Cost = Blank(Cost);
        service.Url = Blank(Url);
        service.PreventionLevel = PreventionLevel;
        service.CommissionedById = CommissionedById;
        service.Status = Status;
        service.DeliveredAt.RemoveAll(p => !PlaceIds.Contains(p.Id));
        var newPlaces = PlaceIds.Except(service.DeliveredAt.Select(p => p.Id)).ToList();
        service.DeliveredAt.AddRange(await db.Places.Where(p => newPlaces.Contains(p.Id)).ToListAsync(cancellationToken));
        service.WardsServed.RemoveAll(w => !WardIds.Contains(w.Id));
        var newWards = WardIds.Except(service.WardsServed.Select(w => w.Id)).ToList();
        service.WardsServed.AddRange(await db.Wards.Where(w => newWards.Contains(w.Id)).ToListAsync(cancellationToken));
        // Every save touches the row, so its version moves even when only the links changed.
        service.Provenance.RecordedBy = recordedBy;
        service.Provenance.RecordedAt = at;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

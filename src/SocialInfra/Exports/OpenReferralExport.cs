using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Imports;
using SocialInfra.Services;

namespace SocialInfra.Exports;

/// <summary>Services in Open Referral UK's shape (HSDS 3.0, UK profile): the service with its organisation, locations and areas.</summary>
public static class OpenReferralExport
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    private static IQueryable<Service> Services(SocialInfraDbContext db) =>
        db.Services.AsNoTracking()
            .Include(s => s.Organisation)
            .Include(s => s.CommissionedBy)
            .Include(s => s.DeliveredAt.OrderBy(p => p.Name))
            .Include(s => s.WardsServed.OrderBy(w => w.Code))
            .AsSplitQuery();

    /// <summary>One page of services, numbered from 1, with HSDS paging fields.</summary>
    public static async Task<JsonObject> PageAsync(SocialInfraDbContext db, int page, int perPage, CancellationToken cancellationToken = default)
    {
        var total = await db.Services.CountAsync(cancellationToken);
        var skip = (long)(page - 1) * perPage;
        var services = skip >= total ? [] : await Services(db).OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Skip((int)skip).Take(perPage).ToListAsync(cancellationToken);
        var pages = (int)Math.Ceiling(total / (double)perPage);
        return new JsonObject
        {
            ["total_items"] = total,
            ["total_pages"] = pages,
            ["page_number"] = page,
            ["size"] = services.Count,
            ["first_page"] = page == 1,
            ["last_page"] = page >= pages,
            ["empty"] = services.Count == 0,
            ["contents"] = new JsonArray(services.Select(s => (JsonNode)Service(s)).ToArray()),
        };
    }

    public static async Task<JsonObject?> ServiceAsync(SocialInfraDbContext db, Guid id, CancellationToken cancellationToken = default) =>
        await Services(db).SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } service ? Service(service) : null;

    public static JsonObject Service(Service s)
    {
        var attributes = new JsonArray
        {
            Attribute(s.Id, OpenReferral.PreventionVocabulary, OpenReferral.Code(s.PreventionLevel), EnumText.Words(s.PreventionLevel), null),
        };
        if (s.WhoFor is not null)
        {
            attributes.Add(Attribute(s.Id, OpenReferral.WhoForVocabulary, "who-for", "Who the service is for", s.WhoFor));
        }
        return new JsonObject
        {
            ["id"] = s.Id.ToString(),
            ["organization_id"] = s.OrganisationId.ToString(),
            ["name"] = s.Name,
            ["description"] = s.Description,
            ["url"] = s.Url,
            ["status"] = OpenReferral.Status(s.Status),
            ["fees_description"] = s.Cost,
            ["eligibility_description"] = s.Eligibility,
            ["last_modified"] = s.Provenance.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["organization"] = new JsonObject
            {
                ["id"] = s.OrganisationId.ToString(),
                ["name"] = s.Organisation?.Name,
                ["description"] = s.Organisation?.Name,
                ["website"] = s.Organisation?.Website,
            },
            ["service_at_locations"] = new JsonArray(s.DeliveredAt.Select(p => (JsonNode)new JsonObject
            {
                ["id"] = Derived(s.Id, p.Id).ToString(),
                ["location"] = new JsonObject
                {
                    ["id"] = p.Id.ToString(),
                    ["location_type"] = p.Location is null ? "virtual" : "physical",
                    ["name"] = p.Name,
                    ["description"] = p.Description,
                    ["latitude"] = p.Location?.Y,
                    ["longitude"] = p.Location?.X,
                    ["addresses"] = p.Address is null && p.Postcode is null ? new JsonArray() : new JsonArray(new JsonObject
                    {
                        ["id"] = Derived(p.Id, p.Id).ToString(),
                        ["address_1"] = p.Address ?? "",
                        ["city"] = "",
                        ["state_province"] = "",
                        ["postal_code"] = p.Postcode ?? "",
                        ["country"] = "GB",
                        ["address_type"] = "physical",
                    }),
                },
            }).ToArray()),
            ["service_areas"] = new JsonArray(s.WardsServed.Select(w => (JsonNode)new JsonObject
            {
                ["id"] = Derived(s.Id, w.Code).ToString(),
                ["name"] = w.Name,
                ["extent_type"] = "text",
                ["uri"] = $"http://statistics.data.gov.uk/id/statistical-geography/{w.Code}",
            }).ToArray()),
            ["funding"] = s.CommissionedBy is null ? new JsonArray() : new JsonArray(new JsonObject
            {
                ["id"] = Derived(s.Id, s.CommissionedBy.Id).ToString(),
                ["source"] = s.CommissionedBy.Name,
            }),
            ["attributes"] = attributes,
        };
    }

    private static JsonObject Attribute(Guid serviceId, string vocabulary, string code, string name, string? value) => new()
    {
        ["id"] = Derived(serviceId, vocabulary).ToString(),
        ["link_id"] = serviceId.ToString(),
        ["link_type"] = "service",
        ["link_entity"] = "service",
        ["value"] = value,
        ["taxonomy_term"] = new JsonObject
        {
            ["id"] = Derived(Guid.Empty, $"{vocabulary}/{code}").ToString(),
            ["code"] = code,
            ["name"] = name,
            ["description"] = name,
            ["vocabulary"] = vocabulary,
        },
    };

    // Stable ids for the records HSDS needs an id for and SocialInfra keeps none (links, addresses, attributes).
    private static Guid Derived(Guid owner, object part)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{owner}/{part}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}

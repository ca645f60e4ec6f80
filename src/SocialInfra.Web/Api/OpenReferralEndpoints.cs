using SocialInfra.Data;
using SocialInfra.Exports;
using SocialInfra.Imports;

namespace SocialInfra.Web.Api;

/// <summary>Services as an Open Referral UK API (HSDS 3.0, UK profile): /openreferral/services, paginated, and /services/{id}.</summary>
public static class OpenReferralEndpoints
{
    public static RouteGroupBuilder MapOpenReferral(this RouteGroupBuilder group)
    {
        group.MapGet("", (HttpRequest request) => Results.Json(new Dictionary<string, string>
        {
            ["version"] = OpenReferral.Version,
            ["profile"] = OpenReferral.Profile,
            ["openapi_url"] = "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/schema/openapi.json",
        }));
        group.MapGet("services", ListAsync);
        group.MapGet("services/{id}", GetAsync);
        return group.OpenToAnyOrigin();
    }

    private static async Task<IResult> ListAsync(string? page, string? per_page, SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        if (!OpenDataRequests.TryParseNumber(page, 1, int.MaxValue, 1, out var pageNumber))
        {
            return Problems.BadParameter("page", $"page must be a whole number from 1; got '{page}'.");
        }
        if (!OpenDataRequests.TryParseNumber(per_page, 1, OpenReferralExport.MaxPageSize, OpenReferralExport.DefaultPageSize, out var size))
        {
            return Problems.BadParameter("per_page", $"per_page must be a whole number from 1 to {OpenReferralExport.MaxPageSize}; got '{per_page}'.");
        }
        return Results.Json(await OpenReferralExport.PageAsync(db, pageNumber, size, cancellationToken));
    }

    private static async Task<IResult> GetAsync(string id, SocialInfraDbContext db, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var guid) && await OpenReferralExport.ServiceAsync(db, guid, cancellationToken) is { } service
            ? Results.Json(service)
            : Problems.NotFound($"There is no service with id '{id}'.");
}

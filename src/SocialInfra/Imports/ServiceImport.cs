using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Geography;
using SocialInfra.Organisations;
using SocialInfra.Places;
using SocialInfra.Services;

namespace SocialInfra.Imports;

/// <summary>
/// Services from Open Referral UK JSON: one service, a list, or a page of /services. A service updates the one with the
/// same id, else the same Open Referral id. Its locations must be places SocialInfra knows (by id, or by name within 50 m);
/// its service areas must be wards (by code or name) or the borough.
/// </summary>
internal static class ServiceImport
{
    public static async Task OpenReferralAsync(ImportContext context, Stream file)
    {
        var authority = await context.AuthorityAsync(mayCreate: false);
        using var document = await JsonDocument.ParseAsync(file, new JsonDocumentOptions { AllowTrailingCommas = true }, context.CancellationToken);
        var root = document.RootElement;
        var services = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            JsonValueKind.Object when Property(root, "contents") is { ValueKind: JsonValueKind.Array } contents => contents.EnumerateArray().ToList(),
            JsonValueKind.Object when Property(root, "content") is { ValueKind: JsonValueKind.Array } content => content.EnumerateArray().ToList(),
            JsonValueKind.Object when Property(root, "name") is not null => [root],
            _ => throw new ImportFileException("File", "is not Open Referral UK JSON: expected a service, a list of services, or a page with \"contents\"."),
        };
        var db = context.Db;
        var wards = await db.CurrentWards(authority.Code).AsNoTracking().Select(w => new { w.Id, w.Code, w.Name }).ToListAsync(context.CancellationToken);
        var organisations = await OrganisationDirectory.LoadAsync(context);
        var seen = new HashSet<string>();

        for (var i = 0; i < services.Count; i++)
        {
            context.CountRead();
            var json = services[i];
            var id = Text(json, "id");
            var name = Text(json, "name");
            var where = ImportContext.FeatureWhere(i + 1, name).Replace("Feature", "Service", StringComparison.Ordinal);
            var problems = context.Report.Problems.Count;
            void Problem(string message) => context.Report.Problem(where, message);

            if (json.ValueKind != JsonValueKind.Object)
            {
                Problem("is not a JSON object.");
                continue;
            }
            if (id is null)
            {
                Problem("has no id.");
            }
            else if (!seen.Add(id))
            {
                Problem($"id {id} appears earlier in the file too.");
            }
            if (name is null)
            {
                Problem("has no name.");
            }
            else if (name.Length > Service.NameLength)
            {
                Problem($"name must be {Service.NameLength} characters or fewer.");
            }
            var statusText = Text(json, "status");
            var status = Enum.GetValues<ServiceStatus>().Cast<ServiceStatus?>().FirstOrDefault(s => OpenReferral.Status(s!.Value) == statusText?.ToLowerInvariant());
            if (status is null)
            {
                Problem($"status '{statusText}' is not one of: active, inactive, defunct, temporarily closed.");
            }
            var url = Text(json, "url");
            if (url?.Length > Service.UrlLength)
            {
                Problem($"url must be {Service.UrlLength} characters or fewer.");
            }
            else if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            {
                Problem($"url '{url}' must start with https:// or http://.");
            }
            var organisationJson = Property(json, "organization");
            var organisationName = organisationJson is { } o ? Text(o, "name") : null;
            if (organisationName is null)
            {
                Problem("has no organization with a name: every service is run by an organisation.");
            }
            else if (organisationName.Length > Organisation.NameLength)
            {
                Problem($"organization name must be {Organisation.NameLength} characters or fewer.");
            }
            if (id?.Length > 200)
            {
                Problem("id must be 200 characters or fewer.");
            }
            var website = organisationJson is { } org ? Text(org, "website") ?? Text(org, "url") : null;
            if (website?.Length > Organisation.WebsiteLength)
            {
                Problem($"organization website must be {Organisation.WebsiteLength} characters or fewer.");
            }
            var funder = Array(json, "funding").Select(f => Text(f, "source")).FirstOrDefault(s => s is not null);
            if (funder?.Length > Organisation.NameLength)
            {
                Problem($"funding source (the commissioning organisation) must be {Organisation.NameLength} characters or fewer.");
            }

            var level = PreventionLevel.Universal;
            string? whoFor = null;
            foreach (var attribute in Array(json, "attributes"))
            {
                var term = Property(attribute, "taxonomy_term");
                var vocabulary = term is { } t ? Text(t, "vocabulary") : null;
                if (vocabulary == OpenReferral.PreventionVocabulary)
                {
                    var code = Text(term!.Value, "code");
                    var found = Enum.GetValues<PreventionLevel>().Cast<PreventionLevel?>().FirstOrDefault(l => OpenReferral.Code(l!.Value) == code);
                    if (found is null)
                    {
                        Problem($"prevention level '{code}' is not one of: universal, early-help, targeted, acute.");
                    }
                    level = found ?? level;
                }
                else if (vocabulary == OpenReferral.WhoForVocabulary)
                {
                    whoFor = Text(attribute, "value");
                }
            }

            // Where it is delivered: places known by id, or by name within 50 metres.
            var placeIds = new List<Guid>();
            foreach (var at in Array(json, "service_at_locations"))
            {
                var location = Property(at, "location") ?? at;
                var locationName = Text(location, "name");
                if (Guid.TryParse(Text(location, "id"), out var placeId) && await db.Places.AnyAsync(p => p.Id == placeId, context.CancellationToken))
                {
                    placeIds.Add(placeId);
                    continue;
                }
                if (locationName is not null
                    && Numbers.TryParseFinite(Text(location, "latitude"), out var lat) && lat is >= -90 and <= 90
                    && Numbers.TryParseFinite(Text(location, "longitude"), out var lon) && lon is >= -180 and <= 180
                    && (await db.PlacesNamedNearAsync([(locationName, SpatialQueries.PointAt(lon, lat))], PlaceImport.SameNameWithinMetres, context.CancellationToken))[0] is { } near)
                {
                    placeIds.Add(near);
                    continue;
                }
                Problem($"location '{locationName ?? Text(location, "id")}' is not a place SocialInfra knows (by id, or by name within 50 m of its latitude and longitude): import the place first.");
            }

            var wardIds = new List<int>();
            foreach (var area in Array(json, "service_areas"))
            {
                var areaName = Text(area, "name") ?? Text(area, "service_area");
                var reference = $"{Text(area, "uri")} {areaName}";
                var ward = wards.FirstOrDefault(w => reference.Contains(w.Code, StringComparison.OrdinalIgnoreCase))
                    ?? wards.FirstOrDefault(w => string.Equals(w.Name, areaName, StringComparison.OrdinalIgnoreCase));
                if (ward is not null)
                {
                    wardIds.Add(ward.Id);
                }
                else if (string.Equals(areaName, authority.Name, StringComparison.OrdinalIgnoreCase) || reference.Contains(authority.Code, StringComparison.OrdinalIgnoreCase))
                {
                    wardIds.AddRange(wards.Select(w => w.Id));
                }
                else
                {
                    Problem($"service area '{areaName}' is not a ward of {authority.Name} or the borough itself.");
                }
            }
            if (context.Report.Problems.Count > problems)
            {
                continue;
            }

            Guid? ownId = Guid.TryParse(id, out var g) ? g : null;
            var service = await db.Services.Include(s => s.DeliveredAt).Include(s => s.WardsServed)
                .Where(s => s.Id == ownId || (s.Provenance.Source == OpenReferral.Source && s.Provenance.SourceId == id))
                .FirstOrDefaultAsync(context.CancellationToken);
            var isNew = service is null;
            if (service is null)
            {
                service = new Service
                {
                    Id = Guid.TryParse(id, out var given) && !await db.Services.AnyAsync(s => s.Id == given, context.CancellationToken) ? given : Guid.CreateVersion7(),
                    Name = name!,
                    Provenance = new Provenance { Source = OpenReferral.Source, SourceId = id, RecordedBy = db.ActorName },
                };
                db.Services.Add(service);
            }
            service.Name = name!;
            service.Description = Text(json, "description");
            service.Url = url;
            service.Status = status!.Value;
            service.Cost = Text(json, "fees_description") ?? Text(json, "fees");
            service.Eligibility = Text(json, "eligibility_description");
            service.WhoFor = whoFor;
            service.PreventionLevel = level;
            service.OrganisationId = Guid.TryParse(Text(organisationJson!.Value, "id"), out var organisationId) && organisations.Has(organisationId)
                ? organisationId
                : organisations.IdFor(organisationName!, website);
            service.CommissionedById = funder is null ? null : organisations.IdFor(funder);

            var links = false;
            if (!service.DeliveredAt.Select(p => p.Id).Order().SequenceEqual(placeIds.Distinct().Order()))
            {
                service.DeliveredAt.Clear();
                service.DeliveredAt.AddRange(await db.Places.Where(p => placeIds.Contains(p.Id)).ToListAsync(context.CancellationToken));
                links = true;
            }
            if (!service.WardsServed.Select(w => w.Id).Order().SequenceEqual(wardIds.Distinct().Order()))
            {
                service.WardsServed.Clear();
                service.WardsServed.AddRange(await db.Wards.Where(w => wardIds.Contains(w.Id)).ToListAsync(context.CancellationToken));
                links = true;
            }
            var entry = db.Entry(service);
            entry.DetectChanges();
            if (isNew)
            {
                context.Report.Created++;
            }
            else if (links || entry.State == EntityState.Modified)
            {
                service.Provenance.RecordedBy = db.ActorName;
                service.Provenance.RecordedAt = DateTimeOffset.UtcNow;
                context.Report.Updated++;
            }
            else
            {
                context.Report.Unchanged++;
            }
            if (context.Report.Succeeded)
            {
                await db.SaveChangesAsync(context.CancellationToken);
            }
        }
        if (context.Report.Succeeded && services.Count == 0)
        {
            context.Report.Problem("File", "has no services.");
        }
    }

    private static JsonElement? Property(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? Text(JsonElement json, string name) => Property(json, name) is { } value ? ImportContext.Text(value) : null;

    private static IEnumerable<JsonElement> Array(JsonElement json, string name) =>
        Property(json, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];
}

using System.Text.Json;
using SocialInfra.Auditing;

namespace SocialInfra.Web.Pages.Places;

/// <summary>One line of a place's change history, in words.</summary>
public sealed record HistoryLine(DateTimeOffset At, string By, string What, IReadOnlyList<(string Field, string Before, string After)> Changes);

public static class PlaceHistory
{
    /// <summary>The entry in words; who made or recorded a change is personal data, shown only when <paramref name="showPeople"/>.</summary>
    public static HistoryLine Describe(AuditEntry entry, bool showPeople)
    {
        var what = (entry.EntityType, entry.Action) switch
        {
            ("Place", AuditAction.Created) => "Place added",
            ("Place", AuditAction.Updated) => "Details changed",
            ("Place", AuditAction.Deleted) => "Place removed",
            ("ActivityPeriod", AuditAction.Created) => "Change of activity recorded",
            ("ActivityPeriod", _) => "Activity period changed",
            (AuditHistory.WardServedLink, AuditAction.Created) => "Ward served added",
            (AuditHistory.WardServedLink, _) => "Ward served removed",
            (AuditHistory.ServiceLink, AuditAction.Created) => "Service added here",
            (AuditHistory.ServiceLink, _) => "Service no longer here",
            ("PlaceSubmission", AuditAction.Created) => "Change sent for review",
            ("PlaceSubmission", _) => "Submission " + (Status(entry.After) ?? "changed"),
            _ => $"{entry.EntityType} {entry.Action.ToString().ToLowerInvariant()}",
        };
        var before = Values(entry.Before);
        var after = Values(entry.After);
        var changes = entry.EntityType is "PlaceSubmission" or AuditHistory.WardServedLink or AuditHistory.ServiceLink
            ? []
            : before.Keys.Union(after.Keys).Where(k => k is not ("Id" or "PlaceId") && (showPeople || k != "Provenance.RecordedBy")).Order(StringComparer.Ordinal)
                .Select(k => (Label(k), before.GetValueOrDefault(k, ""), after.GetValueOrDefault(k, "")))
                .Where(c => c.Item2 != "" || c.Item3 != "")
                .ToList();
        return new HistoryLine(entry.ChangedAt, showPeople ? entry.ChangedBy : "", what, changes);
    }

    private static string? Status(string? json) =>
        Values(json).GetValueOrDefault("Status") switch
        {
            "Pending" => "sent again",
            "Approved" => "approved and published",
            "Returned" => "returned",
            null => null,
            var other => other.ToLowerInvariant(),
        };

    private static Dictionary<string, string> Values(string? json)
    {
        if (json is null)
        {
            return [];
        }
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Text(p.Value));
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Text)),
        JsonValueKind.Object => "(details)",
        _ => value.GetRawText(),
    };

    private static string Label(string property) => property switch
    {
        "CategorySlug" => "Kind of place",
        "OwnerOrganisationId" => "Owner",
        "Location" => "Point",
        "StartsOn" => "Start date",
        "EndsOn" => "End date",
        "LastVerifiedOn" => "Last verified",
        "Provenance.RecordedAt" => "Recorded at",
        "Provenance.RecordedBy" => "Recorded by",
        "Provenance.Source" => "Source",
        "Provenance.SourceId" => "Source record",
        "Provenance.Licence" => "Licence",
        _ => property,
    };
}

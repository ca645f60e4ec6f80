using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Places;

namespace SocialInfra.Web.Pages.Places;

/// <summary>One field of two versions of a place, in words, side by side.</summary>
public sealed record VersionRow(string Label, string Left, string Right)
{
    public bool Differs => Left != Right;
}

/// <summary>Two versions of a place to compare: the published one and a proposal, or theirs and yours after a conflict.</summary>
public sealed record PlaceVersionsView(string Caption, string LeftTitle, string RightTitle, IReadOnlyList<VersionRow> Rows);

public static class PlaceVersions
{
    /// <summary>Each field of both drafts in words (names, not ids); <paramref name="left"/> null for a new place.</summary>
    public static async Task<List<VersionRow>> CompareAsync(SocialInfraDbContext db, PlaceDraft? left, PlaceDraft right, CancellationToken cancellationToken = default)
    {
        var drafts = left is null ? [right] : new[] { left, right };
        var wardIds = drafts.SelectMany(d => d.WardIds).ToList();
        var serviceIds = drafts.SelectMany(d => d.ServiceIds).ToList();
        var organisationIds = drafts.Select(d => d.OwnerOrganisationId).OfType<Guid>().ToList();
        var slugs = drafts.Select(d => d.CategorySlug).ToList();
        var wards = await db.Wards.Where(w => wardIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, cancellationToken);
        var services = await db.Services.Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var organisations = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var categories = await db.Categories.Where(c => slugs.Contains(c.Slug)).ToDictionaryAsync(c => c.Slug, c => c.Name, cancellationToken);

        List<(string Label, string Value)> Describe(PlaceDraft d) =>
        [
            ("Name", d.Name),
            ("Kind of place", categories.GetValueOrDefault(d.CategorySlug, d.CategorySlug)),
            ("Description", d.Description ?? ""),
            ("Ownership", d.Ownership.Owned()),
            ("Owner", d.OwnerOrganisationId is { } o ? organisations.GetValueOrDefault(o, "") : ""),
            ("Permanence", EnumText.Words(d.Permanence)),
            ("Start date", Date(d.StartsOn)),
            ("End date", Date(d.EndsOn)),
            ("Active, dormant or closed", EnumText.Words(d.Activity) + (d.ActivitySince is { } since ? $" since {Date(since)}" : "")),
            ("Note on its status", d.ActivityNote ?? ""),
            ("Physical or digital", EnumText.Words(d.Presence)),
            ("Address", d.Address ?? ""),
            ("Postcode", d.Postcode ?? ""),
            ("Point (latitude, longitude)", d.Latitude is { } lat && d.Longitude is { } lon ? string.Create(CultureInfo.InvariantCulture, $"{lat:0.######}, {lon:0.######}") : ""),
            ("Web address", d.Url ?? ""),
            ("Wards served", string.Join(", ", d.WardIds.Select(id => wards.GetValueOrDefault(id, "")).Order())),
            ("Capacity", d.Capacity?.ToString(CultureInfo.InvariantCulture) ?? ""),
            ("Accessibility", string.Join(", ", d.AccessibilityFeatures)),
            ("Opening hours", d.OpeningHours ?? ""),
            ("Services offered here", string.Join(", ", d.ServiceIds.Select(id => services.GetValueOrDefault(id, "")).Order())),
        ];

        var rightRows = Describe(right);
        var leftRows = left is null ? rightRows.Select(r => (r.Label, Value: "")).ToList() : Describe(left);
        return leftRows.Zip(rightRows, (l, r) => new VersionRow(l.Label, l.Value, r.Value)).ToList();
    }

    private static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) ?? "";
}

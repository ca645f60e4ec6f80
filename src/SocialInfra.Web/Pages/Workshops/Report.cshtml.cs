using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SocialInfra.Data;
using SocialInfra.Exports;
using SocialInfra.Places;
using SocialInfra.Web.Api;
using SocialInfra.Workshops;

namespace SocialInfra.Web.Pages.Workshops;

/// <summary>
/// The workshop's record, printable: the gap scores of its wards before and with what the room reported, the places
/// found missing, dormant or lost, the notes of what is needed and the dots, ward by ward; also as GeoJSON and CSV.
/// Participants' names stay in the room: the record does not carry them.
/// </summary>
public class ReportModel(SocialInfraDbContext db, TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : WorkshopPageModel(db)
{
    /// <summary>A contribution as the record keeps it.</summary>
    public sealed record Entry(ContributionView Contribution, SubmissionStatus? Submission);

    public WorkshopGapRecord Gaps { get; private set; } = null!;
    public IReadOnlyList<Entry> Entries { get; private set; } = [];
    public IReadOnlyList<string> WardNames { get; private set; } = [];
    public int Participants { get; private set; }
    public string BeforeSketch { get; private set; } = "";
    public string AfterSketch { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } away)
        {
            return away;
        }
        Gaps = await WorkshopRecord.CurrentGapsAsync(Db, Session, clock.GetUtcNow(), cancellationToken);
        var boundaries = await WorkshopRoom.WardsOf(Db, id).AsNoTracking()
            .ToDictionaryAsync(w => w.Code, w => w.Boundary, cancellationToken);
        var drawn = Gaps.Wards.Where(w => boundaries.ContainsKey(w.Code)).ToList();
        BeforeSketch = WardSketch.Draw("Gap scores before the workshop", drawn.Select(w => (w.Name, boundaries[w.Code], w.GapBefore)).ToList());
        AfterSketch = WardSketch.Draw("Gap scores with the workshop's contributions", drawn.Select(w => (w.Name, boundaries[w.Code], w.GapAfter)).ToList());
        return Page();
    }

    public async Task<IActionResult> OnGetGeoJsonAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } away)
        {
            return away;
        }
        var collection = new FeatureCollection();
        foreach (var entry in Entries)
        {
            var c = entry.Contribution;
            Geometry? point = c.Latitude is { } lat && c.Longitude is { } lon ? Geography.SpatialQueries.PointAt(lon, lat) : null;
            var properties = new AttributesTable();
            foreach (var (name, value) in Cells(entry))
            {
                properties.Add(name, value);
            }
            collection.Add(new Feature(point, properties));
        }
        Response.Headers.ContentDisposition = $"attachment; filename=\"workshop-{Session.Code}.geojson\"";
        // The API's serializer options: they hold the GeoJSON converters.
        return Content(JsonSerializer.Serialize(collection, json.Value.SerializerOptions), GeoJson.ContentType);
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } away)
        {
            return away;
        }
        var header = Cells(null).Select(c => c.Name);
        var rows = Entries.Select(e => Cells(e).Select(c => c.Value switch
        {
            null => null,
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var v => v.ToString(),
        }));
        return File(CsvFile.Write(header, rows), "text/csv; charset=utf-8", $"workshop-{Session.Code}.csv");
    }

    /// <summary>One contribution's columns, in order; the same names in the CSV header and the GeoJSON properties.</summary>
    private IEnumerable<(string Name, object? Value)> Cells(Entry? entry)
    {
        var c = entry?.Contribution;
        yield return ("id", c?.Id);
        yield return ("workshop", Session.Code);
        yield return ("kind", c?.Kind.ToString());
        yield return ("text", c?.Text);
        yield return ("category", c?.CategorySlug);
        yield return ("place_id", c?.PlaceId);
        yield return ("place_name", c?.PlaceName);
        yield return ("ward_code", c?.WardCode);
        yield return ("ward_name", c?.WardName);
        yield return ("latitude", c?.Latitude);
        yield return ("longitude", c?.Longitude);
        yield return ("dots", c?.Dots);
        yield return ("added_at", c?.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
        yield return ("moderation", entry?.Submission?.ToString());
    }

    /// <summary>The workshop and its shown contributions, ward by ward, most dots first.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadSessionAsync(id, recordOnly: true, cancellationToken) is { } away)
        {
            return away;
        }
        var shown = Db.Contributions.AsNoTracking().Where(c => c.SessionId == id && c.Status == ContributionStatus.Shown);
        var views = await WorkshopRoom.Views(Db, shown.OrderBy(c => c.Ward!.Name).ThenByDescending(c => c.Dots).ThenBy(c => c.CreatedAt)).ToListAsync(cancellationToken);
        var submissions = await shown.Where(c => c.SubmissionId != null)
            .Join(Db.PlaceSubmissions, c => c.SubmissionId, s => s.Id, (c, s) => new { c.Id, s.Status })
            .ToDictionaryAsync(x => x.Id, x => x.Status, cancellationToken);
        Entries = views.Select(v => new Entry(v, submissions.TryGetValue(v.Id, out var s) ? s : null)).ToList();
        WardNames = await WorkshopRoom.WardsOf(Db, id).OrderBy(w => w.Name).Select(w => w.Name).ToListAsync(cancellationToken);
        Participants = await Db.WorkshopParticipants.CountAsync(p => p.SessionId == id, cancellationToken);
        return null;
    }
}

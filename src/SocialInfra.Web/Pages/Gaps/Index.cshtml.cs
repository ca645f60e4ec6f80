using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialInfra.Data;
using SocialInfra.Gaps;
using SocialInfra.Geography;
using SocialInfra.Networks;
using SocialInfra.Places;
using SocialInfra.Web.Api;
using SocialInfra.Web.Forms;
using SocialInfra.Web.Map;

namespace SocialInfra.Web.Pages.Gaps;

/// <summary>
/// Gaps by ward: a choropleth of gap scores with its ranked table, for one category or the composite, and a "what if"
/// (add a place, reopen a dormant one) worked out without saving anything. All its state is in the query string.
/// </summary>
public class IndexModel(SocialInfraDbContext db, IOptionsSnapshot<MapOptions> options) : PageModel
{
    public GapAnalysis? Analysis { get; private set; }
    public GapQuestion Question { get; private set; } = new("");

    /// <summary>What the form asked for, kept to fill the form in again when part of it was wrong.</summary>
    public GapQuestion Requested { get; private set; } = new("");
    public IReadOnlyList<Catchment> Catchments { get; private set; } = [];
    public MapView? Map { get; private set; }
    public FormErrors Errors { get; } = [];
    public List<ReopenChoice> Reopenable { get; private set; } = [];

    /// <summary>What the choropleth script needs, as JSON (System.Text.Json escapes &lt; and &amp; for HTML).</summary>
    public string MapData { get; private set; } = "{}";

    /// <summary>Connected provision by ward code: the borough's open places as recorded, in a value network or alone.</summary>
    public Dictionary<string, WardConnections> Connected { get; private set; } = [];

    public sealed record ReopenChoice(Guid Id, string Name, string CategoryName, Activity Activity);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await MapView.LocalAuthorityAsync(db, options.Value, cancellationToken) is not { } borough)
        {
            return Page();
        }
        var read = await GapParameters.ReadAsync(Request.Query, borough.Code, db, cancellationToken);
        Catchments = read.Catchments;
        foreach (var (field, message) in read.Errors)
        {
            Errors.Add(field, message);
        }
        // A mistake in the "what if" still shows the borough as it is; a wrong category shows the composite.
        Requested = read.Question;
        Question = read.IsValid ? read.Question
            : read.Question.AsItIs() with { Category = Errors.Has("category") ? null : read.Question.Category };
        Analysis = await db.AnalyseAsync(Question, cancellationToken);
        Connected = (await ConnectedProvision.ByWardAsync(db, borough.Code, cancellationToken)).ToDictionary(w => w.WardCode);

        Map = await MapView.CreateAsync(db, options.Value, $"Map of gap scores by ward in {borough.Name}", borough.Code, borough.Bounds, cancellationToken) with
        {
            ListHref = "#gaps-table",
        };
        MapData = JsonSerializer.Serialize(new
        {
            wards = Analysis!.Wards.ToDictionary(w => w.Code, w => new { name = w.Name, gapScore = w.GapScore, rank = w.Rank, coverage = w.Coverage }),
            added = Question.Added.Select(a => new[] { a.Location.Y, a.Location.X }),
            category = Question.Category,
        });

        var physicalCategories = Catchments.Select(c => c.CategorySlug).ToList();
        Reopenable = await db.Places.AsNoTracking().InLocalAuthority(db, borough.Code)
            .Where(p => p.Presence == Presence.Physical && p.Activity != Activity.Active
                && (Question.Category == null ? physicalCategories.Contains(p.CategorySlug) : p.CategorySlug == Question.Category))
            .OrderBy(p => p.Name)
            .Select(p => new ReopenChoice(p.Id, p.Name, p.Category!.Name, p.Activity))
            .Take(200)
            .ToListAsync(cancellationToken);
        if (Reopenable.Count > 0)
        {
            Errors.Anchors["reopen"] = $"reopen-{Reopenable[0].Id}";
        }
        return Page();
    }

    /// <summary>The same question as a query string, for the CSV link and the ward reports.</summary>
    public string QueryFor(bool withWhatIf = true)
    {
        var parts = new List<string>();
        if (Question.Category is { } category) parts.Add("category=" + Uri.EscapeDataString(category));
        if (Question.Accessibility) parts.Add("accessibility=true");
        if (withWhatIf)
        {
            parts.AddRange(Question.Added.Select(a => "add=" + Uri.EscapeDataString(AddValue(a))));
            parts.AddRange(Question.Reopened.Select(id => "reopen=" + id));
        }
        return string.Join("&", parts);
    }

    /// <summary>An added place as the add parameter writes it: "latitude,longitude,category".</summary>
    public static string AddValue(HypotheticalPlace place) =>
        FormattableString.Invariant($"{place.Location.Y:0.######},{place.Location.X:0.######},{place.CategorySlug}");

    /// <summary>The five classes of the choropleth, shared by the legend and the map script.</summary>
    public static readonly IReadOnlyList<(double From, double To, string Colour)> Classes =
    [
        (0.0, 0.2, "#f7f4f9"), (0.2, 0.4, "#d4b9da"), (0.4, 0.6, "#df65b0"), (0.6, 0.8, "#ce1256"), (0.8, 1.0, "#67001f"),
    ];
}

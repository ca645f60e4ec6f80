using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialInfra.Accounts;
using SocialInfra.Data;
using SocialInfra.Gaps;
using SocialInfra.Web.Forms;
using SocialInfra.Web.Map;

namespace SocialInfra.Web.Pages.Gaps;

/// <summary>
/// The borough's catchment distances and composite weights. Council officers change them; every change is audited,
/// and two officers saving at once cannot overwrite each other unseen.
/// </summary>
[Authorize(Roles = Roles.Officers)]
public class SettingsModel(SocialInfraDbContext db, IOptionsSnapshot<MapOptions> options) : PageModel
{
    public sealed class Row
    {
        public string Slug { get; set; } = "";
        public string? Metres { get; set; }
        public string? Weight { get; set; }

        /// <summary>The saved setting's version (xmin) when the form was shown; 0 while the category uses the default.</summary>
        public uint Version { get; set; }
    }

    [BindProperty] public List<Row> Rows { get; set; } = [];

    public string BoroughName { get; private set; } = "";
    public List<Catchment> Catchments { get; private set; } = [];
    public Dictionary<string, int> Defaults { get; private set; } = [];
    public FormErrors Errors { get; } = [];

    [TempData] public string? Banner { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var versions = await VersionsAsync(cancellationToken);
        Rows = Catchments.Select(c => new Row
        {
            Slug = c.CategorySlug,
            Metres = c.Metres.ToString(CultureInfo.InvariantCulture),
            Weight = c.Weight.ToString("0.##", CultureInfo.InvariantCulture),
            Version = versions.GetValueOrDefault(c.CategorySlug),
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var lad = Borough!;
        var wanted = new Dictionary<string, (int Metres, double Weight, uint Version)>();
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            if (Catchments.FirstOrDefault(c => c.CategorySlug == row.Slug) is not { } catchment)
            {
                return BadRequest();
            }
            var name = catchment.CategoryName.ToLowerInvariant();
            if (!int.TryParse(row.Metres, NumberStyles.None, CultureInfo.InvariantCulture, out var metres)
                || metres is < CatchmentSetting.MinimumMetres or > CatchmentSetting.MaximumMetres)
            {
                Errors.Add($"Rows_{i}__Metres", $"Catchment for {name} must be a whole number of metres from {CatchmentSetting.MinimumMetres} to {CatchmentSetting.MaximumMetres:N0}");
            }
            if (!Numbers.TryParseFinite(row.Weight, out var weight)
                || weight is < 0 or > CatchmentSetting.MaximumWeight)
            {
                Errors.Add($"Rows_{i}__Weight", $"Weight for {name} must be a number from 0 to {CatchmentSetting.MaximumWeight}");
            }
            wanted[row.Slug] = (metres, weight, row.Version);
        }
        if (Errors.Count > 0)
        {
            return Page();
        }

        var saved = await db.CatchmentSettings.Where(s => s.LocalAuthorityCode == lad).ToDictionaryAsync(s => s.CategorySlug, cancellationToken);
        foreach (var (slug, (metres, weight, version)) in wanted)
        {
            var catchment = Catchments.First(c => c.CategorySlug == slug);
            if (catchment.Metres == metres && catchment.Weight == weight && (saved.ContainsKey(slug) ? saved[slug].Version == version : version == 0))
            {
                continue;
            }
            if (saved.TryGetValue(slug, out var setting))
            {
                db.Entry(setting).Property(s => s.Version).OriginalValue = version;
                setting.CatchmentMetres = metres;
                setting.Weight = weight;
            }
            else if (version != 0)
            {
                return await ConflictAsync(cancellationToken);
            }
            else
            {
                db.CatchmentSettings.Add(new CatchmentSetting { LocalAuthorityCode = lad, CategorySlug = slug, CatchmentMetres = metres, Weight = weight });
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || exception.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            return await ConflictAsync(cancellationToken);
        }
        Banner = "The catchments and weights have been saved. Gap scores use them from now on.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ConflictAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await OnGetAsync(cancellationToken);
        Errors.Add("settings-table", "Someone else changed these settings while you were editing. The form now shows their changes: make yours again.");
        return Page();
    }

    private string? Borough { get; set; }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await MapView.LocalAuthorityAsync(db, options.Value, cancellationToken) is not { } borough)
        {
            return false;
        }
        Borough = borough.Code;
        BoroughName = borough.Name;
        Catchments = await db.CatchmentsAsync(borough.Code, cancellationToken);
        Defaults = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Slug, c => c.CatchmentMetres, cancellationToken);
        return true;
    }

    private Task<Dictionary<string, uint>> VersionsAsync(CancellationToken cancellationToken) =>
        db.CatchmentSettings.Where(s => s.LocalAuthorityCode == Borough).ToDictionaryAsync(s => s.CategorySlug, s => s.Version, cancellationToken);
}

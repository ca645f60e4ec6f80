using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialInfra.Accounts;
using SocialInfra.Data;
using SocialInfra.Imports;
using SocialInfra.Web.Forms;
using SocialInfra.Web.Map;

namespace SocialInfra.Web.Pages.Admin.Imports;

/// <summary>An administrator loads official and open data files; each import is all or nothing, and its report is kept.</summary>
[Authorize(Roles = Roles.Admin)]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public class IndexModel(SocialInfraDbContext db, IOptions<MapOptions> options) : PageModel
{
    /// <summary>Big enough for a national LSOA boundary file or a region's postcode directory.</summary>
    public const long MaxUploadBytes = 1024L * 1024 * 1024;

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? LocalAuthorityCode { get; set; }
    [BindProperty] public string? LocalAuthorityName { get; set; }
    [BindProperty] public string? Year { get; set; }

    public FormErrors Errors { get; } = [];
    public IReadOnlyList<ImportRun> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        LocalAuthorityCode ??= (await MapView.LocalAuthorityAsync(db, options.Value, cancellationToken))?.Code;
        await LoadRunsAsync(cancellationToken);
    }

    private async Task LoadRunsAsync(CancellationToken cancellationToken) =>
        Runs = await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(20).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var kind = ImportKinds.FromSlug(Kind);
        if (kind is null)
        {
            Errors.Add(nameof(Kind), "Choose what the file holds");
        }
        if (Upload is null || Upload.Length == 0)
        {
            Errors.Add(nameof(Upload), "Choose a file to import");
        }
        if (string.IsNullOrWhiteSpace(LocalAuthorityCode))
        {
            Errors.Add(nameof(LocalAuthorityCode), "Enter the local authority code, like E09000002");
        }
        int? year = null;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1990 and <= 2100)
            {
                year = y;
            }
            else
            {
                Errors.Add(nameof(Year), "Boundary year must be a year like 2022");
            }
        }
        if (Errors.Count > 0)
        {
            await LoadRunsAsync(cancellationToken);
            return Page();
        }

        var request = new ImportRequest(kind!.Kind, LocalAuthorityCode!, Path.GetFileName(Upload!.FileName))
        {
            LocalAuthorityName = LocalAuthorityName,
            Year = year,
        };
        await using var stream = Upload.OpenReadStream();
        var run = await OpenDataImport.RunAsync(db, request, stream, cancellationToken: cancellationToken);
        return RedirectToPage("Run", new { id = run.Id });
    }
}

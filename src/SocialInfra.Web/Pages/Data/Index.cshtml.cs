using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Exports;
using SocialInfra.Imports;

namespace SocialInfra.Web.Pages.Data;

/// <summary>What anyone may download or query, in which formats, and under which licences.</summary>
public class IndexModel(SocialInfraDbContext db) : PageModel
{
    public int Places { get; private set; }
    public int OpenStreetMapPlaces { get; private set; }
    public int Services { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Places = await db.Places.CountAsync(cancellationToken);
        OpenStreetMapPlaces = Places - await PlaceExport.Matching(db, new PlaceExportQuery(ExcludeOpenDatabaseLicence: true)).CountAsync(cancellationToken);
        Services = await db.Services.CountAsync(cancellationToken);
    }

    public static string OpenDatabaseLicence => PlaceColumns.OpenDatabaseLicence;
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using SocialInfra.Data;
using SocialInfra.Web.Map;
using SocialInfra.Web.Pages.Places;

namespace SocialInfra.Web.Pages.Map;

public class IndexModel(SocialInfraDbContext db, IOptionsSnapshot<MapOptions> options) : PlaceSearchPageModel(db)
{
    /// <summary>A place to open on the map, e.g. from "Show on map" on a place page.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Place { get; set; }

    public string AuthorityName { get; private set; } = "";

    /// <summary>Matching digital places: they serve wards rather than stand at a point, so only the table shows them.</summary>
    public int DigitalPlaces { get; private set; }
    public MapView? Map { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        DigitalPlaces = await Filter.Apply(Db).CountAsync(p => p.Presence == SocialInfra.Places.Presence.Digital, cancellationToken);
        var authority = await MapView.LocalAuthorityAsync(Db, options.Value, cancellationToken);
        if (authority is not { } a)
        {
            return;
        }
        AuthorityName = a.Name;
        var bounds = Filter.Area?.Extent ?? a.Bounds;
        if (Place is { } id && await Db.Places.Where(p => p.Id == id).Select(p => p.Location).SingleOrDefaultAsync(cancellationToken) is { } location)
        {
            bounds = new Envelope(location.Coordinate);
        }
        else
        {
            Place = null;
        }
        Map = await MapView.CreateAsync(Db, options.Value, $"Map of places in {a.Name}", a.Code, bounds, cancellationToken) with
        {
            Filters = ValidFilterQuery,
            Place = Place,
            HighlightWard = Filter.Area?.WardCode,
            ListHref = "#places-table-heading",
        };
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Places;

namespace SocialInfra.Web.Pages.Places;

/// <summary>
/// The filters, sorting and paging that the map page and the place list share, so both always show the same
/// places for the same address. The places API reads the same filters through <see cref="PlaceSearch"/>.
/// </summary>
public abstract class PlaceSearchPageModel(SocialInfraDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Near { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dimension { get; set; }
    [BindProperty(SupportsGet = true)] public string? Ownership { get; set; }
    [BindProperty(SupportsGet = true)] public string? Activity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Presence { get; set; }
    [BindProperty(SupportsGet = true)] public string? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    /// <summary>The table page ("page" is reserved by Razor Pages, so the query key is "p").</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<Category> Categories { get; private set; } = [];
    public List<(Guid Id, string Name)> Organisations { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public PlaceFilter Filter { get; private set; } = new();
    public PlaceListPage Results { get; private set; } = new([], 0, 1, PlaceListQueries.DefaultPageSize);
    public PlaceSort SortBy => EnumText.TryParse<PlaceSort>(Sort, out var sort) ? sort : PlaceSort.Name;
    public bool Descending => string.Equals(Dir, "desc", StringComparison.OrdinalIgnoreCase);

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    protected SocialInfraDbContext Db => db;

    /// <summary>Validates the filters (bad ones are reported and ignored) and loads the page of the table.</summary>
    protected async Task LoadAsync(CancellationToken cancellationToken)
    {
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        Organisations = (await db.Organisations.AsNoTracking()
                .Where(o => db.Places.Any(p => p.OwnerOrganisationId == o.Id) || db.Services.Any(s => s.OrganisationId == o.Id && s.DeliveredAt.Any()))
                .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, o.Name)).ToList();
        (Filter, Errors) = await PlaceSearch.ParseAsync(new PlaceSearchText(Category, Dimension, Ownership, Activity, Presence, Organisation, Q, Near), db, cancellationToken);
        Results = await Filter.Apply(db).ListItems(db, SortBy, Descending).ToPageAsync(PageNumber, cancellationToken: cancellationToken);
    }

    /// <summary>The current filters as a query string (with a leading "?", or empty), changed as given.</summary>
    public string QueryWith(params (string Key, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q, ["near"] = Near, ["category"] = Category, ["dimension"] = Dimension, ["ownership"] = Ownership,
            ["activity"] = Activity, ["presence"] = Presence, ["organisation"] = Organisation, ["sort"] = Sort, ["dir"] = Dir,
        };
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }
        var query = Microsoft.AspNetCore.Http.QueryString.Create(values.Where(v => !string.IsNullOrWhiteSpace(v.Value)));
        return query.ToUriComponent();
    }

    /// <summary>The filters only (no sort or page), for switching between map and list.</summary>
    public string FilterQuery => QueryWith(("sort", null), ("dir", null));

    /// <summary>The filters that passed validation, for the places API the map calls (so it never asks for a bad one).</summary>
    public string ValidFilterQuery => QueryWith(
    [
        ("sort", null), ("dir", null),
        .. Errors.Select(e => (e.Field, (string?)null)),
        ("category", Filter.Categories.Count == 0 ? null : string.Join(',', Filter.Categories)),
    ]).TrimStart('?');

    /// <summary>
    /// The link a column header sorts by: ascending first, then the other way round. Sorting and paging links land on
    /// the table, so on the map page they do not leave the user back above the map.
    /// </summary>
    public string SortLink(PlaceSort column) => Request.Path + QueryWith(("sort", column == PlaceSort.Name ? null : column.ToString().ToLowerInvariant()),
        ("dir", column == SortBy && !Descending ? "desc" : null)) + TableAnchor;

    public string PageLink(int page) =>
        Request.Path + QueryWith(("p", page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture))) + TableAnchor;

    private const string TableAnchor = "#places-table";
}

/// <summary>What the place table partial shows: a page of rows, and the search it belongs to when it can be sorted and paged.</summary>
public sealed record PlaceTableView(PlaceListPage Results, PlaceSearchPageModel? Search = null, bool OnMapPage = false);

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using SocialInfra.Data;
using SocialInfra.Geography;

namespace SocialInfra.Places;

/// <summary>Which dimension of social infrastructure a place takes part in, beyond being a place.</summary>
public enum PlaceDimension
{
    /// <summary>Every place.</summary>
    All,

    /// <summary>Places where at least one service is delivered.</summary>
    Services,

    /// <summary>Places that belong to at least one value network.</summary>
    Networks,
}

/// <summary>The filters of the map, the place list and the places API, as the user typed them.</summary>
public sealed record PlaceSearchText(
    string? Category = null, string? Dimension = null, string? Ownership = null, string? Activity = null,
    string? Presence = null, string? Organisation = null, string? Q = null, string? Near = null);

/// <summary>A problem with one field of a search, named as the form and the API name it.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>Where "near" resolved to: a ward, a postcode (a circle round it) or a postcode district; the label reads "in Abbey ward".</summary>
public sealed record SearchArea(string Label, Envelope Extent)
{
    public int? WardId { get; init; }
    public string? WardCode { get; init; }
    public Point? Centre { get; init; }
    public double? RadiusMetres { get; init; }
    public string? PostcodeDistrict { get; init; }

    public static SearchArea ForWard(int id, string code, string name, Geometry boundary) =>
        new($"in {name} ward", boundary.EnvelopeInternal) { WardId = id, WardCode = code };
}

/// <summary>Filters that passed validation; <see cref="Apply"/> turns them into SQL.</summary>
public sealed record PlaceFilter
{
    public IReadOnlyList<string> Categories { get; init; } = [];
    public PlaceDimension Dimension { get; init; }
    public Ownership? Ownership { get; init; }
    public Activity? Activity { get; init; }
    public Presence? Presence { get; init; }
    public Guid? OrganisationId { get; init; }
    public string? Name { get; init; }
    public SearchArea? Area { get; init; }

    /// <summary>The places that pass every filter.</summary>
    public IQueryable<Place> Apply(SocialInfraDbContext db)
    {
        var places = db.Places.AsNoTracking();
        if (Categories.Count > 0)
        {
            var slugs = Categories.ToList();
            places = places.Where(p => slugs.Contains(p.CategorySlug));
        }
        places = Dimension switch
        {
            PlaceDimension.Services => places.Where(p => db.Services.Any(s => s.DeliveredAt.Any(d => d.Id == p.Id))),
            PlaceDimension.Networks => places.Where(p => db.NetworkMembers.Any(m => m.PlaceId == p.Id)),
            _ => places,
        };
        if (Ownership is { } ownership) places = places.Where(p => p.Ownership == ownership);
        if (Activity is { } activity) places = places.Where(p => p.Activity == activity);
        if (Presence is { } presence) places = places.Where(p => p.Presence == presence);
        if (OrganisationId is { } organisation)
        {
            places = places.Where(p => p.OwnerOrganisationId == organisation
                || db.Services.Any(s => s.OrganisationId == organisation && s.DeliveredAt.Any(d => d.Id == p.Id)));
        }
        if (Name is { } name)
        {
            // Escape LIKE's wildcards so "%" and "_" typed in the box match themselves.
            var pattern = name.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
            places = places.Where(p => EF.Functions.ILike(p.Name, $"%{pattern}%", @"\"));
        }
        if (Area is { WardId: { } wardId })
        {
            // Physical places inside the ward, and digital places that serve it.
            var inside = db.Places.InWard(db, wardId).Select(p => p.Id);
            places = places.Where(p => inside.Contains(p.Id) || p.WardsServed.Any(w => w.Id == wardId));
        }
        else if (Area is { Centre: { } centre, RadiusMetres: { } radius })
        {
            places = places.Within(centre, radius);
        }
        else if (Area is { PostcodeDistrict: { } district })
        {
            places = places.InPostcodeDistrict(district);
        }
        return places;
    }
}

/// <summary>Checks the text of a search and resolves "near" against the wards and recorded postcodes.</summary>
public static partial class PlaceSearch
{
    /// <summary>How far round a postcode "near" looks: a ten-minute walk.</summary>
    public const double PostcodeRadiusMetres = 800;

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?$")]
    private static partial Regex PostcodeDistrict();

    public static async Task<(PlaceFilter Filter, IReadOnlyList<FieldError> Errors)> ParseAsync(
        PlaceSearchText text, SocialInfraDbContext db, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var filter = new PlaceFilter();

        if (!string.IsNullOrWhiteSpace(text.Category))
        {
            var slugs = text.Category.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(s => s.ToLowerInvariant()).Distinct().ToList();
            var known = await db.Categories.Where(c => slugs.Contains(c.Slug)).Select(c => c.Slug).ToListAsync(cancellationToken);
            var unknown = slugs.Except(known).ToList();
            if (unknown.Count > 0)
            {
                errors.Add(new FieldError("category", $"Unknown category '{unknown[0]}'. Use category slugs such as library or community-centre."));
            }
            filter = filter with { Categories = known };
        }
        filter = filter with
        {
            Dimension = Enumerated<PlaceDimension>(text.Dimension, "dimension", errors) ?? PlaceDimension.All,
            Ownership = Enumerated<Ownership>(text.Ownership, "ownership", errors),
            Activity = Enumerated<Activity>(text.Activity, "activity", errors),
            Presence = Enumerated<Presence>(text.Presence, "presence", errors),
            Name = string.IsNullOrWhiteSpace(text.Q) ? null : text.Q.Trim(),
        };

        if (!string.IsNullOrWhiteSpace(text.Organisation))
        {
            if (!Guid.TryParse(text.Organisation, out var id) || !await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken))
            {
                errors.Add(new FieldError("organisation", $"No organisation with id '{text.Organisation.Trim()}'."));
            }
            else
            {
                filter = filter with { OrganisationId = id };
            }
        }

        if (!string.IsNullOrWhiteSpace(text.Near))
        {
            var area = await ResolveNearAsync(text.Near.Trim(), db, cancellationToken);
            if (area is null)
            {
                errors.Add(new FieldError("near", $"No ward or recorded postcode matches '{text.Near.Trim()}'. Enter a ward name such as Abbey, or a postcode such as RM10 9QH or a district such as RM10."));
            }
            filter = filter with { Area = area };
        }
        return (filter, errors);
    }

    /// <summary>
    /// A ward of the newest vintage by name or code, else a full postcode (a circle round it) from the loaded postcode
    /// directory or the borough's places, else a postcode district that some place's postcode is in.
    /// </summary>
    public static async Task<SearchArea?> ResolveNearAsync(string near, SocialInfraDbContext db, CancellationToken cancellationToken = default)
    {
        var wardName = Regex.Replace(near, @"\s+ward$", "", RegexOptions.IgnoreCase).Trim().ToLowerInvariant();
        var code = near.ToUpperInvariant();
        var ward = await db.CurrentWards()
            .Where(w => w.Code == code || w.Name.ToLower() == wardName)
            .OrderBy(w => w.Name).ThenBy(w => w.Code)
            .Select(w => new { w.Id, w.Code, w.Name, w.Boundary })
            .FirstOrDefaultAsync(cancellationToken);
        if (ward is not null)
        {
            return SearchArea.ForWard(ward.Id, ward.Code, ward.Name, ward.Boundary);
        }

        if (Postcode.Normalise(near) is { } postcode)
        {
            if (await db.LocatePostcodeAsync(postcode, cancellationToken) is not { } centre)
            {
                return null;
            }
            return new SearchArea($"within {PostcodeRadiusMetres:0} metres of {postcode}", Around(centre, PostcodeRadiusMetres))
            {
                Centre = centre,
                RadiusMetres = PostcodeRadiusMetres,
            };
        }

        var district = near.Replace(" ", "").ToUpperInvariant();
        if (PostcodeDistrict().IsMatch(district))
        {
            var points = await db.Places.InPostcodeDistrict(district).Where(p => p.Location != null)
                .Select(p => p.Location!).ToListAsync(cancellationToken);
            if (points.Count > 0)
            {
                var extent = new Envelope();
                points.ForEach(p => extent.ExpandToInclude(p.Coordinate));
                return new SearchArea($"in postcode district {district}", extent) { PostcodeDistrict = district };
            }
        }
        return null;
    }

    /// <summary>The box round a circle: degrees of latitude are ~111.32 km; of longitude, that times cos(latitude).</summary>
    private static Envelope Around(Point centre, double metres)
    {
        var dLat = metres / 111_320.0;
        var dLon = dLat / Math.Cos(centre.Y * Math.PI / 180);
        return new Envelope(centre.X - dLon, centre.X + dLon, centre.Y - dLat, centre.Y + dLat);
    }

    private static T? Enumerated<T>(string? text, string field, List<FieldError> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (EnumText.TryParse<T>(text, out var value))
        {
            return value;
        }
        errors.Add(new FieldError(field, $"Unknown {field} '{text.Trim()}'. Use one of: {EnumText.Choices<T>()}."));
        return null;
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Gaps;
using SocialInfra.Geography;
using SocialInfra.Places;
using SocialInfra.Web.Api;
using NetTopologySuite.Geometries;

namespace SocialInfra.Web.Pages.Gaps;

/// <summary>
/// Reads a gap analysis question from a query string, the same way for the page, the API and the CSV download:
/// category (empty for the composite), add (repeated "latitude,longitude", or "latitude,longitude,category"),
/// addPostcode, addCategory (the category of added places that do not name one; by default the one shown), reopen
/// (repeated place ids, at most <see cref="MaximumChanges"/> changes in all) and accessibility (true or false).
/// Every problem is keyed by the parameter at fault.
/// </summary>
public static class GapParameters
{
    public const int MaximumChanges = 20;

    public sealed record Result(GapQuestion Question, IReadOnlyList<Catchment> Catchments, Dictionary<string, string> Errors)
    {
        public bool IsValid => Errors.Count == 0;
    }

    public static async Task<Result> ReadAsync(IQueryCollection query, string localAuthorityCode, SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var catchments = await db.CatchmentsAsync(localAuthorityCode, cancellationToken);
        var question = new GapQuestion(localAuthorityCode);

        var category = Text(query["category"]);
        if (category is not null)
        {
            category = category.ToLowerInvariant();
            if (catchments.All(c => c.CategorySlug != category))
            {
                errors["category"] = category == CategoryTaxonomy.DigitalSpace
                    ? "Digital spaces have no catchment: each ward's digital spaces are counted beside its score instead."
                    : $"'{category}' is not a category. Choose one of: {string.Join(", ", catchments.Select(c => c.CategorySlug))}.";
            }
            question = question with { Category = category };
        }

        if (!OpenDataRequests.TryParseFlag(Text(query["accessibility"]), out var accessibility))
        {
            errors["accessibility"] = $"accessibility must be true or false; got '{query["accessibility"]}'.";
        }
        question = question with { Accessibility = accessibility };

        var addTexts = query["add"].Select(Text).OfType<string>().ToList();
        var reopenTexts = query["reopen"].Select(Text).OfType<string>().ToList();
        if (addTexts.Count + reopenTexts.Count > MaximumChanges)
        {
            // Refused before any is looked up: each one costs a query.
            errors[addTexts.Count > 0 ? "add" : "reopen"] = $"Try at most {MaximumChanges} changes at once.";
            return new Result(question, catchments, errors);
        }

        // Each added place is "latitude,longitude" (of the addCategory) or "latitude,longitude,category".
        var addCategory = Text(query["addCategory"])?.ToLowerInvariant() ?? category;
        var points = new List<(Point Point, string? Category, string Field)>();
        foreach (var text in addTexts)
        {
            if (!TryParsePoint(text, out var point, out var pointCategory))
            {
                errors["add"] = $"'{text}' is not a place to add: give its latitude and longitude separated by a comma, e.g. 51.5362,0.0810.";
                break;
            }
            points.Add((point, pointCategory ?? addCategory, "add"));
        }
        if (Text(query["addPostcode"]) is { } postcodeText)
        {
            var postcode = Postcode.Normalise(postcodeText);
            var located = postcode is null ? null : await db.LocatePostcodeAsync(postcode, cancellationToken);
            if (located is null)
            {
                errors["addPostcode"] = postcode is null
                    ? $"'{postcodeText}' is not a postcode, e.g. RM10 9QH."
                    : $"{postcode} could not be found: load the postcode directory, or give the place's latitude and longitude instead.";
            }
            else
            {
                points.Add((located, addCategory, "addPostcode"));
            }
        }
        foreach (var (point, _, field) in points)
        {
            if (!errors.ContainsKey(field) && !await db.IsInLocalAuthorityAsync(localAuthorityCode, point, cancellationToken))
            {
                errors[field] = field == "addPostcode"
                    ? $"{Text(query["addPostcode"])} is outside the borough."
                    : $"The place to add at {point.Y.ToString("0.#####", CultureInfo.InvariantCulture)},{point.X.ToString("0.#####", CultureInfo.InvariantCulture)} is outside the borough.";
            }
        }
        if (points.Count > 0)
        {
            if (points.Any(p => p.Category is null))
            {
                errors["addCategory"] = "Choose the kind of place to add.";
            }
            else if (points.FirstOrDefault(p => catchments.All(c => c.CategorySlug != p.Category)) is { Category: { } unknown })
            {
                errors["addCategory"] = $"'{unknown}' is not a category with a catchment.";
            }
            else
            {
                question = question with { Added = points.Select(p => new HypotheticalPlace(p.Category!, p.Point)).ToList() };
            }
        }

        var reopened = new List<Guid>();
        foreach (var text in reopenTexts)
        {
            if (!Guid.TryParse(text, out var id))
            {
                errors["reopen"] = $"'{text}' is not a place id.";
                break;
            }
            reopened.Add(id);
        }
        if (reopened.Count > 0 && !errors.ContainsKey("reopen"))
        {
            var found = await db.Places.Where(p => reopened.Contains(p.Id))
                .Select(p => new { p.Id, p.Name, p.Activity, p.Presence }).ToListAsync(cancellationToken);
            if (reopened.FirstOrDefault(id => found.All(f => f.Id != id)) is var missing && missing != Guid.Empty)
            {
                errors["reopen"] = $"There is no place with id {missing}.";
            }
            else if (found.FirstOrDefault(f => f.Activity == Activity.Active || f.Presence != Presence.Physical) is { } open)
            {
                errors["reopen"] = open.Presence != Presence.Physical
                    ? $"{open.Name} is a digital space: it has no catchment to reopen."
                    : $"{open.Name} is already open.";
            }
            question = question with { Reopened = reopened.Distinct().ToList() };
        }
        return new Result(question, catchments, errors);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool TryParsePoint(string text, out Point point, out string? category)
    {
        point = null!;
        category = null;
        var parts = text.Split(',');
        if (parts.Length is not (2 or 3)
            || !Numbers.TryParseFinite(parts[0], out var latitude)
            || !Numbers.TryParseFinite(parts[1], out var longitude)
            || latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            return false;
        }
        if (parts.Length == 3)
        {
            category = parts[2].Trim().ToLowerInvariant();
        }
        point = SpatialQueries.PointAt(longitude, latitude);
        return true;
    }
}

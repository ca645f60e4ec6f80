using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Geography;
using SocialInfra.Places;

namespace SocialInfra.Gaps;

/// <summary>
/// Works out gap scores by ward (method: docs/gap-analysis.md). The spatial part runs in PostGIS: whether each LSOA's
/// reference point is within a category's catchment of an open physical place (ST_DWithin on geography), and the
/// two-step floating catchment; the sums over a ward's LSOAs are done here, where they can be read.
/// </summary>
public static class GapCalculator
{
    /// <summary>How far the ward report looks for the nearest place when none is within the catchment.</summary>
    public const int NearestSearchMetres = 10_000;

    /// <summary>The catchment and weight of every category that has one (not digital spaces), the borough's own where set.</summary>
    public static async Task<List<Catchment>> CatchmentsAsync(this SocialInfraDbContext db, string localAuthorityCode, CancellationToken cancellationToken = default)
    {
        var settings = await db.CatchmentSettings.AsNoTracking()
            .Where(s => s.LocalAuthorityCode == localAuthorityCode)
            .ToDictionaryAsync(s => s.CategorySlug, cancellationToken);
        var categories = await db.Categories.AsNoTracking()
            .Where(c => c.Slug != CategoryTaxonomy.DigitalSpace)
            .OrderBy(c => c.Name)
            .ToListAsync(cancellationToken);
        return categories.Select(c => settings.TryGetValue(c.Slug, out var s)
                ? new Catchment(c.Slug, c.Name, s.CatchmentMetres, s.Weight, IsDefault: false)
                : new Catchment(c.Slug, c.Name, c.CatchmentMetres, 1, IsDefault: true))
            .ToList();
    }

    /// <summary>The analysis, or null when the borough has not been loaded. A "what if" also carries each ward as it is now.</summary>
    public static async Task<GapAnalysis?> AnalyseAsync(this SocialInfraDbContext db, GapQuestion question, CancellationToken cancellationToken = default)
    {
        var analysis = await AnalyseOnceAsync(db, question, null, cancellationToken);
        if (analysis is null || !question.IsWhatIf)
        {
            return analysis;
        }
        // The same categories as the what-if, or a place added in a category not recorded yet would change the composite's make-up.
        var before = (await AnalyseOnceAsync(db, question.AsItIs(), (analysis.Catchments, analysis.LeftOut), cancellationToken))!
            .Wards.ToDictionary(w => w.Code);
        return analysis with { Wards = analysis.Wards.Select(w => w with { Before = before.GetValueOrDefault(w.Code) }).ToList() };
    }

    private static async Task<GapAnalysis?> AnalyseOnceAsync(
        SocialInfraDbContext db, GapQuestion question, (IReadOnlyList<Catchment> Used, IReadOnlyList<Catchment> LeftOut)? categories, CancellationToken cancellationToken)
    {
        var lad = question.LocalAuthorityCode;
        var authority = await db.LocalAuthorities.AsNoTracking().Where(a => a.Code == lad)
            .Select(a => new { a.Code, a.Name }).FirstOrDefaultAsync(cancellationToken);
        if (authority is null)
        {
            return null;
        }

        var all = await db.CatchmentsAsync(lad, cancellationToken);
        var wards = await db.CurrentWards(lad).AsNoTracking().OrderBy(w => w.Code)
            .Select(w => new WardRow(w.Id, w.Code, w.Name, w.ImdScore)).ToListAsync(cancellationToken);
        var wardIds = wards.Select(w => w.Id).ToArray();
        var vintage = await db.Lsoas.Where(l => l.WardId != null && wardIds.Contains(l.WardId.Value))
            .MaxAsync(l => (int?)l.Vintage, cancellationToken);

        List<Catchment> used;
        List<Catchment> leftOut = [];
        if (categories is { } given)
        {
            (used, leftOut) = (given.Used.ToList(), given.LeftOut.ToList());
        }
        else if (question.Category is { } slug)
        {
            used = all.Where(c => c.CategorySlug == slug).ToList();
            if (used.Count == 0)
            {
                throw new ArgumentException($"'{slug}' is not a category with a catchment.", nameof(question));
            }
        }
        else
        {
            // A category with nothing recorded in the borough is more likely missing data than a borough without any:
            // it is named as left out rather than scored as a gap everywhere.
            var recorded = await RecordedCategoriesAsync(db, lad, cancellationToken);
            recorded.UnionWith(question.Added.Select(a => a.CategorySlug));
            used = all.Where(c => c.Weight > 0 && recorded.Contains(c.CategorySlug)).ToList();
            leftOut = all.Except(used).ToList();
        }

        var residents = await db.Lsoas.AsNoTracking()
            .Where(l => l.WardId != null && wardIds.Contains(l.WardId.Value) && l.Vintage == vintage)
            .Select(l => new LsoaRow(l.WardId!.Value, l.Code, l.Population)).ToListAsync(cancellationToken);
        var lsoas = vintage is null ? [] : await ReachAsync(db, question, used, wardIds, vintage.Value, cancellationToken);
        var places = await PlacesInWardsAsync(db, question, used, wardIds, cancellationToken);
        var digital = await DigitalSpacesAsync(db, question, wardIds, cancellationToken);

        return Score(authority.Code, authority.Name, question.Category, used, leftOut, wards, vintage, residents, lsoas, places, digital);
    }

    // ---- the sums, where they can be read ----------------------------------------------------------------------------

    private static GapAnalysis Score(
        string lad, string name, string? category, List<Catchment> used, List<Catchment> leftOut, List<WardRow> wards, int? vintage,
        List<LsoaRow> residents, List<ReachRow> lsoas, List<WardPlaces> places, Dictionary<int, int> digital)
    {
        var populationKnown = residents.Count > 0 && residents.All(l => l.Population is not null);
        var scored = wards.Where(w => w.ImdScore is not null).ToList();
        var highest = scored.MaxBy(w => w.ImdScore);
        var needKnown = scored.Count == wards.Count && wards.Count > 0;
        double? NeedOf(WardRow w) =>
            scored.Count == 0 ? 1
            : w.ImdScore is null || highest!.ImdScore <= 0 ? null
            : w.ImdScore / highest.ImdScore;
        var placeCounts = places.ToDictionary(p => (p.CategorySlug, p.WardId), p => p.Places);
        var wardCodes = wards.ToDictionary(w => w.Id, w => w.Code);

        var results = wards.Select(w =>
        {
            var own = lsoas.Where(l => l.WardId == w.Id).ToList();
            var people = residents.Where(l => l.WardId == w.Id).ToList();
            var population = populationKnown ? people.Sum(l => l.Population) : null;
            var need = NeedOf(w);
            var parts = used.Select(c =>
            {
                var reach = own.Where(l => l.CategorySlug == c.CategorySlug).ToList();
                double Share(ReachRow l) => populationKnown ? l.Population!.Value : 1;
                var total = reach.Sum(Share);
                double? coverage = total > 0 ? reach.Where(l => l.Reached).Sum(Share) / total : null;
                var count = placeCounts.GetValueOrDefault((c.CategorySlug, w.Id));
                double? access = populationKnown && total > 0 && reach.All(l => l.Accessibility is not null)
                    ? reach.Sum(l => l.Population!.Value * l.Accessibility!.Value) / total * 1000
                    : null;
                return new CategoryGap(c.CategorySlug, c.CategoryName, c.Metres, c.Weight, count, PerThousand(count, population),
                    coverage, need * (1 - coverage), reach.Count(l => l.Reached), access);
            }).ToList();

            var weighted = parts.Where(p => p.Coverage is not null && p.Weight > 0).ToList();
            var weights = weighted.Sum(p => p.Weight);
            double? coverage = category is not null ? parts.Single().Coverage
                : weights > 0 ? weighted.Sum(p => p.Weight * p.Coverage!.Value) / weights : null;
            double? access = category is not null ? parts.Single().Accessibility : null;
            var count = parts.Sum(p => p.Places);
            return new WardGap(w.Code, w.Name, population, people.Count, count, PerThousand(count, population),
                coverage, w.ImdScore, need, need * (1 - coverage), Rank: null, access, digital.GetValueOrDefault(w.Id), parts);
        }).ToList();

        var ranked = Rank(results);
        var reaches = lsoas.Select(l => new LsoaReach(l.CategorySlug, l.Code, l.Name, wardCodes[l.WardId], l.Population, l.Reached, l.Accessibility)).ToList();
        return new GapAnalysis(lad, name, category, used, leftOut,
            new GapBasis(populationKnown, vintage, needKnown, highest?.ImdScore, highest?.Name), ranked, reaches);
    }

    private static double? PerThousand(int places, int? population) => population > 0 ? places * 1000.0 / population : null;

    /// <summary>Biggest gap first; equal scores share a rank (1, 2, 2, 4); wards without a score come last, unranked.</summary>
    private static List<WardGap> Rank(List<WardGap> wards)
    {
        var ordered = wards
            .OrderBy(w => w.GapScore is null)
            .ThenByDescending(w => w.GapScore is { } g ? Math.Round(g, 9) : 0)
            .ThenBy(w => w.Name, StringComparer.Ordinal)
            .ToList();
        var result = new List<WardGap>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var ward = ordered[i];
            int? rank = ward.GapScore is null ? null
                : i > 0 && result[i - 1].GapScore is { } previous && Math.Round(previous, 9) == Math.Round(ward.GapScore.Value, 9) ? result[i - 1].Rank
                : i + 1;
            result.Add(ward with { Rank = rank });
        }
        return result;
    }

    // ---- the spatial part, in PostGIS --------------------------------------------------------------------------------

    private static (string[] Categories, double[] Longitudes, double[] Latitudes, double[] Capacities) Hypothetical(GapQuestion question) => (
        question.Added.Select(a => a.CategorySlug).ToArray(),
        question.Added.Select(a => a.Location.X).ToArray(),
        question.Added.Select(a => a.Location.Y).ToArray(),
        question.Added.Select(a => (double)(a.Capacity ?? 1)).ToArray());

    /// <summary>For each category and each LSOA of the wards: is an open place within the catchment, and its 2SFCA score when asked.</summary>
    private static async Task<List<ReachRow>> ReachAsync(
        SocialInfraDbContext db, GapQuestion question, List<Catchment> used, int[] wardIds, int vintage, CancellationToken cancellationToken)
    {
        var slugs = used.Select(c => c.CategorySlug).ToArray();
        var metres = used.Select(c => (double)c.Metres).ToArray();
        var reopened = question.Reopened.ToArray();
        var closed = question.Closed.ToArray();
        var (addCategories, addLongitudes, addLatitudes, addCapacities) = Hypothetical(question);
        var rows = await db.Database.SqlQuery<ReachRow>($"""
            WITH c AS (SELECT * FROM unnest({slugs}, {metres}) AS c(category, metres)),
            extra AS (
                SELECT t.category, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326)::geography AS g, t.capacity
                FROM unnest({addCategories}, {addLongitudes}, {addLatitudes}, {addCapacities}) AS t(category, lon, lat, capacity)),
            l AS (
                SELECT "Code", "Name", "WardId", "Population", "ReferencePointGeography" AS g FROM "Lsoas"
                WHERE "WardId" = ANY({wardIds}) AND "Vintage" = {vintage})
            SELECT c.category AS "CategorySlug", l."Code", l."Name", l."WardId", l."Population",
                EXISTS (SELECT 1 FROM "Places" AS p
                        WHERE p."CategorySlug" = c.category AND p."Presence" = 'Physical'
                          AND (p."Activity" = 'Active' OR p."Id" = ANY({reopened})) AND NOT p."Id" = ANY({closed})
                          AND ST_DWithin(p."LocationGeography", l.g, c.metres))
                OR EXISTS (SELECT 1 FROM extra AS e WHERE e.category = c.category AND ST_DWithin(e.g, l.g, c.metres)) AS "Reached",
                NULL::double precision AS "Accessibility"
            FROM c CROSS JOIN l
            ORDER BY l."Code", c.category
            """).ToListAsync(cancellationToken);
        if (!question.Accessibility || rows.Any(r => r.Population is null))
        {
            return rows;
        }

        // Two-step floating catchment: each place's capacity shared among the residents within its catchment (step 1),
        // then each LSOA's shares of every place within its reach summed (step 2). Residents of neighbouring boroughs
        // loaded in the database count as demand too.
        var scores = await db.Database.SqlQuery<AccessRow>($"""
            WITH c AS (SELECT * FROM unnest({slugs}, {metres}) AS c(category, metres)),
            extra AS (
                SELECT t.category, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326)::geography AS g, t.capacity
                FROM unnest({addCategories}, {addLongitudes}, {addLatitudes}, {addCapacities}) AS t(category, lon, lat, capacity)),
            l AS (
                SELECT "Code", "ReferencePointGeography" AS g FROM "Lsoas"
                WHERE "WardId" = ANY({wardIds}) AND "Vintage" = {vintage}),
            supply AS (
                SELECT s.category, s.metres, s.g, s.capacity / NULLIF((
                    SELECT sum(o."Population") FROM "Lsoas" AS o
                    WHERE o."Vintage" = {vintage} AND ST_DWithin(o."ReferencePointGeography", s.g, s.metres)), 0) AS ratio
                FROM (
                    SELECT DISTINCT ON (c.category, p."Id") c.category, c.metres, p."LocationGeography" AS g, coalesce(p."Capacity", 1)::double precision AS capacity
                    FROM c JOIN l ON true
                    JOIN "Places" AS p ON p."CategorySlug" = c.category AND p."Presence" = 'Physical'
                        AND (p."Activity" = 'Active' OR p."Id" = ANY({reopened})) AND NOT p."Id" = ANY({closed})
                        AND ST_DWithin(p."LocationGeography", l.g, c.metres)
                    UNION ALL
                    SELECT c.category, c.metres, e.g, e.capacity FROM c JOIN extra AS e ON e.category = c.category) AS s)
            SELECT c.category AS "CategorySlug", l."Code", coalesce(sum(s.ratio), 0) AS "Accessibility"
            FROM c CROSS JOIN l
            LEFT JOIN supply AS s ON s.category = c.category AND ST_DWithin(s.g, l.g, c.metres)
            GROUP BY c.category, l."Code"
            """).ToListAsync(cancellationToken);
        var byKey = scores.ToDictionary(s => (s.CategorySlug, s.Code), s => s.Accessibility);
        return rows.Select(r => r with { Accessibility = byKey.GetValueOrDefault((r.CategorySlug, r.Code)) }).ToList();
    }

    /// <summary>Open physical places of each category inside each ward (point in polygon), hypothetical ones included.</summary>
    private static Task<List<WardPlaces>> PlacesInWardsAsync(
        SocialInfraDbContext db, GapQuestion question, List<Catchment> used, int[] wardIds, CancellationToken cancellationToken)
    {
        var slugs = used.Select(c => c.CategorySlug).ToArray();
        var reopened = question.Reopened.ToArray();
        var closed = question.Closed.ToArray();
        var (addCategories, addLongitudes, addLatitudes, _) = Hypothetical(question);
        // Ward by ward, so each ward's places come from the GiST index on Location rather than a scan of every place.
        return db.Database.SqlQuery<WardPlaces>($"""
            SELECT x.category AS "CategorySlug", x.ward AS "WardId", count(*)::int AS "Places" FROM (
                SELECT p."CategorySlug" AS category, w."Id" AS ward
                FROM "Wards" AS w JOIN "Places" AS p ON ST_Covers(w."Boundary", p."Location")
                WHERE w."Id" = ANY({wardIds}) AND p."CategorySlug" = ANY({slugs}) AND p."Presence" = 'Physical'
                  AND (p."Activity" = 'Active' OR p."Id" = ANY({reopened})) AND NOT p."Id" = ANY({closed})
                UNION ALL
                SELECT t.category, w."Id"
                FROM "Wards" AS w JOIN unnest({addCategories}, {addLongitudes}, {addLatitudes}) AS t(category, lon, lat)
                    ON ST_Covers(w."Boundary", ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326))
                WHERE w."Id" = ANY({wardIds})) AS x
            GROUP BY x.category, x.ward
            """).ToListAsync(cancellationToken);
    }

    /// <summary>Open digital places serving each ward: of the category asked about, or of any category for the composite.</summary>
    private static async Task<Dictionary<int, int>> DigitalSpacesAsync(SocialInfraDbContext db, GapQuestion question, int[] wardIds, CancellationToken cancellationToken)
    {
        var anyCategory = question.Category is null;
        var category = question.Category ?? "";
        var reopened = question.Reopened.ToArray();
        var closed = question.Closed.ToArray();
        var rows = await db.Database.SqlQuery<WardPlaces>($"""
            SELECT '' AS "CategorySlug", s."WardId", count(*)::int AS "Places"
            FROM "PlaceWardServed" AS s JOIN "Places" AS p ON p."Id" = s."PlaceId"
            WHERE s."WardId" = ANY({wardIds}) AND p."Presence" = 'Digital'
              AND (p."Activity" = 'Active' OR p."Id" = ANY({reopened})) AND NOT p."Id" = ANY({closed})
              AND ({anyCategory} OR p."CategorySlug" = {category})
            GROUP BY s."WardId"
            """).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.WardId, r => r.Places);
    }

    /// <summary>Categories with at least one physical place (open or not) recorded inside the borough.</summary>
    private static async Task<HashSet<string>> RecordedCategoriesAsync(SocialInfraDbContext db, string localAuthorityCode, CancellationToken cancellationToken) =>
        (await db.Places
            .InLocalAuthority(db, localAuthorityCode)
            .Select(p => p.CategorySlug).Distinct().ToListAsync(cancellationToken))
        .ToHashSet();

    /// <summary>
    /// For the ward report: each of the ward's LSOAs with the nearest open place of the category (searching up to
    /// <see cref="NearestSearchMetres"/>) and its distance in metres, nearest first by the spheroid.
    /// </summary>
    public static async Task<Dictionary<string, NearestPlace>> NearestPlacesAsync(
        this SocialInfraDbContext db, string wardCode, string category, CancellationToken cancellationToken = default)
    {
        var rows = await db.Database.SqlQuery<NearestPlace>($"""
            WITH w AS (SELECT "Id" FROM "Wards" WHERE "Code" = {wardCode} ORDER BY "BoundaryYear" DESC LIMIT 1),
            l AS (
                SELECT l."Code", l."ReferencePointGeography" AS g FROM "Lsoas" AS l JOIN w ON l."WardId" = w."Id"
                WHERE l."Vintage" = (SELECT max("Vintage") FROM "Lsoas" WHERE "WardId" = (SELECT "Id" FROM w)))
            SELECT l."Code" AS "LsoaCode", n."Id" AS "PlaceId", n."Name" AS "PlaceName", n.distance AS "Metres"
            FROM l JOIN LATERAL (
                SELECT p."Id", p."Name", ST_Distance(p."LocationGeography", l.g) AS distance FROM "Places" AS p
                WHERE p."CategorySlug" = {category} AND p."Presence" = 'Physical' AND p."Activity" = 'Active'
                  AND ST_DWithin(p."LocationGeography", l.g, {NearestSearchMetres})
                ORDER BY distance LIMIT 1) AS n ON true
            """).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.LsoaCode);
    }

    private sealed record WardRow(int Id, string Code, string Name, double? ImdScore);

    private sealed record LsoaRow(int WardId, string Code, int? Population);
}

/// <summary>One LSOA's reach in one category, as PostGIS works it out.</summary>
public sealed record ReachRow(string CategorySlug, string Code, string Name, int WardId, int? Population, bool Reached, double? Accessibility);

/// <summary>One LSOA's two-step floating catchment score in one category: capacity per resident within reach.</summary>
public sealed record AccessRow(string CategorySlug, string Code, double Accessibility);

/// <summary>How many open places of a category lie in (or serve) a ward.</summary>
public sealed record WardPlaces(string CategorySlug, int WardId, int Places);

/// <summary>The nearest open place of a category to an LSOA's reference point.</summary>
public sealed record NearestPlace(string LsoaCode, Guid PlaceId, string PlaceName, double Metres);

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using SocialInfra.Geography;
using SocialInfra.Organisations;
using SocialInfra.Places;

namespace SocialInfra.Imports;

/// <summary>
/// Places from OpenStreetMap GeoJSON, from SocialInfra's own GeoJSON or CSV export, or from any CSV with its columns.
/// A record updates the place with the same id, else the same source id, else the same name within 50 metres;
/// otherwise it adds a place. An empty cell leaves what is recorded as it is.
/// </summary>
internal static class PlaceImport
{
    public const double SameNameWithinMetres = 50;

    /// <summary>A place as a file describes it; null fields were not given.</summary>
    private sealed class PlaceRecord
    {
        public required string Where { get; init; }
        public Guid? Id { get; init; }
        public required string Name { get; init; }
        public required string CategorySlug { get; init; }
        public string? Description { get; init; }
        public Ownership? Ownership { get; init; }
        public string? OwnerOrganisation { get; init; }
        public Permanence? Permanence { get; init; }
        public DateOnly? StartsOn { get; init; }
        public DateOnly? EndsOn { get; init; }
        public Activity? Activity { get; init; }
        public DateOnly? ActivitySince { get; init; }
        public Presence Presence { get; init; }
        public Geometry? Geometry { get; set; }
        public CoordinateSystem System { get; init; } = CoordinateSystem.Wgs84;
        public List<string> WardCodes { get; init; } = [];
        public string? Address { get; init; }
        public string? Postcode { get; init; }
        public string? Url { get; init; }
        public string? OpeningHours { get; init; }
        public int? Capacity { get; init; }
        public List<string>? Accessibility { get; init; }
        public DateOnly? LastVerified { get; init; }
        public required string Source { get; init; }
        public string? SourceId { get; init; }
        public required string Licence { get; init; }

        public Point? Location { get; set; }
        public MultiPolygon? Footprint { get; set; }
    }

    /// <summary>What the whole import shares: reference data read once and what the file has said so far.</summary>
    private sealed class Session
    {
        public required List<Category> Categories { get; init; }
        public required Dictionary<string, int> Wards { get; init; }
        public required OrganisationDirectory Organisations { get; init; }
        public required string AuthorityName { get; init; }
        public HashSet<string> SourceKeys { get; } = [];
        public HashSet<Guid> Ids { get; } = [];
        public List<string> Outside { get; } = [];
        public List<PlaceRecord> Pending { get; } = [];
    }

    public static async Task GeoJsonAsync(ImportContext context, Stream file)
    {
        var session = await StartAsync(context);
        await foreach (var item in GeoJsonFeatureReader.ReadAsync(file, context.CancellationToken))
        {
            context.CountRead();
            if (item.Feature is not { } feature)
            {
                context.Report.Problem(ImportContext.FeatureWhere(item.Number), item.Error!);
                continue;
            }
            var where = ImportContext.FeatureWhere(item.Number, ImportContext.Text(feature, PlaceColumns.Name));
            var system = CoordinateSystem.Wgs84;
            if (feature.Geometry is { IsEmpty: false } geometry)
            {
                if (CoordinateSystems.Resolve(item.CoordinateSystem, geometry, out var crsProblem) is not { } resolved)
                {
                    context.Report.Problem(where, crsProblem!);
                    continue;
                }
                system = resolved;
            }
            var record = ImportContext.Text(feature, PlaceColumns.Category) is not null
                ? FromColumns(context, session, where, name => ImportContext.Text(feature, name) ?? (name == PlaceColumns.Id ? ImportContext.FeatureId(feature) : null), feature.Geometry, system)
                : FromOpenStreetMap(context, session, item.Number, feature, system);
            await AddAsync(context, session, record);
        }
        await FinishAsync(context, session);
    }

    public static async Task CsvAsync(ImportContext context, Stream file)
    {
        var session = await StartAsync(context);
        using var csv = new CsvTable(file);
        csv.Require("name", PlaceColumns.Name);
        csv.Require("category", PlaceColumns.Category);
        var latitude = csv.Find(PlaceColumns.Latitude, "lat");
        var longitude = csv.Find(PlaceColumns.Longitude, "lon", "lng", "long");
        // A file of digital spaces alone needs no location columns: they serve wards instead.
        if ((latitude < 0 || longitude < 0) && csv.Find(PlaceColumns.Postcode) < 0 && csv.Find(PlaceColumns.Presence) < 0)
        {
            throw csv.Missing("location", "\"latitude\" and \"longitude\" (or \"lat\" and \"lon\"), or \"postcode\"");
        }
        var columns = PlaceColumns.All.ToDictionary(c => c, c => csv.Find(c));
        columns[PlaceColumns.Latitude] = latitude;
        columns[PlaceColumns.Longitude] = longitude;
        columns[PlaceColumns.Website] = csv.Find(PlaceColumns.Website, "url");
        while (csv.Read())
        {
            context.CountRead();
            var record = FromColumns(context, session, csv.Where, name => csv.Get(columns[name]), null, CoordinateSystem.Wgs84);
            await AddAsync(context, session, record);
        }
        await FinishAsync(context, session);
    }

    private static async Task<Session> StartAsync(ImportContext context)
    {
        var (authority, _) = await context.BoroughAsync();
        return new Session
        {
            AuthorityName = authority.Name,
            Categories = await context.Db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(context.CancellationToken),
            Wards = await context.Db.CurrentWards(authority.Code).ToDictionaryAsync(w => w.Code, w => w.Id, context.CancellationToken),
            Organisations = await OrganisationDirectory.LoadAsync(context),
        };
    }

    private static async Task AddAsync(ImportContext context, Session session, PlaceRecord? record)
    {
        if (record is null)
        {
            return;
        }
        if (record.Id is { } id && !session.Ids.Add(id))
        {
            context.Report.Problem(record.Where, $"id {id} appears earlier in the file too.");
            return;
        }
        if (record.SourceId is not null && !session.SourceKeys.Add($"{record.Source}|{record.SourceId}"))
        {
            context.Report.Problem(record.Where, $"{record.Source} id {record.SourceId} appears earlier in the file too.");
            return;
        }
        session.Pending.Add(record);
        if (session.Pending.Count == ImportContext.BatchSize)
        {
            await SaveAsync(context, session);
        }
    }

    private static async Task FinishAsync(ImportContext context, Session session)
    {
        await SaveAsync(context, session);
        if (session.Outside.Count > 0)
        {
            context.Report.Note($"{session.Outside.Count} places outside {session.AuthorityName} were left out: " +
                string.Join(", ", session.Outside.Take(10)) + (session.Outside.Count > 10 ? " …" : "."));
        }
    }

    private static PlaceRecord? FromColumns(
        ImportContext context, Session session, string where, Func<string, string?> cell, Geometry? geometry, CoordinateSystem system)
    {
        var problems = context.Report.Problems.Count;
        void Problem(string message) => context.Report.Problem(where, message);

        var name = cell(PlaceColumns.Name);
        if (name is null)
        {
            Problem("has no name.");
        }
        else if (name.Length > Place.NameLength)
        {
            Problem($"name must be {Place.NameLength} characters or fewer.");
        }
        var category = FindCategory(session, cell(PlaceColumns.Category));
        if (category is null)
        {
            Problem($"category '{cell(PlaceColumns.Category)}' is not one of: {string.Join(", ", session.Categories.Select(c => c.Slug).Order())}.");
        }
        Guid? id = null;
        if (cell(PlaceColumns.Id) is { } idText)
        {
            if (Guid.TryParse(idText, out var parsed))
            {
                id = parsed;
            }
            else
            {
                Problem($"id '{idText}' is not a SocialInfra place id; leave the column empty for a new place.");
            }
        }
        var ownership = Parse<Ownership>(cell(PlaceColumns.Ownership), "ownership", Problem, o => o.Owned());
        var permanence = Parse<Permanence>(cell(PlaceColumns.Permanence), "permanence", Problem);
        var activity = Parse<Activity>(cell(PlaceColumns.Activity), "activity", Problem);
        var presence = Parse<Presence>(cell(PlaceColumns.Presence), "presence", Problem) ?? Presence.Physical;
        var startsOn = Date(cell(PlaceColumns.StartsOn), "starts_on", Problem);
        var endsOn = Date(cell(PlaceColumns.EndsOn), "ends_on", Problem);
        if (startsOn is { } starts && endsOn is { } ends && ends < starts)
        {
            Problem($"ends_on {ends:yyyy-MM-dd} is before starts_on {starts:yyyy-MM-dd}.");
        }
        int? capacity = null;
        if (cell(PlaceColumns.Capacity) is { } capacityText)
        {
            if (int.TryParse(capacityText, NumberStyles.None, CultureInfo.InvariantCulture, out var c))
            {
                capacity = c;
            }
            else
            {
                Problem($"capacity '{capacityText}' is not a whole number of people.");
            }
        }
        var url = cell(PlaceColumns.Website);
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            Problem($"website '{url}' must start with https:// or http://.");
        }
        var postcodeText = cell(PlaceColumns.Postcode);
        var postcode = Geography.Postcode.Normalise(postcodeText);
        if (postcodeText is not null && postcode is null)
        {
            Problem($"postcode '{postcodeText}' is not a UK postcode.");
        }
        var wardCodes = PlaceColumns.SplitList(cell(PlaceColumns.WardsServed)).Select(w => w.ToUpperInvariant()).ToList();
        foreach (var unknown in wardCodes.Where(w => !session.Wards.ContainsKey(w)))
        {
            Problem($"ward '{unknown}' in wards_served is not one of {session.AuthorityName}'s current wards.");
        }
        if (presence == Presence.Digital && wardCodes.Count == 0)
        {
            Problem("is a digital space but names no wards in wards_served.");
        }
        if (geometry is null && presence == Presence.Physical && (cell(PlaceColumns.Latitude), cell(PlaceColumns.Longitude)) is var (latText, lonText) && (latText ?? lonText) is not null)
        {
            if (Numbers.TryParseFinite(latText, out var lat) && lat is >= -90 and <= 90
                && Numbers.TryParseFinite(lonText, out var lon) && lon is >= -180 and <= 180)
            {
                geometry = SpatialQueries.PointAt(lon, lat);
            }
            else
            {
                Problem($"latitude '{latText}' and longitude '{lonText}' must both be numbers (latitude -90 to 90, longitude -180 to 180).");
            }
        }
        if (presence == Presence.Physical && geometry is null && postcodeText is null && (cell(PlaceColumns.Latitude) ?? cell(PlaceColumns.Longitude)) is null)
        {
            Problem("has no location: give latitude and longitude, or a postcode.");
        }
        var licence = cell(PlaceColumns.Licence) ?? context.Request.DefaultLicence;
        licence = PlaceColumns.IsOpenDatabaseLicence(licence) ? PlaceColumns.OpenDatabaseLicence : licence;
        var source = cell(PlaceColumns.Source) ?? "import";
        foreach (var (column, value, length) in new[]
        {
            (PlaceColumns.Website, url, Place.UrlLength), (PlaceColumns.Source, source, 100), (PlaceColumns.SourceId, cell(PlaceColumns.SourceId), 200),
            (PlaceColumns.Licence, licence, 100), (PlaceColumns.OwnerOrganisation, cell(PlaceColumns.OwnerOrganisation), Organisation.NameLength),
        })
        {
            if (value?.Length > length)
            {
                Problem($"{column} must be {length} characters or fewer.");
            }
        }
        if (context.Report.Problems.Count > problems)
        {
            return null;
        }
        return new PlaceRecord
        {
            Where = where,
            Id = id,
            Name = name!,
            CategorySlug = category!.Slug,
            Description = cell(PlaceColumns.Description),
            Ownership = ownership,
            OwnerOrganisation = cell(PlaceColumns.OwnerOrganisation),
            Permanence = permanence,
            StartsOn = startsOn,
            EndsOn = endsOn,
            Activity = activity,
            ActivitySince = Date(cell(PlaceColumns.ActivitySince), "activity_since", Problem),
            Presence = presence,
            Geometry = presence == Presence.Physical ? geometry : null,
            System = system,
            WardCodes = wardCodes,
            Address = cell(PlaceColumns.Address),
            Postcode = postcode,
            Url = url,
            OpeningHours = cell(PlaceColumns.OpeningHours),
            Capacity = capacity,
            Accessibility = cell(PlaceColumns.Accessibility) is { } features ? PlaceColumns.SplitList(features) : null,
            LastVerified = Date(cell(PlaceColumns.LastVerified), "last_verified", Problem),
            Source = source,
            SourceId = cell(PlaceColumns.SourceId),
            Licence = licence,
        };
    }

    private static PlaceRecord? FromOpenStreetMap(ImportContext context, Session session, int number, IFeature feature, CoordinateSystem system)
    {
        string? Tag(string key) => ImportContext.Text(feature, key);
        var osmId = ImportContext.FeatureId(feature) ?? Tag("@id") ?? Tag("id");
        var where = ImportContext.FeatureWhere(number, osmId, Tag("name"));
        if (osmId is null || !(osmId.StartsWith("node/", StringComparison.Ordinal) || osmId.StartsWith("way/", StringComparison.Ordinal) || osmId.StartsWith("relation/", StringComparison.Ordinal)))
        {
            context.Report.Problem(where, $"has neither a SocialInfra category nor an OpenStreetMap id such as node/123 (its id is '{osmId}').");
            return null;
        }
        var category = session.Categories.FirstOrDefault(c => c.OsmTagList.Any(tag =>
            tag.Split('=', 2) is [var key, var value] && string.Equals(Tag(key), value, StringComparison.OrdinalIgnoreCase)));
        if (category is null)
        {
            var tags = new[] { "amenity", "leisure", "landuse", "shop", "healthcare" }.Select(k => Tag(k) is { } v ? $"{k}={v}" : null).OfType<string>();
            context.Report.Problem(where, $"has tags ({string.Join(", ", tags.DefaultIfEmpty("none of amenity, leisure or landuse"))}) that match no SocialInfra category; " +
                "the categories and their tags are listed in docs/data.md.");
            return null;
        }
        if (feature.Geometry is null || feature.Geometry.IsEmpty)
        {
            context.Report.Problem(where, "has no geometry.");
            return null;
        }
        if (feature.Geometry is not (Point or Polygon or MultiPolygon))
        {
            context.Report.Problem(where, $"is a {feature.Geometry.GeometryType}; a place must be a point or an area (polygon).");
            return null;
        }
        var operatorType = Tag("operator:type")?.ToLowerInvariant();
        var ownership = operatorType switch
        {
            "public" or "government" => Ownership.Public,
            "private" => Ownership.Private,
            "community" or "religious" or "charitable" or "ngo" or "cooperative" => Ownership.Community,
            _ => category.Slug switch
            {
                "place-of-worship" or "community-centre" => Ownership.Community,
                "cafe-pub" => Ownership.Private,
                _ => Ownership.Public,
            },
        };
        var accessibility = new List<string>();
        if (Tag("wheelchair") == "yes") accessibility.Add("Step-free access");
        if (Tag("toilets:wheelchair") == "yes") accessibility.Add("Accessible toilet");
        if (Tag("hearing_loop") == "yes") accessibility.Add("Hearing loop");
        if (Tag("changing_table") == "yes") accessibility.Add("Baby changing");
        var street = string.Join(' ', new[] { Tag("addr:housenumber"), Tag("addr:street") }.OfType<string>());
        var address = string.Join(", ", new[] { Tag("addr:housename"), street.Length > 0 ? street : null, Tag("addr:city") }.OfType<string>());
        var url = Tag("website") ?? Tag("contact:website") ?? Tag("url");
        if (url is not null && !(url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
        {
            url = $"https://{url}";
        }
        if (Tag("name")?.Length > Place.NameLength || osmId.Length > 200)
        {
            context.Report.Problem(where, "has a name or id longer than 200 characters.");
            return null;
        }
        return new PlaceRecord
        {
            Where = where,
            Name = Tag("name") ?? $"Unnamed {category.Name.ToLowerInvariant()}",
            CategorySlug = category.Slug,
            Description = Tag("description"),
            Ownership = ownership,
            Presence = Presence.Physical,
            Geometry = feature.Geometry,
            System = system,
            Address = address.Length > 0 ? address : null,
            Postcode = Geography.Postcode.Normalise(Tag("addr:postcode")),
            Url = Uri.TryCreate(url, UriKind.Absolute, out _) && url!.Length <= Place.UrlLength ? url : null,
            OpeningHours = Tag("opening_hours"),
            Capacity = int.TryParse(Tag("capacity"), NumberStyles.None, CultureInfo.InvariantCulture, out var capacity) ? capacity : null,
            Accessibility = accessibility.Count > 0 ? accessibility : null,
            Source = PlaceColumns.OpenStreetMapSource,
            SourceId = osmId,
            Licence = PlaceColumns.OpenDatabaseLicence,
        };
    }

    private static Category? FindCategory(Session session, string? text) =>
        text is null ? null : session.Categories.FirstOrDefault(c =>
            string.Equals(c.Slug, text, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Name, text, StringComparison.OrdinalIgnoreCase));

    /// <summary>An enum from its name, its words ("short-lived", "early help") or other wording given; null when empty.</summary>
    private static T? Parse<T>(string? text, string column, Action<string> problem, Func<T, string>? otherWording = null) where T : struct, Enum
    {
        if (text is null)
        {
            return null;
        }
        static string Plain(string s) => new(s.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
        var wanted = Plain(text);
        foreach (var value in Enum.GetValues<T>())
        {
            if (Plain(value.ToString()) == wanted || Plain(EnumText.Words(value)) == wanted || (otherWording is not null && Plain(otherWording(value)) == wanted))
            {
                return value;
            }
        }
        problem($"{column} '{text}' is not one of: {EnumText.Choices<T>()}.");
        return null;
    }

    private static DateOnly? Date(string? text, string column, Action<string> problem)
    {
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParseExact(text, "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date;
        }
        problem($"{column} '{text}' is not a date: write it as 2024-03-31 or 31/3/2024.");
        return null;
    }

    // Locates, matches and writes one batch; the change tracker is cleared afterwards.
    private static async Task SaveAsync(ImportContext context, Session session)
    {
        var batch = session.Pending.ToList();
        session.Pending.Clear();
        if (batch.Count == 0)
        {
            return;
        }
        var db = context.Db;
        var (_, borough) = await context.BoroughAsync();

        // Where each place is: reprojected, an area's inside point, or its postcode's point.
        var withGeometry = batch.Where(r => r.Geometry is not null).ToList();
        var wgs84 = await context.ToWgs84Async(withGeometry.Select(r => (r.Geometry!, r.System)).ToList());
        for (var i = 0; i < withGeometry.Count; i++)
        {
            var record = withGeometry[i];
            switch (wgs84[i])
            {
                case Point point:
                    record.Location = point;
                    break;
                case Polygon or MultiPolygon:
                    var area = wgs84[i] as MultiPolygon ?? SpatialQueries.Factory.CreateMultiPolygon([(Polygon)wgs84[i]]);
                    if (ImportContext.Invalidity(area) is { } invalid)
                    {
                        context.Report.Problem(record.Where, $"has an area that is not a valid polygon: {invalid}.");
                        continue;
                    }
                    record.Footprint = area;
                    record.Location = (Point)area.InteriorPoint.Copy();
                    break;
                default:
                    context.Report.Problem(record.Where, $"is a {wgs84[i].GeometryType}; a place must be a point or an area (polygon).");
                    break;
            }
        }
        var byPostcode = batch.Where(r => r.Presence == Presence.Physical && r.Location is null && r.Geometry is null && r.Postcode is not null).ToList();
        foreach (var record in byPostcode)
        {
            record.Location = await db.LocatePostcodeAsync(record.Postcode!, context.CancellationToken);
            if (record.Location is null)
            {
                context.Report.Problem(record.Where, $"postcode {record.Postcode} is not in the postcode directory: import the ONS Postcode Directory (see docs/data.md) or give latitude and longitude.");
            }
        }
        var inBorough = new List<PlaceRecord>();
        foreach (var record in batch.Where(r => r.Presence == Presence.Digital || r.Location is not null))
        {
            if (record.Presence == Presence.Physical && !borough.Covers(record.Location!))
            {
                session.Outside.Add(record.Name);
                context.Report.Skipped++;
                continue;
            }
            inBorough.Add(record);
        }
        if (!context.Report.Succeeded)
        {
            return;
        }

        // Match: the same id, else the same source id, else the same name within 50 metres.
        var ids = inBorough.Where(r => r.Id is not null).Select(r => r.Id!.Value).ToList();
        var keys = inBorough.Where(r => r.SourceId is not null).Select(r => r.Source + "|" + r.SourceId).ToList();
        var existing = await db.Places.Include(p => p.ActivityPeriods).Include(p => p.WardsServed)
            .Where(p => ids.Contains(p.Id) || keys.Contains(p.Provenance.Source + "|" + p.Provenance.SourceId))
            .ToListAsync(context.CancellationToken);
        var matches = new Place?[inBorough.Count];
        for (var i = 0; i < inBorough.Count; i++)
        {
            var r = inBorough[i];
            matches[i] = existing.FirstOrDefault(p => p.Id == r.Id)
                ?? existing.FirstOrDefault(p => r.SourceId is not null && p.Provenance.Source == r.Source && p.Provenance.SourceId == r.SourceId);
        }
        // Digital spaces have no point: the same name and kind among digital spaces is the same space.
        var digitalNames = inBorough.Where((r, i) => matches[i] is null && r.Presence == Presence.Digital).Select(r => r.Name.ToLower()).ToList();
        if (digitalNames.Count > 0)
        {
            var digital = await db.Places.Include(p => p.ActivityPeriods).Include(p => p.WardsServed)
                .Where(p => p.Presence == Presence.Digital && digitalNames.Contains(p.Name.ToLower())).ToListAsync(context.CancellationToken);
            for (var i = 0; i < inBorough.Count; i++)
            {
                var r = inBorough[i];
                matches[i] ??= r.Presence != Presence.Digital ? null : digital.FirstOrDefault(p =>
                    string.Equals(p.Name, r.Name, StringComparison.OrdinalIgnoreCase) && p.CategorySlug == r.CategorySlug && !IsOtherRecordOfSameSource(p, r));
            }
        }
        var byName = Enumerable.Range(0, inBorough.Count).Where(i => matches[i] is null && inBorough[i].Location is not null).ToList();
        if (byName.Count > 0)
        {
            var found = await db.PlacesNamedNearAsync(byName.Select(i => (inBorough[i].Name, inBorough[i].Location!)).ToList(), SameNameWithinMetres, context.CancellationToken);
            var foundIds = found.OfType<Guid>().Distinct().ToList();
            var named = await db.Places.Include(p => p.ActivityPeriods).Include(p => p.WardsServed)
                .Where(p => foundIds.Contains(p.Id)).ToListAsync(context.CancellationToken);
            for (var k = 0; k < byName.Count; k++)
            {
                var place = named.FirstOrDefault(p => p.Id == found[k]);
                var record = inBorough[byName[k]];
                matches[byName[k]] = place is not null && IsOtherRecordOfSameSource(place, record) ? null : place;
            }
        }

        var wardIds = inBorough.SelectMany(r => r.WardCodes).Distinct().Select(c => session.Wards[c]).ToList();
        await db.Wards.Where(w => wardIds.Contains(w.Id)).LoadAsync(context.CancellationToken);

        var added = new List<Place>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 0; i < inBorough.Count; i++)
        {
            var record = inBorough[i];
            var inBatch = matches[i] is null ? added.FirstOrDefault(p => SameNameNearby(p, record)) : null;
            var place = matches[i] ?? inBatch;
            var isNew = place is null;
            var activityChanged = false;
            if (place is null)
            {
                place = new Place
                {
                    Id = record.Id ?? Guid.CreateVersion7(),
                    Name = record.Name,
                    CategorySlug = record.CategorySlug,
                    Provenance = new Provenance { Source = record.Source, SourceId = record.SourceId, Licence = record.Licence, RecordedBy = db.ActorName },
                };
                place.ChangeActivity(record.Activity ?? Activity.Active, record.ActivitySince, ImportedFrom(context));
                db.Places.Add(place);
                added.Add(place);
            }
            else if (record.Activity is { } activity && activity != place.Activity)
            {
                var since = record.ActivitySince ?? today;
                var current = place.ActivityPeriods.SingleOrDefault(p => p.EndsOn is null);
                if (current?.StartsOn > since)
                {
                    context.Report.Problem(record.Where, $"activity_since {since:yyyy-MM-dd} is before {current.StartsOn:yyyy-MM-dd}, when {place.Name} became {EnumText.Lower(place.Activity)}.");
                    continue;
                }
                place.ChangeActivity(activity, since, ImportedFrom(context));
                activityChanged = true;
            }
            var matchedByName = !isNew && record.Id != place.Id
                && !(record.SourceId is not null && record.Source == place.Provenance.Source && record.SourceId == place.Provenance.SourceId);
            var wardsChanged = Apply(context, session, record, place, matchedByName);
            if (isNew)
            {
                context.Report.Created++;
            }
            else if (inBatch is not null)
            {
                // Merged into a place this batch added: one place, already counted.
            }
            else if (activityChanged || wardsChanged || db.Entry(place).State == EntityState.Modified)
            {
                context.Report.Updated++;
            }
            else
            {
                context.Report.Unchanged++;
            }
        }
        if (context.Report.Succeeded)
        {
            await context.SaveBatchAsync();
        }
        else
        {
            db.ChangeTracker.Clear();
        }
    }

    // Another record of the same source (a different OpenStreetMap id) is another thing with the same name, not this one.
    private static bool IsOtherRecordOfSameSource(Place place, PlaceRecord record) =>
        record.SourceId is not null && place.Provenance.Source == record.Source && place.Provenance.SourceId is not null && place.Provenance.SourceId != record.SourceId;

    // For places added earlier in the same batch, which the database query cannot see yet.
    private static bool SameNameNearby(Place place, PlaceRecord record)
    {
        if (place.Location is null || record.Location is null || place.Presence != record.Presence
            || !string.Equals(place.Name, record.Name, StringComparison.OrdinalIgnoreCase) || IsOtherRecordOfSameSource(place, record))
        {
            return false;
        }
        var east = (place.Location.X - record.Location.X) * Math.Cos(record.Location.Y * Math.PI / 180);
        var north = place.Location.Y - record.Location.Y;
        return Math.Sqrt(east * east + north * north) * 111_320 < SameNameWithinMetres;
    }

    /// <summary>Sets what the record gives; true when the wards served changed (the place's own row may not).</summary>
    private static bool Apply(ImportContext context, Session session, PlaceRecord record, Place place, bool matchedByName)
    {
        var wardsChanged = false;
        var db = context.Db;
        place.Name = record.Name;
        place.CategorySlug = record.CategorySlug;
        place.Presence = record.Presence;
        if (record.Description is not null) place.Description = record.Description;
        if (record.Ownership is { } ownership) place.Ownership = ownership;
        if (record.Permanence is { } permanence) place.Permanence = permanence;
        if (record.StartsOn is not null) place.StartsOn = record.StartsOn;
        if (record.EndsOn is not null) place.EndsOn = record.EndsOn;
        if (record.Address is not null) place.Address = record.Address;
        if (record.Postcode is not null) place.Postcode = record.Postcode;
        if (record.Url is not null) place.Url = record.Url;
        if (record.OpeningHours is not null) place.OpeningHours = record.OpeningHours;
        if (record.Capacity is not null) place.Capacity = record.Capacity;
        if (record.LastVerified is not null) place.LastVerifiedOn = record.LastVerified;
        if (record.Accessibility is { } features && !place.AccessibilityFeatures.SequenceEqual(features))
        {
            place.AccessibilityFeatures = features;
        }
        if (record.Presence == Presence.Physical)
        {
            if (place.Location is null || !place.Location.EqualsExact(record.Location!, 1e-9))
            {
                place.Location = record.Location;
            }
            if (record.Footprint is not null && (place.Footprint is null || !place.Footprint.EqualsExact(record.Footprint, 1e-9)))
            {
                place.Footprint = record.Footprint;
            }
        }
        else
        {
            place.Location = null;
            place.Footprint = null;
            var wanted = record.WardCodes.Select(c => session.Wards[c]).ToHashSet();
            wardsChanged = place.WardsServed.RemoveAll(w => !wanted.Contains(w.Id)) > 0;
            foreach (var wardId in wanted.Where(w => place.WardsServed.All(s => s.Id != w)))
            {
                place.WardsServed.Add(db.Wards.Local.Single(w => w.Id == wardId));
                wardsChanged = true;
            }
        }
        if (record.OwnerOrganisation is { } owner)
        {
            place.OwnerOrganisationId = session.Organisations.IdFor(owner);
        }
        // Data merged in from OpenStreetMap makes the record a derived database under the ODbL, and it stays one.
        if (place.Provenance.Licence != record.Licence && !PlaceColumns.IsOpenDatabaseLicence(place.Provenance.Licence)
            && (!matchedByName || PlaceColumns.IsOpenDatabaseLicence(record.Licence)))
        {
            place.Provenance.Licence = record.Licence;
        }
        var entry = db.Entry(place);
        entry.DetectChanges();
        if (entry.State == EntityState.Modified || wardsChanged)
        {
            place.Provenance.RecordedBy = db.ActorName;
            place.Provenance.RecordedAt = DateTimeOffset.UtcNow;
        }
        return wardsChanged;
    }

    /// <summary>The note on an imported place's activity: the file's name, cut to fit (a client names its own upload).</summary>
    private static string ImportedFrom(ImportContext context)
    {
        var note = $"Imported from {context.Request.FileName}";
        return note.Length > ActivityPeriod.NoteLength ? note[..ActivityPeriod.NoteLength] : note;
    }
}

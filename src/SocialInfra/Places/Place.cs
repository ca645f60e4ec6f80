using NetTopologySuite.Geometries;
using SocialInfra.Geography;
using SocialInfra.Organisations;

namespace SocialInfra.Places;

/// <summary>A place or space where people connect: physical (a point) or digital (an area served).</summary>
public class Place
{
    public const int NameLength = 200;
    public const int UrlLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string? Description { get; set; }

    public required string CategorySlug { get; set; }
    public Category? Category { get; set; }

    public Ownership Ownership { get; set; }
    public Permanence Permanence { get; set; } = Permanence.Enduring;
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    /// <summary>Current activity; <see cref="ActivityPeriods"/> keeps the whole history.</summary>
    public Activity Activity { get; private set; } = Activity.Active;
    public List<ActivityPeriod> ActivityPeriods { get; private set; } = [];

    public int? Capacity { get; set; }
    public Presence Presence { get; set; } = Presence.Physical;

    /// <summary>Physical places only; digital places serve <see cref="WardsServed"/> instead.</summary>
    public Point? Location { get; set; }
    public MultiPolygon? Footprint { get; set; }
    public string? Url { get; set; }
    public List<Ward> WardsServed { get; set; } = [];

    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public List<string> AccessibilityFeatures { get; set; } = [];
    public string? OpeningHours { get; set; }

    public Guid? OwnerOrganisationId { get; set; }
    public Organisation? OwnerOrganisation { get; set; }

    public Provenance Provenance { get; set; } = new();
    public DateOnly? LastVerifiedOn { get; set; }

    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; set; }

    /// <summary>Records a change of activity from <paramref name="from"/> (null: since before records began), closing the current period.</summary>
    public void ChangeActivity(Activity activity, DateOnly? from, string? note = null)
    {
        var current = ActivityPeriods.SingleOrDefault(p => p.EndsOn is null);
        if (current is not null)
        {
            if (from < current.StartsOn)
            {
                throw new ArgumentOutOfRangeException(nameof(from), $"The new period cannot start before the current one ({current.StartsOn:yyyy-MM-dd}).");
            }
            current.EndsOn = from ?? throw new ArgumentNullException(nameof(from), "Only the first period may start before records began.");
        }
        ActivityPeriods.Add(new ActivityPeriod { Activity = activity, StartsOn = from, Note = note });
        Activity = activity;
    }
}

/// <summary>Who owns a place.</summary>
public enum Ownership
{
    Public,
    Private,
    Community,
}

/// <summary>Whether a place is meant to last or is short-lived (a pop-up, a meanwhile use).</summary>
public enum Permanence
{
    Enduring,
    ShortLived,
}

/// <summary>Whether a place is open for use: shape-shifting spaces move between these over time.</summary>
public enum Activity
{
    Active,
    Dormant,
    Closed,
}

/// <summary>A physical place has a point; a digital space has a URL and the wards it serves.</summary>
public enum Presence
{
    Physical,
    Digital,
}

/// <summary>One stretch of a place's history in one activity state; open-ended when current.</summary>
public class ActivityPeriod
{
    public const int NoteLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlaceId { get; set; }
    public Activity Activity { get; set; }
    /// <summary>Null when the period began before records did.</summary>
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string? Note { get; set; }
}

/// <summary>Where a record came from and under which licence.</summary>
public class Provenance
{
    public string Source { get; set; } = "manual";
    public string? SourceId { get; set; }
    public string Licence { get; set; } = "OGL-UK-3.0";
    public string RecordedBy { get; set; } = "system";
    public DateTimeOffset RecordedAt { get; set; } = DateTimeOffset.UtcNow;
}

public static class OwnershipText
{
    /// <summary>"Publicly owned", "Privately owned", "Community owned".</summary>
    public static string Owned(this Ownership ownership) => ownership switch
    {
        Ownership.Public => "Publicly owned",
        Ownership.Private => "Privately owned",
        _ => "Community owned",
    };
}

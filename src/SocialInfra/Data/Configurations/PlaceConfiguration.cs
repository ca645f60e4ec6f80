using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;
using SocialInfra.Auditing;
using SocialInfra.Geography;
using SocialInfra.Places;

namespace SocialInfra.Data.Configurations;

public class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    /// <summary>Generated geography twin of Location: distances in metres use it (ST_DWithin on geography).</summary>
    public const string LocationGeography = "LocationGeography";

    public void Configure(EntityTypeBuilder<Place> place)
    {
        place.Property(p => p.Name).HasMaxLength(Place.NameLength);
        place.Property(p => p.CategorySlug).HasMaxLength(60);
        place.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategorySlug).OnDelete(DeleteBehavior.Restrict);
        place.Property(p => p.Activity).HasField("<Activity>k__BackingField");
        place.Property(p => p.Location).HasColumnType("geometry(Point,4326)");
        place.Property<Point>(LocationGeography)
            .HasColumnType("geography(Point,4326)")
            .HasComputedColumnSql("\"Location\"::geography", stored: true);
        place.Property(p => p.Footprint).HasColumnType("geometry(MultiPolygon,4326)");
        place.Property(p => p.Url).HasMaxLength(Place.UrlLength);
        place.Property(p => p.Postcode).HasMaxLength(10);
        place.Property(p => p.Version).IsRowVersion();
        place.ComplexProperty(p => p.Provenance, ProvenanceConfiguration.Configure);

        place.HasIndex(p => p.Location).HasMethod("gist");
        place.HasIndex(LocationGeography).HasMethod("gist");
        // Gap analysis asks "is there an open place of this category within d metres?" for every LSOA and category:
        // one GiST index over both (btree_gist) answers it without reading every place of the category.
        place.HasIndex(nameof(Place.CategorySlug), LocationGeography).HasMethod("gist").HasDatabaseName("IX_Places_Category_LocationGeography");
        place.HasIndex(p => p.Footprint).HasMethod("gist");
        place.HasIndex(p => p.CategorySlug);
        place.HasIndex(p => p.Name);

        place.HasMany(p => p.ActivityPeriods).WithOne().HasForeignKey(a => a.PlaceId).OnDelete(DeleteBehavior.Cascade);
        place.HasOne(p => p.OwnerOrganisation).WithMany().HasForeignKey(p => p.OwnerOrganisationId).OnDelete(DeleteBehavior.SetNull);
        place.HasMany(p => p.WardsServed).WithMany().UsingEntity(
            "PlaceWardServed",
            r => r.HasOne(typeof(Ward)).WithMany().HasForeignKey("WardId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Place)).WithMany().HasForeignKey("PlaceId").OnDelete(DeleteBehavior.Cascade));

        place.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Place_location_matches_presence",
                "(\"Presence\" = 'Physical') = (\"Location\" IS NOT NULL)");
            t.HasCheckConstraint("CK_Place_ends_after_start",
                "\"EndsOn\" IS NULL OR \"StartsOn\" IS NULL OR \"EndsOn\" >= \"StartsOn\"");
            t.HasCheckConstraint("CK_Place_capacity_not_negative", "\"Capacity\" IS NULL OR \"Capacity\" >= 0");
        });
    }
}

public class ActivityPeriodConfiguration : IEntityTypeConfiguration<ActivityPeriod>
{
    public void Configure(EntityTypeBuilder<ActivityPeriod> period)
    {
        period.Property(p => p.Note).HasMaxLength(ActivityPeriod.NoteLength);
        // A place is in one state at a time: at most one period without an end.
        period.HasIndex(p => p.PlaceId).IsUnique().HasFilter("\"EndsOn\" IS NULL").HasDatabaseName("IX_ActivityPeriods_one_open_per_place");
        period.HasIndex(p => new { p.PlaceId, p.StartsOn });
        period.ToTable(t => t.HasCheckConstraint("CK_ActivityPeriod_ends_after_start",
            "\"EndsOn\" IS NULL OR \"StartsOn\" IS NULL OR \"EndsOn\" >= \"StartsOn\""));
    }
}

public class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.HasKey(c => c.Slug);
        category.Property(c => c.Slug).HasMaxLength(60);
        category.Property(c => c.Name).HasMaxLength(100);
        category.Property(c => c.OsmTags).HasMaxLength(500);
        category.Ignore(c => c.OsmTagList);
        category.HasData(CategoryTaxonomy.All);
    }
}

internal static class ProvenanceConfiguration
{
    public static void Configure<T>(ComplexPropertyBuilder<T> provenance) where T : Provenance
    {
        provenance.Property(p => p.Source).HasMaxLength(100);
        provenance.Property(p => p.SourceId).HasMaxLength(200);
        provenance.Property(p => p.Licence).HasMaxLength(100);
        provenance.Property(p => p.RecordedBy).HasMaxLength(IActor.MaximumNameLength);
    }
}

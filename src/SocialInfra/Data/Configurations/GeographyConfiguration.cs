using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;
using SocialInfra.Geography;

namespace SocialInfra.Data.Configurations;

public class LocalAuthorityConfiguration : IEntityTypeConfiguration<LocalAuthority>
{
    public void Configure(EntityTypeBuilder<LocalAuthority> authority)
    {
        authority.HasKey(a => a.Code);
        authority.Property(a => a.Code).HasMaxLength(9);
        authority.Property(a => a.Name).HasMaxLength(LocalAuthority.NameLength);
        authority.Property(a => a.Boundary).HasColumnType("geometry(MultiPolygon,4326)");
        authority.HasIndex(a => a.Boundary).HasMethod("gist");
        authority.HasMany(a => a.Wards).WithOne(w => w.LocalAuthority).HasForeignKey(w => w.LocalAuthorityCode);
    }
}

public class WardConfiguration : IEntityTypeConfiguration<Ward>
{
    public void Configure(EntityTypeBuilder<Ward> ward)
    {
        ward.Property(w => w.Code).HasMaxLength(9);
        ward.Property(w => w.Name).HasMaxLength(Ward.NameLength);
        ward.Property(w => w.Boundary).HasColumnType("geometry(MultiPolygon,4326)");
        ward.HasIndex(w => w.Boundary).HasMethod("gist");
        ward.HasIndex(w => new { w.Code, w.BoundaryYear }).IsUnique();
        ward.HasMany(w => w.Lsoas).WithOne(l => l.Ward).HasForeignKey(l => l.WardId).OnDelete(DeleteBehavior.SetNull);
    }
}

public class LsoaConfiguration : IEntityTypeConfiguration<Lsoa>
{
    /// <summary>Generated geography twin of ReferencePoint, for catchments in metres.</summary>
    public const string ReferencePointGeography = "ReferencePointGeography";

    public void Configure(EntityTypeBuilder<Lsoa> lsoa)
    {
        lsoa.Property(l => l.Code).HasMaxLength(9);
        lsoa.Property(l => l.Name).HasMaxLength(Lsoa.NameLength);
        lsoa.Property(l => l.LocalAuthorityCode).HasMaxLength(9);
        lsoa.HasOne<LocalAuthority>().WithMany().HasForeignKey(l => l.LocalAuthorityCode);
        lsoa.Property(l => l.Boundary).HasColumnType("geometry(MultiPolygon,4326)");
        lsoa.Property(l => l.ReferencePoint).HasColumnType("geometry(Point,4326)");
        lsoa.Property<Point>(ReferencePointGeography)
            .HasColumnType("geography(Point,4326)")
            .HasComputedColumnSql("\"ReferencePoint\"::geography", stored: true);
        lsoa.HasIndex(l => l.Boundary).HasMethod("gist");
        lsoa.HasIndex(l => l.ReferencePoint).HasMethod("gist");
        lsoa.HasIndex(ReferencePointGeography).HasMethod("gist");
        lsoa.HasIndex(l => new { l.Code, l.Vintage }).IsUnique();
        lsoa.ToTable(t => t.HasCheckConstraint("CK_Lsoa_population_not_negative", "\"Population\" IS NULL OR \"Population\" >= 0"));
    }
}

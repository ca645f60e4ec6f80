using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialInfra.Auditing;
using SocialInfra.Geography;
using SocialInfra.Imports;

namespace SocialInfra.Data.Configurations;

public class PostcodeLocationConfiguration : IEntityTypeConfiguration<PostcodeLocation>
{
    public void Configure(EntityTypeBuilder<PostcodeLocation> postcode)
    {
        postcode.ToTable("Postcodes");
        postcode.HasKey(p => p.Code);
        postcode.Property(p => p.Code).HasMaxLength(8);
        postcode.Property(p => p.Location).HasColumnType("geometry(Point,4326)");
        postcode.Property(p => p.LocalAuthorityCode).HasMaxLength(9);
        postcode.HasIndex(p => p.Location).HasMethod("gist");
    }
}

public class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<ImportRun> run)
    {
        run.Property(r => r.FileName).HasMaxLength(260);
        run.Property(r => r.LocalAuthorityCode).HasMaxLength(9);
        run.Property(r => r.RunBy).HasMaxLength(IActor.MaximumNameLength);
        run.Property(r => r.Report)
            .HasColumnType("jsonb")
            .HasConversion(
                report => JsonSerializer.Serialize(report, Json),
                json => JsonSerializer.Deserialize<ImportReport>(json, Json)!,
                new ValueComparer<ImportReport>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    r => JsonSerializer.Serialize(r, Json).GetHashCode(),
                    r => JsonSerializer.Deserialize<ImportReport>(JsonSerializer.Serialize(r, Json), Json)!));
        run.HasIndex(r => r.StartedAt);
    }
}

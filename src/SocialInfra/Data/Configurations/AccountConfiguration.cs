using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialInfra.Accounts;
using SocialInfra.Auditing;
using SocialInfra.Places;

namespace SocialInfra.Data.Configurations;

public class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(User.DisplayNameLength);
        user.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    // Fixed ids so the four roles exist as soon as the database is migrated.
    private static readonly Dictionary<string, Guid> Ids = new()
    {
        [Roles.Admin] = Guid.Parse("0196a000-0000-7000-8000-000000000001"),
        [Roles.CouncilOfficer] = Guid.Parse("0196a000-0000-7000-8000-000000000002"),
        [Roles.Facilitator] = Guid.Parse("0196a000-0000-7000-8000-000000000003"),
        [Roles.VcfseStaff] = Guid.Parse("0196a000-0000-7000-8000-000000000004"),
    };

    public void Configure(EntityTypeBuilder<Role> role) =>
        role.HasData(Ids.Select(r => new Role
        {
            Id = r.Value,
            Name = r.Key,
            NormalizedName = r.Key.ToUpperInvariant(),
            ConcurrencyStamp = r.Value.ToString(),
        }));
}

public class PlaceSubmissionConfiguration : IEntityTypeConfiguration<PlaceSubmission>
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<PlaceSubmission> submission)
    {
        submission.Property(s => s.Draft)
            .HasColumnType("jsonb")
            .HasConversion(
                draft => JsonSerializer.Serialize(draft, Json),
                json => JsonSerializer.Deserialize<PlaceDraft>(json, Json)!,
                new ValueComparer<PlaceDraft>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    d => JsonSerializer.Serialize(d, Json).GetHashCode(),
                    d => JsonSerializer.Deserialize<PlaceDraft>(JsonSerializer.Serialize(d, Json), Json)!));
        submission.Property(s => s.Name).HasMaxLength(200);
        submission.Property(s => s.SubmittedByName).HasMaxLength(IActor.MaximumNameLength);
        submission.Property(s => s.ReviewedByName).HasMaxLength(IActor.MaximumNameLength);
        submission.Property(s => s.ReturnReason).HasMaxLength(PlaceSubmission.ReturnReasonLength);
        submission.Property(s => s.Version).IsRowVersion();
        submission.Ignore(s => s.IsOpen);
        submission.HasOne(s => s.Place).WithMany().HasForeignKey(s => s.PlaceId).OnDelete(DeleteBehavior.Cascade);
        submission.HasOne(s => s.Organisation).WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        submission.HasIndex(s => new { s.Status, s.SubmittedAt });
        submission.HasIndex(s => s.OrganisationId);
        submission.HasIndex(s => s.PlaceId);
    }
}

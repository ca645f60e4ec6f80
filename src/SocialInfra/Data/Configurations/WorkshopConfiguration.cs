using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialInfra.Geography;
using SocialInfra.Workshops;

namespace SocialInfra.Data.Configurations;

public class WorkshopSessionConfiguration : IEntityTypeConfiguration<WorkshopSession>
{
    public void Configure(EntityTypeBuilder<WorkshopSession> session)
    {
        session.Property(s => s.Code).HasMaxLength(WorkshopRoom.CodeLength);
        session.HasIndex(s => s.Code).IsUnique();
        session.Property(s => s.Title).HasMaxLength(200);
        session.Property(s => s.LocalAuthorityCode).HasMaxLength(9);
        session.Property(s => s.FacilitatorName).HasMaxLength(200);
        session.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        session.HasOne<LocalAuthority>().WithMany().HasForeignKey(s => s.LocalAuthorityCode).OnDelete(DeleteBehavior.Restrict);
        session.HasIndex(s => s.FacilitatorId);
        session.HasMany(s => s.Wards).WithMany().UsingEntity(
            "WorkshopSessionWard",
            r => r.HasOne(typeof(Ward)).WithMany().HasForeignKey("WardId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(WorkshopSession)).WithMany().HasForeignKey("SessionId").OnDelete(DeleteBehavior.Cascade));
        session.Property(s => s.GapRecord)
            .HasColumnType("jsonb")
            .HasConversion(
                record => JsonSerializer.Serialize(record, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<WorkshopGapRecord>(json, JsonSerializerOptions.Default),
                new ValueComparer<WorkshopGapRecord?>(
                    (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Default) == JsonSerializer.Serialize(b, JsonSerializerOptions.Default),
                    r => JsonSerializer.Serialize(r, JsonSerializerOptions.Default).GetHashCode(),
                    r => r));
        session.Property(s => s.Version).IsRowVersion();
        session.ToTable(t => t.HasCheckConstraint("CK_WorkshopSession_dots",
            $"\"DotBudget\" BETWEEN {WorkshopSession.MinimumDots} AND {WorkshopSession.MaximumDots}"));
    }
}

public class WorkshopParticipantConfiguration : IEntityTypeConfiguration<WorkshopParticipant>
{
    public void Configure(EntityTypeBuilder<WorkshopParticipant> participant)
    {
        participant.Property(p => p.DisplayName).HasMaxLength(WorkshopParticipant.MaximumNameLength);
        participant.Property(p => p.TokenHash).HasMaxLength(64);
        participant.HasIndex(p => p.TokenHash).IsUnique();
        participant.HasOne<WorkshopSession>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> contribution)
    {
        contribution.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        contribution.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        contribution.Property(c => c.Text).HasMaxLength(Contribution.MaximumTextLength);
        contribution.Property(c => c.CategorySlug).HasMaxLength(60);
        contribution.Property(c => c.Location).HasColumnType("geometry(Point,4326)");
        contribution.Property(c => c.EditVersion).IsConcurrencyToken();
        // Sent twice after a dropped connection, kept once.
        contribution.HasIndex(c => new { c.SessionId, c.ClientId }).IsUnique();
        contribution.HasOne<WorkshopSession>().WithMany().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Cascade);
        contribution.HasOne<WorkshopParticipant>().WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        contribution.HasOne(c => c.Place).WithMany().HasForeignKey(c => c.PlaceId).OnDelete(DeleteBehavior.SetNull);
        contribution.HasOne(c => c.Ward).WithMany().HasForeignKey(c => c.WardId).OnDelete(DeleteBehavior.Restrict);
        contribution.HasOne<Contribution>().WithMany().HasForeignKey(c => c.MergedIntoId).OnDelete(DeleteBehavior.SetNull);
        contribution.HasOne<Places.PlaceSubmission>().WithMany().HasForeignKey(c => c.SubmissionId).OnDelete(DeleteBehavior.SetNull);
        contribution.ToTable(t => t.HasCheckConstraint("CK_Contribution_dots", "\"Dots\" >= 0"));
    }
}

public class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> vote)
    {
        vote.HasKey(v => new { v.ParticipantId, v.ContributionId });
        vote.HasOne<WorkshopParticipant>().WithMany().HasForeignKey(v => v.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        vote.HasOne<Contribution>().WithMany().HasForeignKey(v => v.ContributionId).OnDelete(DeleteBehavior.Cascade);
        vote.HasIndex(v => v.ContributionId);
        vote.ToTable(t => t.HasCheckConstraint("CK_Vote_dots", "\"Dots\" > 0"));
    }
}

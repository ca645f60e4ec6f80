using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialInfra.Auditing;
using SocialInfra.Organisations;

namespace SocialInfra.Data.Configurations;

public class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.Property(o => o.Name).HasMaxLength(Organisation.NameLength);
        organisation.Property(o => o.CharityNumber).HasMaxLength(Organisation.NumberLength);
        organisation.Property(o => o.CompanyNumber).HasMaxLength(Organisation.NumberLength);
        organisation.Property(o => o.Website).HasMaxLength(Organisation.WebsiteLength);
        organisation.HasIndex(o => o.Name).IsUnique();
    }
}

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> audit)
    {
        audit.Property(a => a.EntityType).HasMaxLength(100);
        audit.Property(a => a.EntityId).HasMaxLength(100);
        audit.Property(a => a.ChangedBy).HasMaxLength(IActor.MaximumNameLength);
        audit.Property(a => a.Before).HasColumnType("jsonb");
        audit.Property(a => a.After).HasColumnType("jsonb");
        audit.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}

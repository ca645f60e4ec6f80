using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialInfra.Accounts;
using SocialInfra.Auditing;
using SocialInfra.Networks;

namespace SocialInfra.Data.Configurations;

public class ValueNetworkConfiguration : IEntityTypeConfiguration<ValueNetwork>
{
    public void Configure(EntityTypeBuilder<ValueNetwork> network)
    {
        network.Property(n => n.Name).HasMaxLength(ValueNetwork.NameLength);
        network.Property(n => n.Purpose).HasMaxLength(ValueNetwork.PurposeLength);
        network.PrimitiveCollection(n => n.Values).ElementType().HasConversion<string>();
        network.Property(n => n.Version).IsRowVersion();
        network.HasMany(n => n.Members).WithOne().HasForeignKey(m => m.NetworkId).OnDelete(DeleteBehavior.Cascade);
        network.HasMany(n => n.Relationships).WithOne().HasForeignKey(r => r.NetworkId).OnDelete(DeleteBehavior.Cascade);
        network.HasMany(n => n.Coordinators).WithOne().HasForeignKey(c => c.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class NetworkMemberConfiguration : IEntityTypeConfiguration<NetworkMember>
{
    public void Configure(EntityTypeBuilder<NetworkMember> member)
    {
        member.Ignore(m => m.Kind);
        member.Property(m => m.Role).HasMaxLength(NetworkMember.RoleLength);
        member.Property(m => m.Version).IsRowVersion();
        member.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne(m => m.Place).WithMany().HasForeignKey(m => m.PlaceId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne(m => m.Service).WithMany().HasForeignKey(m => m.ServiceId).OnDelete(DeleteBehavior.Cascade);
        // Each organisation, place or service joins a network once.
        member.HasIndex(m => new { m.NetworkId, m.OrganisationId }).IsUnique();
        member.HasIndex(m => new { m.NetworkId, m.PlaceId }).IsUnique();
        member.HasIndex(m => new { m.NetworkId, m.ServiceId }).IsUnique();
        member.HasIndex(m => m.PlaceId);
        member.HasIndex(m => m.ServiceId);
        member.HasIndex(m => m.OrganisationId);
        // The target of the relationships' (network, member) keys, so a relationship cannot join two networks.
        member.HasAlternateKey(m => new { m.NetworkId, m.Id });
        member.ToTable(t => t.HasCheckConstraint("CK_NetworkMember_exactly_one_member",
            "num_nonnulls(\"OrganisationId\", \"PlaceId\", \"ServiceId\") = 1"));
    }
}

public class NetworkRelationshipConfiguration : IEntityTypeConfiguration<NetworkRelationship>
{
    public void Configure(EntityTypeBuilder<NetworkRelationship> relationship)
    {
        relationship.Property(r => r.Description).HasMaxLength(NetworkRelationship.DescriptionLength);
        relationship.HasOne<NetworkMember>().WithMany().HasForeignKey(r => new { r.NetworkId, r.FromMemberId })
            .HasPrincipalKey(m => new { m.NetworkId, m.Id }).OnDelete(DeleteBehavior.Cascade);
        relationship.HasOne<NetworkMember>().WithMany().HasForeignKey(r => new { r.NetworkId, r.ToMemberId })
            .HasPrincipalKey(m => new { m.NetworkId, m.Id }).OnDelete(DeleteBehavior.Cascade);
        relationship.HasIndex(r => new { r.NetworkId, r.FromMemberId, r.ToMemberId, r.Kind }).IsUnique();
        relationship.HasIndex(r => new { r.NetworkId, r.ToMemberId });
        relationship.ToTable(t => t.HasCheckConstraint("CK_NetworkRelationship_two_members",
            "\"FromMemberId\" <> \"ToMemberId\""));
    }
}

public class NetworkCoordinatorConfiguration : IEntityTypeConfiguration<NetworkCoordinator>
{
    public void Configure(EntityTypeBuilder<NetworkCoordinator> coordinator)
    {
        coordinator.HasKey(c => new { c.NetworkId, c.UserId });
        coordinator.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        coordinator.HasIndex(c => c.UserId);
    }
}

public class MembershipRequestConfiguration : IEntityTypeConfiguration<MembershipRequest>
{
    public void Configure(EntityTypeBuilder<MembershipRequest> request)
    {
        request.Ignore(r => r.Subject);
        request.HasOne(r => r.Network).WithMany().HasForeignKey(r => r.NetworkId).OnDelete(DeleteBehavior.Cascade);
        request.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        request.HasOne<Places.Place>().WithMany().HasForeignKey(r => r.PlaceId).OnDelete(DeleteBehavior.Cascade);
        request.HasOne<Services.Service>().WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Cascade);
        request.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(r => r.ProposedByOrganisationId).OnDelete(DeleteBehavior.Cascade);
        request.Property(r => r.ProposedByName).HasMaxLength(IActor.MaximumNameLength);
        request.Property(r => r.Role).HasMaxLength(NetworkMember.RoleLength);
        request.Property(r => r.Message).HasMaxLength(MembershipRequest.MessageLength);
        request.Property(r => r.Reason).HasMaxLength(MembershipRequest.MessageLength);
        request.Property(r => r.DecidedBy).HasMaxLength(IActor.MaximumNameLength);
        request.Property(r => r.Version).IsRowVersion();
        // One open request per subject and network (NULLS NOT DISTINCT: the two unused ids are null).
        request.HasIndex(r => new { r.NetworkId, r.OrganisationId, r.PlaceId, r.ServiceId }).IsUnique()
            .AreNullsDistinct(false).HasFilter("\"Status\" = 'Pending'");
        request.HasIndex(r => r.ProposedByOrganisationId);
        request.ToTable(t => t.HasCheckConstraint("CK_MembershipRequest_exactly_one_subject",
            "num_nonnulls(\"OrganisationId\", \"PlaceId\", \"ServiceId\") = 1"));
    }
}

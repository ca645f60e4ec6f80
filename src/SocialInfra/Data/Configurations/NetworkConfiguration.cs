using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialInfra.Networks;

namespace SocialInfra.Data.Configurations;

public class ValueNetworkConfiguration : IEntityTypeConfiguration<ValueNetwork>
{
    public void Configure(EntityTypeBuilder<ValueNetwork> network)
    {
        network.Property(n => n.Name).HasMaxLength(200);
        network.PrimitiveCollection(n => n.Values).ElementType().HasConversion<string>();
        network.Property(n => n.Version).IsRowVersion();
        network.HasMany(n => n.Members).WithOne().HasForeignKey(m => m.NetworkId).OnDelete(DeleteBehavior.Cascade);
        network.HasMany(n => n.Relationships).WithOne().HasForeignKey(r => r.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class NetworkMemberConfiguration : IEntityTypeConfiguration<NetworkMember>
{
    public void Configure(EntityTypeBuilder<NetworkMember> member)
    {
        member.Ignore(m => m.Kind);
        member.Property(m => m.Role).HasMaxLength(200);
        member.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne(m => m.Place).WithMany().HasForeignKey(m => m.PlaceId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne(m => m.Service).WithMany().HasForeignKey(m => m.ServiceId).OnDelete(DeleteBehavior.Cascade);
        member.ToTable(t => t.HasCheckConstraint("CK_NetworkMember_exactly_one_member",
            "num_nonnulls(\"OrganisationId\", \"PlaceId\", \"ServiceId\") = 1"));
    }
}

public class NetworkRelationshipConfiguration : IEntityTypeConfiguration<NetworkRelationship>
{
    public void Configure(EntityTypeBuilder<NetworkRelationship> relationship)
    {
        relationship.HasOne<NetworkMember>().WithMany().HasForeignKey(r => r.FromMemberId).OnDelete(DeleteBehavior.Cascade);
        relationship.HasOne<NetworkMember>().WithMany().HasForeignKey(r => r.ToMemberId).OnDelete(DeleteBehavior.Cascade);
        relationship.ToTable(t => t.HasCheckConstraint("CK_NetworkRelationship_two_members",
            "\"FromMemberId\" <> \"ToMemberId\""));
    }
}

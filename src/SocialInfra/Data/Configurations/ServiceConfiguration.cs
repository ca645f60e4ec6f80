using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialInfra.Geography;
using SocialInfra.Places;
using SocialInfra.Services;

namespace SocialInfra.Data.Configurations;

public class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> service)
    {
        service.Property(s => s.Name).HasMaxLength(Service.NameLength);
        service.Property(s => s.Url).HasMaxLength(Service.UrlLength);
        service.Property(s => s.Version).IsRowVersion();
        service.ComplexProperty(s => s.Provenance, ProvenanceConfiguration.Configure);
        service.HasOne(s => s.Organisation).WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        service.HasOne(s => s.CommissionedBy).WithMany().HasForeignKey(s => s.CommissionedById).OnDelete(DeleteBehavior.SetNull);
        service.HasMany(s => s.DeliveredAt).WithMany().UsingEntity(
            "ServicePlace",
            r => r.HasOne(typeof(Place)).WithMany().HasForeignKey("PlaceId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Service)).WithMany().HasForeignKey("ServiceId").OnDelete(DeleteBehavior.Cascade));
        service.HasMany(s => s.WardsServed).WithMany().UsingEntity(
            "ServiceWard",
            r => r.HasOne(typeof(Ward)).WithMany().HasForeignKey("WardId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Service)).WithMany().HasForeignKey("ServiceId").OnDelete(DeleteBehavior.Cascade));
    }
}

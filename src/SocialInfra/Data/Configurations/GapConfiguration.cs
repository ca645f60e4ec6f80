using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialInfra.Gaps;
using SocialInfra.Geography;

namespace SocialInfra.Data.Configurations;

public class CatchmentSettingConfiguration : IEntityTypeConfiguration<CatchmentSetting>
{
    public void Configure(EntityTypeBuilder<CatchmentSetting> setting)
    {
        setting.HasKey(s => new { s.LocalAuthorityCode, s.CategorySlug });
        setting.Property(s => s.LocalAuthorityCode).HasMaxLength(9);
        setting.Property(s => s.CategorySlug).HasMaxLength(60);
        setting.HasOne<LocalAuthority>().WithMany().HasForeignKey(s => s.LocalAuthorityCode).OnDelete(DeleteBehavior.Cascade);
        setting.HasOne(s => s.Category).WithMany().HasForeignKey(s => s.CategorySlug).OnDelete(DeleteBehavior.Cascade);
        setting.Property(s => s.Version).IsRowVersion();
        setting.ToTable(t =>
        {
            t.HasCheckConstraint("CK_CatchmentSetting_metres",
                $"\"CatchmentMetres\" BETWEEN {CatchmentSetting.MinimumMetres} AND {CatchmentSetting.MaximumMetres}");
            t.HasCheckConstraint("CK_CatchmentSetting_weight", $"\"Weight\" >= 0 AND \"Weight\" <= {CatchmentSetting.MaximumWeight}");
        });
    }
}

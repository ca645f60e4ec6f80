using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SocialInfra.Auditing;

namespace SocialInfra.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public class DesignTimeFactory : IDesignTimeDbContextFactory<SocialInfraDbContext>
{
    public SocialInfraDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SocialInfraDbContext>();
        SocialInfraDatabase.Configure(options, "Host=localhost;Database=socialinfra_design");
        return new SocialInfraDbContext(options.Options, new SystemActor("design"));
    }
}

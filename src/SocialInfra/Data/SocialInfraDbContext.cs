using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Accounts;
using SocialInfra.Auditing;
using SocialInfra.Gaps;
using SocialInfra.Geography;
using SocialInfra.Imports;
using SocialInfra.Networks;
using SocialInfra.Organisations;
using SocialInfra.Places;
using SocialInfra.Services;
using SocialInfra.Workshops;

namespace SocialInfra.Data;

/// <summary>The unit of work over the PostGIS database, accounts included; every save also writes the audit history.</summary>
public class SocialInfraDbContext(DbContextOptions<SocialInfraDbContext> options, IActor actor)
    : IdentityDbContext<User, Role, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core's data-protection keys (cookies, antiforgery), shared by every instance of the app.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Place> Places => Set<Place>();
    public DbSet<ActivityPeriod> ActivityPeriods => Set<ActivityPeriod>();
    public DbSet<PlaceSubmission> PlaceSubmissions => Set<PlaceSubmission>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<ValueNetwork> ValueNetworks => Set<ValueNetwork>();
    public DbSet<NetworkMember> NetworkMembers => Set<NetworkMember>();
    public DbSet<NetworkRelationship> NetworkRelationships => Set<NetworkRelationship>();
    public DbSet<NetworkCoordinator> NetworkCoordinators => Set<NetworkCoordinator>();
    public DbSet<MembershipRequest> MembershipRequests => Set<MembershipRequest>();
    public DbSet<LocalAuthority> LocalAuthorities => Set<LocalAuthority>();
    public DbSet<Ward> Wards => Set<Ward>();
    public DbSet<Lsoa> Lsoas => Set<Lsoa>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PostcodeLocation> Postcodes => Set<PostcodeLocation>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<CatchmentSetting> CatchmentSettings => Set<CatchmentSetting>();
    public DbSet<WorkshopSession> WorkshopSessions => Set<WorkshopSession>();
    public DbSet<WorkshopParticipant> WorkshopParticipants => Set<WorkshopParticipant>();
    public DbSet<Contribution> Contributions => Set<Contribution>();
    public DbSet<Vote> Votes => Set<Vote>();

    /// <summary>Who is making the changes, as the audit history names them.</summary>
    public string ActorName => actor.Name;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.HasPostgresExtension("btree_gist");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SocialInfraDbContext).Assembly);

        // Guid keys are set when an object is created (UUID v7), so EF must treat a new child with its key set as new.
        foreach (var key in modelBuilder.Model.GetEntityTypes().Select(t => t.FindPrimaryKey()).OfType<Microsoft.EntityFrameworkCore.Metadata.IMutableKey>())
        {
            if (key.Properties is [{ ClrType: var type } property] && type == typeof(Guid))
            {
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as readable strings, never as numbers.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var audit = AuditRecorder.Record(ChangeTracker, actor.Name, DateTimeOffset.UtcNow);
        AuditEntries.AddRange(audit);
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch
        {
            Forget(audit);
            throw;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var audit = AuditRecorder.Record(ChangeTracker, actor.Name, DateTimeOffset.UtcNow);
        AuditEntries.AddRange(audit);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch
        {
            Forget(audit);
            throw;
        }
    }

    // A failed save is recorded afresh when it is retried, so its audit rows must not stay pending.
    private void Forget(List<AuditEntry> audit)
    {
        foreach (var entry in audit)
        {
            Entry(entry).State = EntityState.Detached;
        }
    }
}

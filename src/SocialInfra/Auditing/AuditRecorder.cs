using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SocialInfra.Accounts;
using NetTopologySuite.Geometries;
using SocialInfra.Geography;
using SocialInfra.Places;

namespace SocialInfra.Auditing;

/// <summary>Turns pending changes into audit entries. Keys are generated client-side, so entries join the same save.</summary>
public static class AuditRecorder
{
    // Reference data and boundaries are loaded in bulk from official files; their history lives in the files.
    // Sign-in tokens are secrets and the roles are fixed; role assignments and users are audited.
    private static readonly HashSet<Type> NotAudited =
        [typeof(AuditEntry), typeof(Category), typeof(LocalAuthority), typeof(Ward), typeof(Lsoa), typeof(PostcodeLocation), typeof(Imports.ImportRun),
         typeof(IdentityUserToken<Guid>), typeof(Role), typeof(IdentityRoleClaim<Guid>),
         typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey)];

    // Password hashes and stamps never leave the users table; sign-in attempts are not changes to an account.
    private static readonly HashSet<string> NotAuditedProperties =
        [nameof(User.PasswordHash), nameof(User.SecurityStamp), nameof(User.NormalizedEmail), nameof(User.NormalizedUserName),
         nameof(User.AccessFailedCount), nameof(User.LockoutEnd), nameof(Workshops.WorkshopParticipant.TokenHash)];

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static List<AuditEntry> Record(ChangeTracker changes, string actor, DateTimeOffset at)
    {
        changes.DetectChanges();
        var entries = new List<AuditEntry>();
        foreach (var entry in changes.Entries())
        {
            if (NotAudited.Contains(entry.Metadata.ClrType)
                || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var changed = entry.State == EntityState.Modified
                ? Scalars(entry).Where(p => p.Entry.IsModified && !SameValue(p.Entry)).ToList()
                : Scalars(entry).ToList();
            // An object attached with Update() has no original values: record what it sets, with "before" unknown.
            var beforeUnknown = entry.State == EntityState.Modified && changed.Count == 0;
            if (beforeUnknown)
            {
                changed = Scalars(entry).Where(p => p.Entry.IsModified).ToList();
            }
            if (changed.Count == 0)
            {
                continue;
            }

            entries.Add(new AuditEntry
            {
                EntityType = entry.Metadata.HasSharedClrType ? entry.Metadata.Name : entry.Metadata.ClrType.Name,
                EntityId = string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(k => entry.Property(k.Name).CurrentValue)),
                Action = entry.State switch
                {
                    EntityState.Added => AuditAction.Created,
                    EntityState.Deleted => AuditAction.Deleted,
                    _ => AuditAction.Updated,
                },
                ChangedBy = actor,
                ChangedAt = at,
                Before = entry.State == EntityState.Added || beforeUnknown ? null : Serialise(changed, p => p.OriginalValue),
                After = entry.State == EntityState.Deleted ? null : Serialise(changed, p => p.CurrentValue),
            });
        }
        return entries;
    }

    // Scalar properties of the entity and of its complex properties (e.g. Provenance.Source),
    // leaving out what the database computes itself (xmin, generated geography columns).
    private static IEnumerable<(string Name, PropertyEntry Entry)> Scalars(EntityEntry entry) =>
        entry.Properties
            .Where(p => !p.Metadata.IsConcurrencyToken && p.Metadata.GetComputedColumnSql() is null
                && !(entry.Entity is User && NotAuditedProperties.Contains(p.Metadata.Name)))
            .Select(p => (p.Metadata.Name, p))
            .Concat(entry.ComplexProperties.SelectMany(c =>
                c.Properties.Select(p => ($"{c.Metadata.Name}.{p.Metadata.Name}", (PropertyEntry)p))));

    // The property's own comparer: lists compare by their items, not by reference.
    private static bool SameValue(PropertyEntry property) =>
        property.Metadata.GetValueComparer().Equals(property.OriginalValue, property.CurrentValue);

    private static string Serialise(List<(string Name, PropertyEntry Entry)> properties, Func<PropertyEntry, object?> value)
    {
        var document = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, entry) in properties)
        {
            document[name] = value(entry) switch
            {
                Geometry geometry => geometry.AsText(),
                var other => other,
            };
        }
        return JsonSerializer.Serialize(document, Json);
    }
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialInfra.Accounts;
using SocialInfra.Data;
using SocialInfra.Places;

namespace SocialInfra.Networks;

/// <summary>A network's name, purpose and values as a form sends them.</summary>
public sealed record NetworkDraft(string? Name, string? Purpose, IReadOnlyList<NetworkValue> Values);

/// <summary>How a change to a network ended.</summary>
public enum NetworkOutcome
{
    Done,

    /// <summary>Something sent was wrong: the errors name the field.</summary>
    Invalid,

    /// <summary>No such network, member, relationship or request.</summary>
    NotFound,

    /// <summary>Someone else changed it first.</summary>
    Conflict,
}

/// <summary>The answer to a change: the outcome, what was made or changed, and what was wrong.</summary>
public sealed record NetworkResult<T>(NetworkOutcome Outcome, T? Value, IReadOnlyList<FieldError> Errors)
{
    public static NetworkResult<T> Done(T value) => new(NetworkOutcome.Done, value, []);
    public static NetworkResult<T> Invalid(string field, string message) => new(NetworkOutcome.Invalid, default, [new FieldError(field, message)]);
    public static NetworkResult<T> Invalid(IReadOnlyList<FieldError> errors) => new(NetworkOutcome.Invalid, default, errors);
    public static NetworkResult<T> NotFound() => new(NetworkOutcome.NotFound, default, []);
    public static NetworkResult<T> Conflict() => new(NetworkOutcome.Conflict, default, []);
}

/// <summary>Who may change a network: its coordinators, and council officers and administrators for any network.</summary>
public static class NetworkPermissions
{
    /// <summary>Officers, administrators and VCFSE staff may start a network, and coordinate it.</summary>
    public static bool MayStartNetwork(this ClaimsPrincipal user) => user.MayEdit();

    /// <summary>Officers and administrators for any network; its coordinators while they still hold a role that signs in to edit.</summary>
    public static async Task<bool> MayCoordinateAsync(this ClaimsPrincipal user, SocialInfraDbContext db, Guid networkId, CancellationToken cancellationToken = default) =>
        user.IsOfficer()
        || ((user.IsInRole(Roles.VcfseStaff) || user.IsInRole(Roles.Facilitator))
            && user.UserId() is { } id && await db.NetworkCoordinators.AnyAsync(c => c.NetworkId == networkId && c.UserId == id, cancellationToken));

    /// <summary>VCFSE staff who belong to an organisation may ask for it, or its places and services, to join a network.</summary>
    public static bool MayProposeJoining(this ClaimsPrincipal user) => user.IsInRole(Roles.VcfseStaff) && user.OrganisationId() is not null;
}

/// <summary>
/// Keeping a network's record: its details, members, relationships and coordinators, and requests to join.
/// Every change is checked here, so pages and tests see the same rules; the callers check who may make it.
/// </summary>
public static class NetworkRecordKeeping
{
    public static async Task<NetworkResult<ValueNetwork>> CreateAsync(SocialInfraDbContext db, NetworkDraft draft, Guid coordinatorId, CancellationToken cancellationToken = default)
    {
        var errors = Check(draft);
        if (errors.Count > 0)
        {
            return NetworkResult<ValueNetwork>.Invalid(errors);
        }
        var network = new ValueNetwork { Name = draft.Name!.Trim() };
        Apply(network, draft);
        network.Coordinators.Add(new NetworkCoordinator { NetworkId = network.Id, UserId = coordinatorId });
        db.ValueNetworks.Add(network);
        await db.SaveChangesAsync(cancellationToken);
        return NetworkResult<ValueNetwork>.Done(network);
    }

    public static async Task<NetworkResult<ValueNetwork>> UpdateAsync(SocialInfraDbContext db, Guid networkId, NetworkDraft draft, uint version, CancellationToken cancellationToken = default)
    {
        var network = await db.ValueNetworks.SingleOrDefaultAsync(n => n.Id == networkId, cancellationToken);
        if (network is null)
        {
            return NetworkResult<ValueNetwork>.NotFound();
        }
        var errors = Check(draft);
        if (errors.Count > 0)
        {
            return NetworkResult<ValueNetwork>.Invalid(errors);
        }
        if (network.Version != version)
        {
            return NetworkResult<ValueNetwork>.Conflict();
        }
        db.Entry(network).Property(n => n.Version).OriginalValue = version;
        Apply(network, draft);
        return await SaveOrConflictAsync(db, network, cancellationToken);
    }

    /// <summary>Deletes a network with its members, relationships and requests; each is recorded in the audit history.</summary>
    public static async Task<NetworkResult<ValueNetwork>> DeleteAsync(SocialInfraDbContext db, Guid networkId, uint version, CancellationToken cancellationToken = default)
    {
        var network = await db.ValueNetworks.AsSplitQuery().Include(n => n.Members).Include(n => n.Relationships).Include(n => n.Coordinators)
            .SingleOrDefaultAsync(n => n.Id == networkId, cancellationToken);
        if (network is null)
        {
            return NetworkResult<ValueNetwork>.NotFound();
        }
        if (network.Version != version)
        {
            return NetworkResult<ValueNetwork>.Conflict();
        }
        db.Entry(network).Property(n => n.Version).OriginalValue = version;
        db.MembershipRequests.RemoveRange(await db.MembershipRequests.Where(r => r.NetworkId == networkId).ToListAsync(cancellationToken));
        db.NetworkRelationships.RemoveRange(network.Relationships);
        db.NetworkMembers.RemoveRange(network.Members);
        db.NetworkCoordinators.RemoveRange(network.Coordinators);
        db.ValueNetworks.Remove(network);
        return await SaveOrConflictAsync(db, network, cancellationToken);
    }

    public static async Task<NetworkResult<NetworkMember>> AddMemberAsync(
        SocialInfraDbContext db, Guid networkId, MemberRef? subject, string? role, CancellationToken cancellationToken = default)
    {
        if (!await db.ValueNetworks.AnyAsync(n => n.Id == networkId, cancellationToken))
        {
            return NetworkResult<NetworkMember>.NotFound();
        }
        var roleError = CheckRole(role, "Role");
        if (subject is not { } chosen)
        {
            return NetworkResult<NetworkMember>.Invalid([new("Member", "Choose an organisation, place or service to add"), .. roleError]);
        }
        if (await NameOfAsync(db, chosen, cancellationToken) is not { } name)
        {
            return NetworkResult<NetworkMember>.Invalid([new("Member", "That organisation, place or service is not recorded"), .. roleError]);
        }
        if (await IsMemberAsync(db, networkId, chosen, cancellationToken))
        {
            return NetworkResult<NetworkMember>.Invalid([new("Member", $"{name} is already a member of this network"), .. roleError]);
        }
        if (chosen.Kind == MemberKind.Place && await db.Places.AnyAsync(p => p.Id == chosen.Id && p.Activity == Activity.Closed, cancellationToken))
        {
            return NetworkResult<NetworkMember>.Invalid([new("Member", $"{name} has closed: only open or dormant places can join"), .. roleError]);
        }
        if (roleError.Count > 0)
        {
            return NetworkResult<NetworkMember>.Invalid(roleError);
        }
        var member = NetworkMember.For(chosen, Tidy(role));
        member.NetworkId = networkId;
        db.NetworkMembers.Add(member);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return NetworkResult<NetworkMember>.Invalid("Member", $"{name} is already a member of this network");
        }
        return NetworkResult<NetworkMember>.Done(member);
    }

    public static async Task<NetworkResult<NetworkMember>> ChangeRoleAsync(
        SocialInfraDbContext db, Guid networkId, Guid memberId, string? role, uint version, CancellationToken cancellationToken = default)
    {
        var member = await db.NetworkMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.NetworkId == networkId, cancellationToken);
        if (member is null)
        {
            return NetworkResult<NetworkMember>.NotFound();
        }
        if (CheckRole(role, "Role") is { Count: > 0 } errors)
        {
            return NetworkResult<NetworkMember>.Invalid(errors);
        }
        if (member.Version != version)
        {
            return NetworkResult<NetworkMember>.Conflict();
        }
        db.Entry(member).Property(m => m.Version).OriginalValue = version;
        member.Role = Tidy(role);
        return await SaveOrConflictAsync(db, member, cancellationToken);
    }

    /// <summary>Removes a member and its relationships (each recorded in the audit history).</summary>
    public static async Task<NetworkResult<NetworkMember>> RemoveMemberAsync(SocialInfraDbContext db, Guid networkId, Guid memberId, CancellationToken cancellationToken = default)
    {
        var member = await db.NetworkMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.NetworkId == networkId, cancellationToken);
        if (member is null)
        {
            return NetworkResult<NetworkMember>.NotFound();
        }
        db.NetworkRelationships.RemoveRange(await db.NetworkRelationships
            .Where(r => r.NetworkId == networkId && (r.FromMemberId == memberId || r.ToMemberId == memberId)).ToListAsync(cancellationToken));
        db.NetworkMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        return NetworkResult<NetworkMember>.Done(member);
    }

    public static async Task<NetworkResult<NetworkRelationship>> AddRelationshipAsync(
        SocialInfraDbContext db, Guid networkId, Guid? fromMemberId, Guid? toMemberId, RelationshipKind? kind, string? description,
        CancellationToken cancellationToken = default)
    {
        if (!await db.ValueNetworks.AnyAsync(n => n.Id == networkId, cancellationToken))
        {
            return NetworkResult<NetworkRelationship>.NotFound();
        }
        var errors = new List<FieldError>();
        var members = await db.NetworkMembers.Where(m => m.NetworkId == networkId && (m.Id == fromMemberId || m.Id == toMemberId))
            .Select(m => m.Id).ToListAsync(cancellationToken);
        if (fromMemberId is not { } from || !members.Contains(from))
        {
            errors.Add(new("From", "Choose the member the relationship runs from"));
        }
        if (toMemberId is not { } to || !members.Contains(to))
        {
            errors.Add(new("To", "Choose the member the relationship runs to"));
        }
        else if (to == fromMemberId)
        {
            errors.Add(new("To", "Choose a different member: a relationship joins two members"));
        }
        if (kind is null)
        {
            errors.Add(new("Kind", "Choose what kind of relationship it is"));
        }
        if (description?.Trim().Length > NetworkRelationship.DescriptionLength)
        {
            errors.Add(new("Description", $"Description must be {NetworkRelationship.DescriptionLength} characters or fewer"));
        }
        if (errors.Count == 0 && await db.NetworkRelationships.AnyAsync(r => r.NetworkId == networkId && r.Kind == kind
                && ((r.FromMemberId == fromMemberId && r.ToMemberId == toMemberId) || (r.FromMemberId == toMemberId && r.ToMemberId == fromMemberId)), cancellationToken))
        {
            errors.Add(new("Kind", $"These two members already have a {EnumText.Lower(kind!.Value)} relationship"));
        }
        if (errors.Count > 0)
        {
            return NetworkResult<NetworkRelationship>.Invalid(errors);
        }
        var relationship = new NetworkRelationship
        {
            NetworkId = networkId, FromMemberId = fromMemberId!.Value, ToMemberId = toMemberId!.Value, Kind = kind!.Value, Description = Tidy(description),
        };
        db.NetworkRelationships.Add(relationship);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation })
        {
            return NetworkResult<NetworkRelationship>.Invalid("Kind", "Someone else has just changed these members: look again and try once more");
        }
        return NetworkResult<NetworkRelationship>.Done(relationship);
    }

    public static async Task<NetworkResult<NetworkRelationship>> RemoveRelationshipAsync(SocialInfraDbContext db, Guid networkId, Guid relationshipId, CancellationToken cancellationToken = default)
    {
        var relationship = await db.NetworkRelationships.SingleOrDefaultAsync(r => r.Id == relationshipId && r.NetworkId == networkId, cancellationToken);
        if (relationship is null)
        {
            return NetworkResult<NetworkRelationship>.NotFound();
        }
        db.NetworkRelationships.Remove(relationship);
        await db.SaveChangesAsync(cancellationToken);
        return NetworkResult<NetworkRelationship>.Done(relationship);
    }

    /// <summary>Makes the person with this email address a coordinator of the network.</summary>
    public static async Task<NetworkResult<User>> AddCoordinatorAsync(SocialInfraDbContext db, Guid networkId, string? email, CancellationToken cancellationToken = default)
    {
        if (!await db.ValueNetworks.AnyAsync(n => n.Id == networkId, cancellationToken))
        {
            return NetworkResult<User>.NotFound();
        }
        var normalised = email?.Trim().ToUpperInvariant() ?? "";
        if (normalised.Length == 0)
        {
            return NetworkResult<User>.Invalid("Email", "Enter the email address the person signs in with");
        }
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalised, cancellationToken);
        if (user is null)
        {
            return NetworkResult<User>.Invalid("Email", "No one signs in with that email address. An administrator can add them first");
        }
        if (await db.NetworkCoordinators.AnyAsync(c => c.NetworkId == networkId && c.UserId == user.Id, cancellationToken))
        {
            return NetworkResult<User>.Invalid("Email", $"{user.DisplayName} already coordinates this network");
        }
        db.NetworkCoordinators.Add(new NetworkCoordinator { NetworkId = networkId, UserId = user.Id });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return NetworkResult<User>.Invalid("Email", $"{user.DisplayName} already coordinates this network");
        }
        return NetworkResult<User>.Done(user);
    }

    /// <summary>Stops someone coordinating the network; the last coordinator stays, so the network always has someone to answer for it.</summary>
    public static async Task<NetworkResult<NetworkCoordinator>> RemoveCoordinatorAsync(SocialInfraDbContext db, Guid networkId, Guid userId, CancellationToken cancellationToken = default)
    {
        // Two coordinators removing each other at once must not leave the network with none: the network's row is
        // locked (NO KEY UPDATE, which adding coordinators' key-share locks do not wait for), so the second sees the first.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"""SELECT 1 FROM "ValueNetworks" WHERE "Id" = {networkId} FOR NO KEY UPDATE""", cancellationToken);
        var coordinators = await db.NetworkCoordinators.Where(c => c.NetworkId == networkId).ToListAsync(cancellationToken);
        if (coordinators.FirstOrDefault(c => c.UserId == userId) is not { } coordinator)
        {
            return NetworkResult<NetworkCoordinator>.NotFound();
        }
        if (coordinators.Count == 1)
        {
            return NetworkResult<NetworkCoordinator>.Invalid("Coordinator", "A network needs at least one coordinator: add another before removing this one");
        }
        db.NetworkCoordinators.Remove(coordinator);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return NetworkResult<NetworkCoordinator>.Done(coordinator);
    }

    /// <summary>
    /// VCFSE staff ask for their organisation, or a place or service it holds, to join the network. The coordinators
    /// answer; nothing joins until they accept.
    /// </summary>
    public static async Task<NetworkResult<MembershipRequest>> ProposeAsync(
        SocialInfraDbContext db, Guid networkId, MemberRef? subject, string? role, string? message,
        Guid userId, string userName, Guid organisationId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (!await db.ValueNetworks.AnyAsync(n => n.Id == networkId, cancellationToken))
        {
            return NetworkResult<MembershipRequest>.NotFound();
        }
        var errors = CheckRole(role, "Role");
        if (message?.Trim().Length > MembershipRequest.MessageLength)
        {
            errors.Add(new("Message", $"Message must be {MembershipRequest.MessageLength} characters or fewer"));
        }
        if (subject is not { } chosen)
        {
            errors.Insert(0, new("Member", "Choose your organisation, or one of its places or services"));
        }
        else if (!await HeldByAsync(db, chosen, organisationId, cancellationToken))
        {
            errors.Insert(0, new("Member", "You can only propose your own organisation, or a place or service it holds"));
        }
        else if (await IsMemberAsync(db, networkId, chosen, cancellationToken))
        {
            errors.Insert(0, new("Member", $"{await NameOfAsync(db, chosen, cancellationToken)} is already a member of this network"));
        }
        else if (await db.MembershipRequests.AnyAsync(r => r.NetworkId == networkId && r.Status == RequestStatus.Pending
                     && r.OrganisationId == (chosen.Kind == MemberKind.Organisation ? chosen.Id : null)
                     && r.PlaceId == (chosen.Kind == MemberKind.Place ? chosen.Id : null)
                     && r.ServiceId == (chosen.Kind == MemberKind.Service ? chosen.Id : null), cancellationToken))
        {
            errors.Insert(0, new("Member", $"{await NameOfAsync(db, chosen, cancellationToken)} has already asked to join: the coordinators have not answered yet"));
        }
        if (errors.Count > 0)
        {
            return NetworkResult<MembershipRequest>.Invalid(errors);
        }
        var request = new MembershipRequest
        {
            NetworkId = networkId,
            OrganisationId = subject!.Value.Kind == MemberKind.Organisation ? subject.Value.Id : null,
            PlaceId = subject.Value.Kind == MemberKind.Place ? subject.Value.Id : null,
            ServiceId = subject.Value.Kind == MemberKind.Service ? subject.Value.Id : null,
            ProposedByOrganisationId = organisationId,
            ProposedByUserId = userId,
            ProposedByName = userName,
            ProposedAt = at,
            Role = Tidy(role),
            Message = Tidy(message),
        };
        db.MembershipRequests.Add(request);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return NetworkResult<MembershipRequest>.Invalid("Member", "This has already been asked: the coordinators have not answered yet");
        }
        return NetworkResult<MembershipRequest>.Done(request);
    }

    /// <summary>Accepts a request: the proposed organisation, place or service joins with the role asked for.</summary>
    public static Task<NetworkResult<MembershipRequest>> AcceptAsync(
        SocialInfraDbContext db, Guid networkId, Guid requestId, uint version, string decidedBy, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        DecideAsync(db, networkId, requestId, version, RequestStatus.Accepted, null, decidedBy, at, cancellationToken);

    public static Task<NetworkResult<MembershipRequest>> DeclineAsync(
        SocialInfraDbContext db, Guid networkId, Guid requestId, uint version, string? reason, string decidedBy, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        DecideAsync(db, networkId, requestId, version, RequestStatus.Declined, reason, decidedBy, at, cancellationToken);

    /// <summary>The proposer's organisation takes back a request not yet answered.</summary>
    public static async Task<NetworkResult<MembershipRequest>> WithdrawAsync(
        SocialInfraDbContext db, Guid requestId, Guid organisationId, string decidedBy, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var request = await db.MembershipRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.ProposedByOrganisationId == organisationId, cancellationToken);
        if (request is null)
        {
            return NetworkResult<MembershipRequest>.NotFound();
        }
        if (request.Status != RequestStatus.Pending)
        {
            return NetworkResult<MembershipRequest>.Conflict();
        }
        request.Status = RequestStatus.Withdrawn;
        request.DecidedBy = decidedBy;
        request.DecidedAt = at;
        return await SaveOrConflictAsync(db, request, cancellationToken);
    }

    private static async Task<NetworkResult<MembershipRequest>> DecideAsync(
        SocialInfraDbContext db, Guid networkId, Guid requestId, uint version, RequestStatus decision, string? reason, string decidedBy, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var request = await db.MembershipRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.NetworkId == networkId, cancellationToken);
        if (request is null)
        {
            return NetworkResult<MembershipRequest>.NotFound();
        }
        if (request.Status != RequestStatus.Pending || request.Version != version)
        {
            return NetworkResult<MembershipRequest>.Conflict();
        }
        if (reason?.Trim().Length > MembershipRequest.MessageLength)
        {
            return NetworkResult<MembershipRequest>.Invalid("Reason", $"Reason must be {MembershipRequest.MessageLength} characters or fewer");
        }
        if (decision == RequestStatus.Accepted && !await HeldByAsync(db, request.Subject, request.ProposedByOrganisationId, cancellationToken))
        {
            return NetworkResult<MembershipRequest>.Invalid("requests", "The organisation that asked no longer holds this place or service: decline the request instead");
        }
        db.Entry(request).Property(r => r.Version).OriginalValue = version;
        request.Status = decision;
        request.Reason = Tidy(reason);
        request.DecidedBy = decidedBy;
        request.DecidedAt = at;
        // Accepting something that has joined meanwhile (added by a coordinator) leaves the membership as it is.
        if (decision == RequestStatus.Accepted && !await IsMemberAsync(db, networkId, request.Subject, cancellationToken))
        {
            var member = NetworkMember.For(request.Subject, request.Role);
            member.NetworkId = networkId;
            db.NetworkMembers.Add(member);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return NetworkResult<MembershipRequest>.Conflict();
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return NetworkResult<MembershipRequest>.Conflict();
        }
        return NetworkResult<MembershipRequest>.Done(request);
    }

    // Saves a change checked against the version its editor started from: someone else's change in between is a conflict.
    private static async Task<NetworkResult<T>> SaveOrConflictAsync<T>(SocialInfraDbContext db, T saved, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return NetworkResult<T>.Conflict();
        }
        return NetworkResult<T>.Done(saved);
    }

    /// <summary>The organisations, places and services a VCFSE organisation may propose: itself and what it holds.</summary>
    public static async Task<List<(MemberRef Subject, string Name)>> HeldByAsync(SocialInfraDbContext db, Guid organisationId, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).ToListAsync(cancellationToken);
        var places = await db.Places.Where(p => p.OwnerOrganisationId == organisationId).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var services = await db.Services.Where(s => s.OrganisationId == organisationId).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        return
        [
            .. organisation.Select(name => (new MemberRef(MemberKind.Organisation, organisationId), name)),
            .. places.Select(p => (new MemberRef(MemberKind.Place, p.Id), p.Name)),
            .. services.Select(s => (new MemberRef(MemberKind.Service, s.Id), s.Name)),
        ];
    }

    public static async Task<string?> NameOfAsync(SocialInfraDbContext db, MemberRef subject, CancellationToken cancellationToken = default) => subject.Kind switch
    {
        MemberKind.Organisation => await db.Organisations.Where(o => o.Id == subject.Id).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken),
        MemberKind.Place => await db.Places.Where(p => p.Id == subject.Id).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken),
        _ => await db.Services.Where(s => s.Id == subject.Id).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken),
    };

    private static Task<bool> HeldByAsync(SocialInfraDbContext db, MemberRef subject, Guid organisationId, CancellationToken cancellationToken) => subject.Kind switch
    {
        MemberKind.Organisation => Task.FromResult(subject.Id == organisationId),
        MemberKind.Place => db.Places.AnyAsync(p => p.Id == subject.Id && p.OwnerOrganisationId == organisationId, cancellationToken),
        _ => db.Services.AnyAsync(s => s.Id == subject.Id && s.OrganisationId == organisationId, cancellationToken),
    };

    private static Task<bool> IsMemberAsync(SocialInfraDbContext db, Guid networkId, MemberRef subject, CancellationToken cancellationToken) => subject.Kind switch
    {
        MemberKind.Organisation => db.NetworkMembers.AnyAsync(m => m.NetworkId == networkId && m.OrganisationId == subject.Id, cancellationToken),
        MemberKind.Place => db.NetworkMembers.AnyAsync(m => m.NetworkId == networkId && m.PlaceId == subject.Id, cancellationToken),
        _ => db.NetworkMembers.AnyAsync(m => m.NetworkId == networkId && m.ServiceId == subject.Id, cancellationToken),
    };

    private static List<FieldError> Check(NetworkDraft draft)
    {
        var errors = new List<FieldError>();
        var name = draft.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new(nameof(NetworkDraft.Name), "Enter the network's name"));
        }
        else if (name.Length > ValueNetwork.NameLength)
        {
            errors.Add(new(nameof(NetworkDraft.Name), $"Name must be {ValueNetwork.NameLength} characters or fewer"));
        }
        if (draft.Purpose?.Trim().Length > ValueNetwork.PurposeLength)
        {
            errors.Add(new(nameof(NetworkDraft.Purpose), $"Purpose must be {ValueNetwork.PurposeLength} characters or fewer"));
        }
        if (draft.Values.Count == 0)
        {
            errors.Add(new(nameof(NetworkDraft.Values), "Choose at least one value the network shares"));
        }
        return errors;
    }

    private static List<FieldError> CheckRole(string? role, string field) =>
        role?.Trim().Length > NetworkMember.RoleLength ? [new(field, $"Role must be {NetworkMember.RoleLength} characters or fewer")] : [];

    private static void Apply(ValueNetwork network, NetworkDraft draft)
    {
        network.Name = draft.Name!.Trim();
        network.Purpose = Tidy(draft.Purpose);
        network.Values = draft.Values.Distinct().Order().ToList();
    }

    private static string? Tidy(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialInfra.Data;
using SocialInfra.Geography;
using SocialInfra.Places;

namespace SocialInfra.Workshops;

/// <summary>What a facilitator asks for when setting up a workshop.</summary>
public sealed record WorkshopDraft(string? Title, IReadOnlyList<string> WardCodes, int? DotBudget);

/// <summary>What a participant sends: one contribution, with an id their browser chose so that sending it twice keeps it once.</summary>
public sealed record ContributionDraft
{
    public Guid ClientId { get; init; }
    public ContributionKind? Kind { get; init; }
    public string? Text { get; init; }
    public string? CategorySlug { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Postcode { get; init; }
    public Guid? PlaceId { get; init; }
    public string? WardCode { get; init; }
}

/// <summary>How a request to the room ended.</summary>
public enum RoomOutcome
{
    Done,

    /// <summary>Something sent was wrong: the errors name the field.</summary>
    Invalid,

    /// <summary>The facilitator has locked the map.</summary>
    Locked,

    /// <summary>The workshop is over.</summary>
    Ended,

    /// <summary>No such contribution in this workshop (or it has been hidden or merged).</summary>
    NotFound,

    /// <summary>Someone else changed it first.</summary>
    Conflict,
}

/// <summary>The answer to a room request: the outcome, what was made or changed, and what was wrong with it.</summary>
public sealed record RoomResult<T>(RoomOutcome Outcome, T? Value, IReadOnlyList<FieldError> Errors)
{
    public static RoomResult<T> Done(T value) => new(RoomOutcome.Done, value, []);
    public static RoomResult<T> Invalid(string field, string message) => new(RoomOutcome.Invalid, default, [new FieldError(field, message)]);
    public static RoomResult<T> Refused(RoomOutcome outcome) => new(outcome, default, [new FieldError("", Explain(outcome))]);

    public static string Explain(RoomOutcome outcome) => outcome switch
    {
        RoomOutcome.Locked => "The facilitator has locked the map: nothing more can be added, but you can still move your dots",
        RoomOutcome.Ended => "This workshop has ended: nothing more can be added or voted on",
        RoomOutcome.NotFound => "That contribution is not on the map any more",
        RoomOutcome.Conflict => "Someone else changed this contribution while you were looking at it",
        _ => "",
    };
}

/// <summary>A participant's dots after a vote: on the contribution, and left to spend.</summary>
public sealed record VoteResult(ContributionView Contribution, int MyDots, int DotsLeft);

/// <summary>
/// Everything that happens in a workshop room: setting it up, joining, contributing, voting, and the facilitator's
/// hide, merge, edit, lock and end. Every change is saved in one transaction with its broadcast (<see cref="WorkshopEvents"/>),
/// so the room hears of exactly what was committed, in the order it was committed.
/// </summary>
public static class WorkshopRoom
{
    public const int CodeLength = 6;

    // No 0/O, 1/I/L: codes are read off a projector and typed on phones.
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>Sets up a workshop over some of the borough's current wards.</summary>
    public static async Task<RoomResult<WorkshopSession>> CreateAsync(
        SocialInfraDbContext db, string localAuthorityCode, WorkshopDraft draft, Guid facilitatorId, string facilitatorName, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var title = draft.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors.Add(new FieldError(nameof(WorkshopDraft.Title), "Enter a title for the workshop"));
        }
        else if (title.Length > 200)
        {
            errors.Add(new FieldError(nameof(WorkshopDraft.Title), "Title must be 200 characters or fewer"));
        }
        var codes = draft.WardCodes.Distinct().ToList();
        var wards = await db.CurrentWards(localAuthorityCode).Where(w => codes.Contains(w.Code)).ToListAsync(cancellationToken);
        if (codes.Count == 0)
        {
            errors.Add(new FieldError(nameof(WorkshopDraft.WardCodes), "Choose at least one ward"));
        }
        else if (wards.Count != codes.Count)
        {
            var unknown = codes.Except(wards.Select(w => w.Code));
            errors.Add(new FieldError(nameof(WorkshopDraft.WardCodes), $"These are not wards of the borough: {string.Join(", ", unknown)}"));
        }
        if (draft.DotBudget is not (>= WorkshopSession.MinimumDots and <= WorkshopSession.MaximumDots))
        {
            errors.Add(new FieldError(nameof(WorkshopDraft.DotBudget),
                $"Dots for each participant must be a whole number from {WorkshopSession.MinimumDots} to {WorkshopSession.MaximumDots}"));
        }
        if (errors.Count > 0)
        {
            return new RoomResult<WorkshopSession>(RoomOutcome.Invalid, null, errors);
        }

        string code;
        do
        {
            code = RandomNumberGenerator.GetString(CodeAlphabet, CodeLength);
        }
        while (await db.WorkshopSessions.AnyAsync(s => s.Code == code, cancellationToken));
        var session = new WorkshopSession
        {
            Code = code,
            Title = title,
            LocalAuthorityCode = localAuthorityCode,
            Wards = wards,
            DotBudget = draft.DotBudget!.Value,
            FacilitatorId = facilitatorId,
            FacilitatorName = facilitatorName,
            CreatedAt = at,
        };
        db.WorkshopSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return RoomResult<WorkshopSession>.Done(session);
    }

    /// <summary>The wards a workshop covers.</summary>
    public static IQueryable<Ward> WardsOf(SocialInfraDbContext db, Guid sessionId) =>
        db.WorkshopSessions.Where(s => s.Id == sessionId).SelectMany(s => s.Wards);

    /// <summary>A code as typed ("abc 12-3") written the way codes are shown ("ABC123").</summary>
    public static string NormaliseCode(string? code) =>
        new((code ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    /// <summary>The workshop with this code, as typed, whatever its state.</summary>
    public static Task<WorkshopSession?> FindAsync(SocialInfraDbContext db, string? code, CancellationToken cancellationToken = default)
    {
        var normalised = NormaliseCode(code);
        return db.WorkshopSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Code == normalised, cancellationToken);
    }

    /// <summary>Adds someone to the room by the name they give. The token returned is their key: only its hash is kept.</summary>
    public static async Task<RoomResult<(WorkshopParticipant Participant, string Token)>> JoinAsync(
        SocialInfraDbContext db, string? code, string? displayName, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var session = await FindAsync(db, code, cancellationToken);
        if (NormaliseCode(code).Length == 0)
        {
            errors.Add(new FieldError("Code", "Enter the workshop code shown on the screen"));
        }
        else if (session is null)
        {
            errors.Add(new FieldError("Code", $"There is no workshop with the code {NormaliseCode(code)}: check the code on the screen"));
        }
        else if (session.State == WorkshopState.Ended)
        {
            errors.Add(new FieldError("Code", $"The workshop {session.Title} has ended"));
        }
        var name = displayName?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new FieldError("DisplayName", "Enter a name for others in the room to see you by"));
        }
        else if (name.Length > WorkshopParticipant.MaximumNameLength)
        {
            errors.Add(new FieldError("DisplayName", $"Name must be {WorkshopParticipant.MaximumNameLength} characters or fewer"));
        }
        if (errors.Count > 0)
        {
            return new RoomResult<(WorkshopParticipant, string)>(RoomOutcome.Invalid, default, errors);
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var participant = new WorkshopParticipant { SessionId = session!.Id, DisplayName = name, TokenHash = Hash(token), JoinedAt = at };
        db.WorkshopParticipants.Add(participant);
        await db.SaveChangesAsync(cancellationToken);
        return RoomResult<(WorkshopParticipant, string)>.Done((participant, token));
    }

    /// <summary>The participant holding this token in this workshop, if any: a token from another workshop finds nobody.</summary>
    public static Task<WorkshopParticipant?> ParticipantAsync(SocialInfraDbContext db, Guid sessionId, string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Task.FromResult<WorkshopParticipant?>(null);
        }
        var hash = Hash(token);
        return db.WorkshopParticipants.AsNoTracking().FirstOrDefaultAsync(p => p.SessionId == sessionId && p.TokenHash == hash, cancellationToken);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Puts a participant's contribution on the map. Sending the same client id again returns the first without adding another.</summary>
    public static async Task<RoomResult<ContributionView>> ContributeAsync(
        SocialInfraDbContext db, WorkshopSession session, WorkshopParticipant participant, ContributionDraft draft, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        if (draft.ClientId == Guid.Empty)
        {
            return RoomResult<ContributionView>.Invalid(nameof(draft.ClientId), "Every contribution needs the id its browser gave it");
        }
        if (await ExistingAsync(db, session.Id, participant.Id, draft.ClientId, cancellationToken) is { } sent)
        {
            return RoomResult<ContributionView>.Done(sent);
        }
        var (contribution, errors) = await CheckAsync(db, session, draft, cancellationToken);
        if (contribution is null)
        {
            return new RoomResult<ContributionView>(RoomOutcome.Invalid, null, errors);
        }
        contribution.ParticipantId = participant.Id;
        contribution.CreatedAt = at;
        contribution.Revision = 1;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Under a share lock, so locking or ending the workshop waits for this to finish, and nothing slips in after.
        var state = await StateAsync(db, session.Id, cancellationToken);
        if (state != WorkshopState.Open)
        {
            return RoomResult<ContributionView>.Refused(state == WorkshopState.Locked ? RoomOutcome.Locked : RoomOutcome.Ended);
        }
        db.Contributions.Add(contribution);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same contribution sent twice at once: the other request kept it.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await ExistingAsync(db, session.Id, participant.Id, draft.ClientId, cancellationToken) is { } kept
                ? RoomResult<ContributionView>.Done(kept)
                : RoomResult<ContributionView>.Invalid(nameof(draft.ClientId), "Send this again with a new id");
        }
        var view = await ViewAsync(db, contribution.Id, cancellationToken);
        await WorkshopEvents.ContributionAsync(db, session.Id, view, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RoomResult<ContributionView>.Done(view);
    }

    /// <summary>The participant's own contribution already sent with this id, if any.</summary>
    private static async Task<ContributionView?> ExistingAsync(SocialInfraDbContext db, Guid sessionId, Guid participantId, Guid clientId, CancellationToken cancellationToken)
    {
        var id = await db.Contributions.Where(c => c.SessionId == sessionId && c.ParticipantId == participantId && c.ClientId == clientId)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await ViewAsync(db, id.Value, cancellationToken);
    }

    /// <summary>Checks a draft against the workshop's wards and the kind of contribution, naming each field at fault.</summary>
    private static async Task<(Contribution? Contribution, List<FieldError> Errors)> CheckAsync(
        SocialInfraDbContext db, WorkshopSession session, ContributionDraft draft, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var text = draft.Text?.Trim() ?? "";
        var category = string.IsNullOrWhiteSpace(draft.CategorySlug) ? null : draft.CategorySlug.Trim();
        if (draft.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return (null, [new FieldError(nameof(draft.Kind), "Choose what you are adding")]);
        }
        if (category is not null && (category == CategoryTaxonomy.DigitalSpace || !await db.Categories.AnyAsync(c => c.Slug == category, cancellationToken)))
        {
            errors.Add(new FieldError(nameof(draft.CategorySlug), "Choose a kind of place from the list"));
        }
        if (text.Length > Contribution.MaximumTextLength)
        {
            errors.Add(new FieldError(nameof(draft.Text), $"Keep it to {Contribution.MaximumTextLength} characters or fewer"));
        }
        else if (text.Contains('\0', StringComparison.Ordinal))
        {
            // A JSON body can carry one; PostgreSQL text cannot hold it.
            errors.Add(new FieldError(nameof(draft.Text), "Remove the NUL character (U+0000): it cannot be stored"));
        }

        var sessionWards = WardsOf(db, session.Id);
        var contribution = new Contribution { SessionId = session.Id, ClientId = draft.ClientId, Kind = kind, Text = text, CategorySlug = category };
        switch (kind)
        {
            case ContributionKind.MissingPlace:
                if (text.Length == 0)
                {
                    errors.Add(new FieldError(nameof(draft.Text), "Enter the name of the place"));
                }
                else if (text.Length > 200)
                {
                    errors.Add(new FieldError(nameof(draft.Text), "Name must be 200 characters or fewer"));
                }
                if (category is null)
                {
                    errors.Add(new FieldError(nameof(draft.CategorySlug), "Choose what kind of place it is"));
                }
                await LocateAsync(db, session, sessionWards, draft, contribution, errors, required: true, cancellationToken);
                break;
            case ContributionKind.DormantPlace or ContributionKind.LostPlace:
                var place = draft.PlaceId is { } placeId
                    ? await db.Places.AsNoTracking().Where(p => p.Id == placeId && p.Presence == Presence.Physical && p.Location != null)
                        .Select(p => new { p.Id, p.Location, p.CategorySlug }).FirstOrDefaultAsync(cancellationToken)
                    : null;
                var ward = place is null ? null
                    : await sessionWards.Where(w => w.Boundary.Covers(place.Location!)).Select(w => (int?)w.Id).FirstOrDefaultAsync(cancellationToken);
                if (ward is null)
                {
                    errors.Add(new FieldError(nameof(draft.PlaceId), "Choose a place in this workshop's wards from the list"));
                }
                else
                {
                    (contribution.PlaceId, contribution.Location, contribution.CategorySlug, contribution.WardId) = (place!.Id, place.Location, place.CategorySlug, ward.Value);
                }
                break;
            case ContributionKind.GapNote:
                if (text.Length == 0)
                {
                    errors.Add(new FieldError(nameof(draft.Text), "Enter what is needed"));
                }
                if (draft.Latitude is null && draft.Longitude is null && string.IsNullOrWhiteSpace(draft.Postcode))
                {
                    var noteWard = await sessionWards.Where(w => w.Code == draft.WardCode).Select(w => (int?)w.Id).FirstOrDefaultAsync(cancellationToken);
                    if (noteWard is null)
                    {
                        errors.Add(new FieldError(nameof(draft.WardCode), "Choose the ward the note is about, or a point on the map"));
                    }
                    else
                    {
                        contribution.WardId = noteWard.Value;
                    }
                }
                else
                {
                    await LocateAsync(db, session, sessionWards, draft, contribution, errors, required: true, cancellationToken);
                }
                break;
        }
        return errors.Count > 0 ? (null, errors) : (contribution, errors);
    }

    /// <summary>The contribution's point, from latitude and longitude or a postcode, and the workshop ward it falls in.</summary>
    private static async Task LocateAsync(
        SocialInfraDbContext db, WorkshopSession session, IQueryable<Ward> sessionWards, ContributionDraft draft, Contribution contribution,
        List<FieldError> errors, bool required, CancellationToken cancellationToken)
    {
        NetTopologySuite.Geometries.Point? point = null;
        if (draft.Latitude is { } lat && draft.Longitude is { } lon)
        {
            if (!double.IsFinite(lat) || !double.IsFinite(lon) || lat is < -90 or > 90 || lon is < -180 or > 180)
            {
                errors.Add(new FieldError(nameof(draft.Latitude), "Choose a point on the map"));
                return;
            }
            point = SpatialQueries.PointAt(lon, lat);
        }
        else if (!string.IsNullOrWhiteSpace(draft.Postcode))
        {
            var postcode = Postcode.Normalise(draft.Postcode);
            point = postcode is null ? null : await db.LocatePostcodeAsync(postcode, cancellationToken);
            if (point is null)
            {
                errors.Add(new FieldError(nameof(draft.Postcode), postcode is null
                    ? $"Enter a real postcode, like RM10 9QH (you entered '{draft.Postcode.Trim()}')"
                    : $"We could not find {postcode}: choose the point on the map instead"));
                return;
            }
        }
        if (point is null)
        {
            if (required)
            {
                errors.Add(new FieldError(nameof(draft.Postcode), "Choose the point on the map, or enter its postcode"));
            }
            return;
        }
        var ward = await sessionWards.Where(w => w.Boundary.Covers(point)).Select(w => (int?)w.Id).FirstOrDefaultAsync(cancellationToken);
        if (ward is null)
        {
            var names = await sessionWards.OrderBy(w => w.Name).Select(w => w.Name).ToListAsync(cancellationToken);
            errors.Add(new FieldError(draft.Latitude is null ? nameof(draft.Postcode) : nameof(draft.Latitude),
                $"That point is outside this workshop's wards ({string.Join(", ", names)})"));
            return;
        }
        (contribution.Location, contribution.WardId) = (point, ward.Value);
    }

    /// <summary>
    /// Sets the participant's dots on a contribution (0 takes them all off). Their rows are locked first, so two phones of
    /// the same person, or a replayed queue, can never spend more than the budget, and each tally broadcast is exact.
    /// </summary>
    public static async Task<RoomResult<VoteResult>> VoteAsync(
        SocialInfraDbContext db, WorkshopSession session, WorkshopParticipant participant, Guid contributionId, int dots,
        CancellationToken cancellationToken = default)
    {
        if (dots < 0 || dots > session.DotBudget)
        {
            return RoomResult<VoteResult>.Invalid("Dots", $"Dots must be a whole number from 0 to {session.DotBudget}");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Participant first, then contribution: every vote takes its locks in that order, so none waits on another in a circle.
        // NO KEY UPDATE, so a merge adding this participant's vote elsewhere (a foreign-key check) is not blocked by it;
        // a share lock on the workshop, so ending it waits for votes in flight, and votes after the end are refused.
        var state = await db.Database.SqlQuery<string>($"""
            SELECT s."State" AS "Value" FROM "WorkshopParticipants" AS p JOIN "WorkshopSessions" AS s ON s."Id" = p."SessionId"
            WHERE p."Id" = {participant.Id} AND s."Id" = {session.Id} FOR NO KEY UPDATE OF p FOR SHARE OF s
            """).ToListAsync(cancellationToken);
        if (state is not [var current])
        {
            return RoomResult<VoteResult>.Refused(RoomOutcome.NotFound);
        }
        if (current == nameof(WorkshopState.Ended))
        {
            return RoomResult<VoteResult>.Refused(RoomOutcome.Ended);
        }
        var contribution = (await db.Contributions
            .FromSql($"""SELECT * FROM "Contributions" WHERE "Id" = {contributionId} AND "SessionId" = {session.Id} FOR UPDATE""")
            .ToListAsync(cancellationToken)).SingleOrDefault();
        if (contribution is null || contribution.Status != ContributionStatus.Shown)
        {
            return RoomResult<VoteResult>.Refused(RoomOutcome.NotFound);
        }
        var votes = await db.Votes.Where(v => v.ParticipantId == participant.Id).ToListAsync(cancellationToken);
        var mine = votes.FirstOrDefault(v => v.ContributionId == contributionId);
        var elsewhere = votes.Where(v => v != mine).Sum(v => (long)v.Dots);
        if (elsewhere + dots > session.DotBudget)
        {
            var left = Math.Max(0, session.DotBudget - elsewhere);
            return RoomResult<VoteResult>.Invalid("Dots",
                $"You have {session.DotBudget} dots and {elsewhere} are on other contributions, so you can put at most {left} here");
        }
        var before = mine?.Dots ?? 0;
        if (before != dots)
        {
            if (mine is null)
            {
                db.Votes.Add(new Vote { ParticipantId = participant.Id, ContributionId = contributionId, Dots = dots });
            }
            else if (dots == 0)
            {
                db.Votes.Remove(mine);
            }
            else
            {
                mine.Dots = dots;
            }
            contribution.Dots += dots - before;
            contribution.Revision++;
            await db.SaveChangesAsync(cancellationToken);
        }
        var view = await ViewAsync(db, contributionId, cancellationToken);
        if (before != dots)
        {
            await WorkshopEvents.ContributionAsync(db, session.Id, view, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return RoomResult<VoteResult>.Done(new VoteResult(view, dots, (int)(session.DotBudget - elsewhere - dots)));
    }

    /// <summary>
    /// Hides a contribution from the room (or shows it again, with no dots). Hiding gives its dots back to those who
    /// placed them, so nobody's budget is spent on something they can no longer see; hidden ones never go to moderation.
    /// </summary>
    public static async Task<RoomOutcome> SetHiddenAsync(
        SocialInfraDbContext db, WorkshopSession session, Guid contributionId, bool hidden, int expectedEditVersion, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await StateAsync(db, session.Id, cancellationToken) == WorkshopState.Ended)
        {
            return RoomOutcome.Ended;
        }
        var contribution = await LockForEditAsync(db, session.Id, contributionId, cancellationToken);
        if (contribution is null || contribution.Status == ContributionStatus.Merged)
        {
            return RoomOutcome.NotFound;
        }
        if (contribution.EditVersion != expectedEditVersion)
        {
            return RoomOutcome.Conflict;
        }
        contribution.Status = hidden ? ContributionStatus.Hidden : ContributionStatus.Shown;
        if (hidden)
        {
            db.Votes.RemoveRange(await db.Votes.Where(v => v.ContributionId == contributionId).ToListAsync(cancellationToken));
            contribution.Dots = 0;
        }
        return await SaveEditAsync(db, session.Id, transaction, [contribution], cancellationToken);
    }

    /// <summary>Folds one contribution into another: its dots move across (a participant's dots on both add up) and it leaves the map.</summary>
    public static async Task<RoomOutcome> MergeAsync(
        SocialInfraDbContext db, WorkshopSession session, Guid fromId, Guid intoId, int expectedEditVersion, CancellationToken cancellationToken = default)
    {
        if (fromId == intoId)
        {
            return RoomOutcome.Invalid;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await StateAsync(db, session.Id, cancellationToken) == WorkshopState.Ended)
        {
            return RoomOutcome.Ended;
        }
        // Both rows locked in id order, so two merges of the same pair cannot deadlock.
        var pair = await db.Contributions
            .FromSql($"""SELECT * FROM "Contributions" WHERE "SessionId" = {session.Id} AND "Id" = ANY({new[] { fromId, intoId }}) ORDER BY "Id" FOR UPDATE""")
            .ToListAsync(cancellationToken);
        var from = pair.FirstOrDefault(c => c.Id == fromId);
        var into = pair.FirstOrDefault(c => c.Id == intoId);
        if (from is null || into is null || from.Status == ContributionStatus.Merged || into.Status != ContributionStatus.Shown)
        {
            return RoomOutcome.NotFound;
        }
        if (from.EditVersion != expectedEditVersion)
        {
            return RoomOutcome.Conflict;
        }
        var moving = await db.Votes.Where(v => v.ContributionId == fromId).ToListAsync(cancellationToken);
        var staying = await db.Votes.Where(v => v.ContributionId == intoId).ToDictionaryAsync(v => v.ParticipantId, cancellationToken);
        foreach (var vote in moving)
        {
            db.Votes.Remove(vote);
            if (staying.TryGetValue(vote.ParticipantId, out var there))
            {
                there.Dots += vote.Dots;
            }
            else
            {
                db.Votes.Add(new Vote { ParticipantId = vote.ParticipantId, ContributionId = intoId, Dots = vote.Dots });
            }
        }
        into.Dots += from.Dots;
        from.Dots = 0;
        from.Status = ContributionStatus.Merged;
        from.MergedIntoId = intoId;
        return await SaveEditAsync(db, session.Id, transaction, [from, into], cancellationToken);
    }

    /// <summary>The facilitator's correction of a contribution's words or kind of place.</summary>
    public static async Task<RoomResult<ContributionView>> EditAsync(
        SocialInfraDbContext db, WorkshopSession session, Guid contributionId, string? text, string? categorySlug, int expectedEditVersion,
        CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await StateAsync(db, session.Id, cancellationToken) == WorkshopState.Ended)
        {
            return RoomResult<ContributionView>.Refused(RoomOutcome.Ended);
        }
        var contribution = await LockForEditAsync(db, session.Id, contributionId, cancellationToken);
        if (contribution is null || contribution.Status == ContributionStatus.Merged)
        {
            return RoomResult<ContributionView>.Refused(RoomOutcome.NotFound);
        }
        if (contribution.EditVersion != expectedEditVersion)
        {
            return RoomResult<ContributionView>.Refused(RoomOutcome.Conflict);
        }
        var (checkedDraft, errors) = await CheckAsync(db, session, new ContributionDraft
        {
            ClientId = contribution.ClientId,
            Kind = contribution.Kind,
            Text = text,
            CategorySlug = categorySlug,
            Latitude = contribution.Location?.Y,
            Longitude = contribution.Location?.X,
            PlaceId = contribution.PlaceId,
            WardCode = await db.Wards.Where(w => w.Id == contribution.WardId).Select(w => w.Code).SingleAsync(cancellationToken),
        }, cancellationToken);
        if (checkedDraft is null)
        {
            return new RoomResult<ContributionView>(RoomOutcome.Invalid, null, errors);
        }
        (contribution.Text, contribution.CategorySlug) = (checkedDraft.Text, checkedDraft.CategorySlug);
        await SaveEditAsync(db, session.Id, transaction, [contribution], cancellationToken);
        return RoomResult<ContributionView>.Done(await ViewAsync(db, contributionId, cancellationToken));
    }

    /// <summary>The workshop's state, share-locked for the rest of the transaction: locking or ending it waits until this commits.</summary>
    private static async Task<WorkshopState> StateAsync(SocialInfraDbContext db, Guid sessionId, CancellationToken cancellationToken) =>
        Enum.Parse<WorkshopState>((await db.Database.SqlQuery<string>(
            $"""SELECT "State" AS "Value" FROM "WorkshopSessions" WHERE "Id" = {sessionId} FOR SHARE""").ToListAsync(cancellationToken)).Single());

    private static async Task<Contribution?> LockForEditAsync(SocialInfraDbContext db, Guid sessionId, Guid id, CancellationToken cancellationToken) =>
        (await db.Contributions
            .FromSql($"""SELECT * FROM "Contributions" WHERE "Id" = {id} AND "SessionId" = {sessionId} FOR UPDATE""")
            .ToListAsync(cancellationToken)).SingleOrDefault();

    private static async Task<RoomOutcome> SaveEditAsync(
        SocialInfraDbContext db, Guid sessionId, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, IReadOnlyList<Contribution> changed,
        CancellationToken cancellationToken)
    {
        foreach (var contribution in changed)
        {
            contribution.EditVersion++;
            contribution.Revision++;
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var contribution in changed)
        {
            if (contribution.Status == ContributionStatus.Shown)
            {
                await WorkshopEvents.ContributionAsync(db, sessionId, await ViewAsync(db, contribution.Id, cancellationToken), cancellationToken);
            }
            else
            {
                await WorkshopEvents.WithdrawnAsync(db, sessionId, contribution.Id, contribution.Revision, cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return RoomOutcome.Done;
    }

    /// <summary>Locks the map (nothing more can be added; dots can still move) or opens it again.</summary>
    public static async Task<RoomOutcome> SetLockedAsync(SocialInfraDbContext db, WorkshopSession session, bool locked, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tracked = await db.WorkshopSessions.FromSql($"""SELECT *, xmin FROM "WorkshopSessions" WHERE "Id" = {session.Id} FOR UPDATE""").ToListAsync(cancellationToken);
        if (tracked is not [var current] || current.State == WorkshopState.Ended)
        {
            return RoomOutcome.Ended;
        }
        current.State = locked ? WorkshopState.Locked : WorkshopState.Open;
        await db.SaveChangesAsync(cancellationToken);
        await WorkshopEvents.StateAsync(db, session.Id, current.State, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RoomOutcome.Done;
    }

    /// <summary>
    /// Ends the workshop: freezes the gap scores before and after, and sends every shown missing place to the moderation
    /// queue as a new place, and every dormant or lost place as a change to that place. Nothing is published here.
    /// </summary>
    public static async Task<RoomOutcome> EndAsync(
        SocialInfraDbContext db, WorkshopSession session, Editor facilitator, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tracked = await db.WorkshopSessions.FromSql($"""SELECT *, xmin FROM "WorkshopSessions" WHERE "Id" = {session.Id} FOR UPDATE""").ToListAsync(cancellationToken);
        if (tracked is not [var current] || current.State == WorkshopState.Ended)
        {
            return RoomOutcome.Ended;
        }
        current.GapRecord = await WorkshopRecord.GapsAsync(db, current, at, cancellationToken);
        current.State = WorkshopState.Ended;
        current.EndedAt = at;

        var organisationId = facilitator.OrganisationId ?? await WorkshopOrganisationAsync(db, cancellationToken);
        var today = PlaceChanges.UkDate(at);
        var contributions = await db.Contributions
            .Where(c => c.SessionId == session.Id && c.Status == ContributionStatus.Shown && c.Kind != ContributionKind.GapNote)
            .OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        foreach (var contribution in contributions)
        {
            var origin = $"From the workshop \"{current.Title}\" on {today:d MMMM yyyy} ({contribution.Dots} dots)";
            PlaceDraft draft;
            uint? baseVersion = null;
            if (contribution.Kind == ContributionKind.MissingPlace)
            {
                draft = new PlaceDraft
                {
                    Name = contribution.Text,
                    CategorySlug = contribution.CategorySlug!,
                    Description = origin,
                    Latitude = contribution.Location!.Y,
                    Longitude = contribution.Location.X,
                    Ownership = Ownership.Community,
                };
            }
            else
            {
                var place = await db.Places.AsNoTracking().SingleOrDefaultAsync(p => p.Id == contribution.PlaceId, cancellationToken);
                if (place is null)
                {
                    continue;
                }
                var note = contribution.Text.Length > 0 ? $"{origin}: {contribution.Text}" : origin;
                draft = (await PlaceDraft.OfAsync(db, place, cancellationToken)) with
                {
                    Activity = contribution.Kind == ContributionKind.DormantPlace ? Activity.Dormant : Activity.Closed,
                    ActivitySince = today,
                    ActivityNote = note.Length > 500 ? note[..500] : note,
                };
                baseVersion = place.Version;
            }
            var submission = new PlaceSubmission
            {
                PlaceId = contribution.PlaceId,
                BaseVersion = baseVersion,
                OrganisationId = organisationId,
                Draft = draft,
                SubmittedById = facilitator.UserId,
                SubmittedByName = $"{facilitator.Name}, workshop {current.Code}",
                SubmittedAt = at,
            };
            db.PlaceSubmissions.Add(submission);
            contribution.SubmissionId = submission.Id;
        }
        await db.SaveChangesAsync(cancellationToken);
        await WorkshopEvents.StateAsync(db, session.Id, WorkshopState.Ended, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RoomOutcome.Done;
    }

    /// <summary>The organisation workshop submissions are made for when the facilitator belongs to none.</summary>
    public const string WorkshopOrganisationName = "Community workshops";

    private static async Task<Guid> WorkshopOrganisationAsync(SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Organisations.Where(o => o.Name == WorkshopOrganisationName).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return id;
        }
        var organisation = new Organisations.Organisation { Name = WorkshopOrganisationName, Kind = Organisations.OrganisationKind.CommunityGroup };
        db.Organisations.Add(organisation);
        return organisation.Id;
    }

    /// <summary>One contribution as the room sees it.</summary>
    public static Task<ContributionView> ViewAsync(SocialInfraDbContext db, Guid id, CancellationToken cancellationToken = default) =>
        Views(db, db.Contributions.Where(c => c.Id == id)).SingleAsync(cancellationToken);

    /// <summary>Contributions as the room sees them.</summary>
    public static IQueryable<ContributionView> Views(SocialInfraDbContext db, IQueryable<Contribution> contributions) =>
        contributions.Select(c => new ContributionView(
            c.Id,
            c.Revision,
            c.Kind,
            c.Text,
            c.CategorySlug,
            db.Categories.Where(k => k.Slug == c.CategorySlug).Select(k => k.Name).FirstOrDefault(),
            c.Location != null ? c.Location.Y : null,
            c.Location != null ? c.Location.X : null,
            c.PlaceId,
            c.Place != null ? c.Place.Name : null,
            c.Ward!.Code,
            c.Ward.Name,
            c.Dots,
            db.WorkshopParticipants.Where(p => p.Id == c.ParticipantId).Select(p => p.DisplayName).First(),
            c.Status,
            c.EditVersion,
            c.CreatedAt));
}

/// <summary>A contribution as the room sees it, and as its broadcasts carry it.</summary>
public sealed record ContributionView(
    Guid Id,
    int Revision,
    ContributionKind Kind,
    string Text,
    string? CategorySlug,
    string? CategoryName,
    double? Latitude,
    double? Longitude,
    Guid? PlaceId,
    string? PlaceName,
    string WardCode,
    string WardName,
    int Dots,
    string By,
    ContributionStatus Status,
    int EditVersion,
    DateTimeOffset CreatedAt);

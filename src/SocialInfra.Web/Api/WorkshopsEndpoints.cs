using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using SocialInfra.Data;
using SocialInfra.Places;
using SocialInfra.Web.Workshops;
using SocialInfra.Workshops;

namespace SocialInfra.Web.Api;

/// <summary>
/// The workshop room for browsers: its state, its wards, and a participant's contributions and votes. Only those in
/// the workshop (its participants, and whoever runs it) get an answer; changes also need the page's antiforgery token.
/// </summary>
public static class WorkshopsEndpoints
{
    public static RouteGroupBuilder MapWorkshops(this RouteGroupBuilder group)
    {
        group.MapGet("/{code}", StateAsync);
        group.MapGet("/{code}/wards", WardsAsync);
        group.MapPost("/{code}/contributions", ContributeAsync);
        group.MapPut("/{code}/votes/{contributionId:guid}", VoteAsync);
        return group;
    }

    /// <summary>The room as one participant (or the facilitator) sees it now.</summary>
    public sealed record RoomState(
        string Code, string Title, WorkshopState State, int DotBudget, int DotsLeft, string? You,
        IReadOnlyDictionary<Guid, int> YourDots, IReadOnlyList<ContributionView> Contributions);

    /// <summary>The dots a participant wants on a contribution: 0 takes them all off.</summary>
    public sealed record DotsRequest(int? Dots);

    private sealed record Room(WorkshopSession Session, WorkshopParticipant? Participant);

    /// <summary>The workshop and who is asking, or the problem to answer with: nobody outside the workshop learns anything of it.</summary>
    private static async Task<(Room? Room, IResult? Problem)> RoomAsync(string code, HttpContext http, SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        var session = await WorkshopRoom.FindAsync(db, code, cancellationToken);
        var participant = session is null ? null : await WorkshopAccess.ParticipantAsync(db, http, session, cancellationToken);
        if (session is null || (participant is null && !http.User.MayRun(session)))
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Join the workshop first",
                detail: "Join the workshop with its code before taking part."));
        }
        if (participant is not null)
        {
            WorkshopAccess.NameInAudit(http, session, participant);
        }
        return (new Room(session, participant), null);
    }

    private static async Task<IResult> StateAsync(string code, HttpContext http, SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        var (room, problem) = await RoomAsync(code, http, db, cancellationToken);
        if (room is null)
        {
            return problem!;
        }
        return Results.Json(await StateOfAsync(db, room.Session, room.Participant, cancellationToken));
    }

    /// <summary>The room's shown contributions, busiest first, and the participant's own dots.</summary>
    public static async Task<RoomState> StateOfAsync(SocialInfraDbContext db, WorkshopSession session, WorkshopParticipant? participant, CancellationToken cancellationToken)
    {
        var contributions = await WorkshopRoom.Views(db, db.Contributions.AsNoTracking()
                .Where(c => c.SessionId == session.Id && c.Status == ContributionStatus.Shown)
                .OrderByDescending(c => c.Dots).ThenBy(c => c.CreatedAt))
            .ToListAsync(cancellationToken);
        var yours = participant is null ? [] : await db.Votes.AsNoTracking()
            .Where(v => v.ParticipantId == participant.Id)
            .ToDictionaryAsync(v => v.ContributionId, v => v.Dots, cancellationToken);
        return new RoomState(session.Code, session.Title, session.State, session.DotBudget, session.DotBudget - yours.Values.Sum(),
            participant?.DisplayName, yours, contributions);
    }

    private static async Task<IResult> WardsAsync(string code, HttpContext http, SocialInfraDbContext db, CancellationToken cancellationToken)
    {
        var (room, problem) = await RoomAsync(code, http, db, cancellationToken);
        if (room is null)
        {
            return problem!;
        }
        var wards = await WorkshopRoom.WardsOf(db, room.Session.Id).AsNoTracking()
            .OrderBy(w => w.Name).Select(w => new { w.Code, w.Name, w.Boundary }).ToListAsync(cancellationToken);
        return GeoJson.Collection(wards.Select(w => new Feature(w.Boundary, new AttributesTable
        {
            { GeoJson.IdProperty, w.Code },
            { "code", w.Code },
            { "name", w.Name },
        })));
    }

    private static async Task<IResult> ContributeAsync(
        string code, ContributionDraft? draft, HttpContext http, SocialInfraDbContext db, IAntiforgery antiforgery, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (room, problem) = await ParticipantRoomAsync(code, http, db, antiforgery, cancellationToken);
        if (room is null)
        {
            return problem!;
        }
        if (draft is null)
        {
            return Problems.BadParameter("body", "Send the contribution as JSON");
        }
        var result = await WorkshopRoom.ContributeAsync(db, room.Session, room.Participant!, draft, clock.GetUtcNow(), cancellationToken);
        return result.Outcome == RoomOutcome.Done ? Results.Json(result.Value, statusCode: StatusCodes.Status201Created) : Refusal(result);
    }

    private static async Task<IResult> VoteAsync(
        string code, Guid contributionId, DotsRequest? request, HttpContext http, SocialInfraDbContext db, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var (room, problem) = await ParticipantRoomAsync(code, http, db, antiforgery, cancellationToken);
        if (room is null)
        {
            return problem!;
        }
        if (request?.Dots is not { } dots)
        {
            return Problems.BadParameter("dots", "Say how many dots to put on the contribution");
        }
        var result = await WorkshopRoom.VoteAsync(db, room.Session, room.Participant!, contributionId, dots, cancellationToken);
        return result.Outcome == RoomOutcome.Done ? Results.Json(result.Value) : Refusal(result);
    }

    /// <summary>Changes come only from participants, with the antiforgery token of a page of this site.</summary>
    private static async Task<(Room? Room, IResult? Problem)> ParticipantRoomAsync(
        string code, HttpContext http, SocialInfraDbContext db, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var (room, problem) = await RoomAsync(code, http, db, cancellationToken);
        if (room is null)
        {
            return (null, problem);
        }
        if (room.Participant is null)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only participants add to the map",
                detail: "Join the workshop as a participant to add to the map or vote."));
        }
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            // 403, not 400: a browser keeps what it has queued and asks for a reload, rather than dropping it as refused.
            return (null, Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The page has expired",
                detail: "Reload the page and try again: nothing you have queued is lost."));
        }
        return (room, null);
    }

    /// <summary>Problem Details for a refused change: 400 naming each field, 404, or 409 when the room is locked, ended or changed.</summary>
    private static IResult Refusal<T>(RoomResult<T> result) => result.Outcome switch
    {
        RoomOutcome.Invalid => Results.ValidationProblem(
            result.Errors.GroupBy(e => Camel(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail: string.Join(". ", result.Errors.Select(e => e.Message)),
            title: "Something needs changing"),
        RoomOutcome.NotFound => Problems.NotFound(RoomResult<T>.Explain(result.Outcome)),
        _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: result.Outcome.ToString(), detail: RoomResult<T>.Explain(result.Outcome)),
    };

    private static string Camel(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}

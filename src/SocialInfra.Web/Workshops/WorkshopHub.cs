using Microsoft.AspNetCore.SignalR;
using SocialInfra.Data;
using SocialInfra.Workshops;

namespace SocialInfra.Web.Workshops;

/// <summary>
/// The live line to the room. Browsers only listen: they send their changes over HTTP (so a queued change can be
/// sent again safely), and hear every committed change as an "event" message.
/// </summary>
public class WorkshopHub(SocialInfraDbContext db) : Hub
{
    public const string Path = "/hubs/workshops";

    public static string Group(Guid sessionId) => $"workshop-{sessionId:N}";

    /// <summary>Starts sending this connection the workshop's events: for its participants and whoever runs it.</summary>
    public async Task Watch(string code)
    {
        var http = Context.GetHttpContext() ?? throw new HubException("Join the workshop first");
        var session = await WorkshopRoom.FindAsync(db, code, Context.ConnectionAborted);
        if (session is null || !(http.User.MayRun(session) || await WorkshopAccess.ParticipantAsync(db, http, session, Context.ConnectionAborted) is not null))
        {
            throw new HubException("Join the workshop first");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(session.Id), Context.ConnectionAborted);
    }
}

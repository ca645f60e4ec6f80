using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using SocialInfra.Data;
using SocialInfra.Places;
using SocialInfra.Web.Api;
using SocialInfra.Web.Map;
using SocialInfra.Workshops;

namespace SocialInfra.Web.Pages.Workshops;

/// <summary>What the room's pages (the participant's and the projector's) show: the workshop, its wards, its map and its contributions now.</summary>
public sealed record RoomView(
    WorkshopSession Session,
    IReadOnlyList<(string Code, string Name)> Wards,
    Envelope Bounds,
    MapOptions Options,
    WorkshopsEndpoints.RoomState State)
{
    public string BoundsText => MapView.Text(Bounds);

    public static async Task<RoomView> LoadAsync(
        SocialInfraDbContext db, WorkshopSession session, WorkshopParticipant? participant, MapOptions options, CancellationToken cancellationToken)
    {
        var wards = await WorkshopRoom.WardsOf(db, session.Id).AsNoTracking()
            .OrderBy(w => w.Name).Select(w => new { w.Code, w.Name, w.Boundary }).ToListAsync(cancellationToken);
        var bounds = new Envelope();
        foreach (var ward in wards)
        {
            bounds.ExpandToInclude(ward.Boundary.EnvelopeInternal);
        }
        var state = await WorkshopsEndpoints.StateOfAsync(db, session, participant, cancellationToken);
        return new RoomView(session, wards.Select(w => (w.Code, w.Name)).ToList(), bounds, options, state);
    }

    /// <summary>How a kind of contribution is named on the page.</summary>
    public static string KindText(ContributionKind kind) => kind switch
    {
        ContributionKind.MissingPlace => "Missing from the map",
        ContributionKind.DormantPlace => "Dormant",
        ContributionKind.LostPlace => "Lost",
        _ => "We need",
    };

    /// <summary>The tag colour of a kind of contribution.</summary>
    public static string KindTagClass(ContributionKind kind) => kind switch
    {
        ContributionKind.MissingPlace => "govuk-tag--green",
        ContributionKind.DormantPlace => "govuk-tag--yellow",
        ContributionKind.LostPlace => "govuk-tag--red",
        _ => "govuk-tag--blue",
    };

    /// <summary>The words of a contribution: the place's name for dormant and lost places, with any note after it.</summary>
    public static string Headline(ContributionView c) => c.Kind switch
    {
        ContributionKind.DormantPlace or ContributionKind.LostPlace => c.PlaceName ?? "A place",
        _ => c.Text,
    };

    public static string? Detail(ContributionView c) => c.Kind switch
    {
        ContributionKind.DormantPlace or ContributionKind.LostPlace => c.Text.Length > 0 ? c.Text : null,
        _ => c.CategoryName,
    };
}

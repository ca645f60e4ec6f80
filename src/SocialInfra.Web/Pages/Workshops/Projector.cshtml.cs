using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SocialInfra.Data;
using SocialInfra.Web.Map;
using SocialInfra.Web.Workshops;

namespace SocialInfra.Web.Pages.Workshops;

/// <summary>The room's shared screen: the code and QR code to join, the live map, and the priorities by dots.</summary>
public class ProjectorModel(SocialInfraDbContext db, IOptionsSnapshot<MapOptions> options) : WorkshopPageModel(db)
{
    public RoomView Room { get; private set; } = null!;
    public string QrCode { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadSessionAsync(id, recordOnly: false, cancellationToken) is { } away)
        {
            return away;
        }
        Room = await RoomView.LoadAsync(Db, Session, null, options.Value, cancellationToken);
        QrCode = QrCodeSvg.Draw(JoinUrl, $"QR code for {JoinUrl}");
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Networks;
using SocialInfra.Web.Forms;

namespace SocialInfra.Web.Pages.Networks;

/// <summary>Changing a network's name, purpose and values, or deleting it: its coordinators, officers and administrators.</summary>
[Authorize]
public class EditModel(SocialInfraDbContext db) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public List<NetworkValue> Values { get; set; } = [];
    [BindProperty] public uint Version { get; set; }

    public Guid Id { get; private set; }
    public string SavedName { get; private set; } = "";
    public FormErrors Errors { get; } = NetworkForm.NewErrors();
    public NetworkForm Form => new(Name, Purpose, Values, Errors);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var (name, purpose, values, version) = (Name, Purpose, Values, Version);
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        var result = await NetworkRecordKeeping.UpdateAsync(db, id, new NetworkDraft(name, purpose, values), version, cancellationToken);
        switch (result.Outcome)
        {
            case NetworkOutcome.Done:
                TempData["Banner"] = $"Your changes to {result.Value!.Name} have been saved.";
                return Redirect($"/Networks/{id}");
            case NetworkOutcome.Conflict:
                // The form now shows what is saved; the user's own words are lost only if they leave.
                Errors.Add("Name", "Someone else changed this network while you were editing it. The form now shows their version: make your changes again");
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case NetworkOutcome.NotFound:
                return NotFound();
            default:
                // What they sent, with the version they started from, so fixing it cannot overwrite a change made meanwhile.
                (Name, Purpose, Values, Version) = (name, purpose, values, version);
                Errors.AddRange(result.Errors);
                return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var version = Version;
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        var result = await NetworkRecordKeeping.DeleteAsync(db, id, version, cancellationToken);
        if (result.Outcome == NetworkOutcome.NotFound)
        {
            return NotFound();
        }
        if (result.Outcome == NetworkOutcome.Conflict)
        {
            Errors.Add("Name", "Someone else changed this network while you were looking at it. Check it before deleting it");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData["Banner"] = $"{SavedName} has been deleted.";
        return Redirect("/Networks");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var network = await db.ValueNetworks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (network is null)
        {
            return NotFound();
        }
        if (!await User.MayCoordinateAsync(db, id, cancellationToken))
        {
            return Forbid();
        }
        Id = id;
        SavedName = network.Name;
        (Name, Purpose, Values, Version) = (network.Name, network.Purpose, network.Values, network.Version);
        return null;
    }
}

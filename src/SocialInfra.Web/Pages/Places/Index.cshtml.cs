using SocialInfra.Data;

namespace SocialInfra.Web.Pages.Places;

public class IndexModel(SocialInfraDbContext db) : PlaceSearchPageModel(db)
{
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);
}

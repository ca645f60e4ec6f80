using SocialInfra.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddSocialInfra();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseSocialInfra();
app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

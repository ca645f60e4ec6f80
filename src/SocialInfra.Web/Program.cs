using SocialInfra.Web;
using SocialInfra.Web.Accounts;

// "create-admin ..." runs the command and exits; its options are not configuration.
var command = args is [CreateAdminCommand.Name, ..] ? args[1..] : null;
var builder = WebApplication.CreateBuilder(command is null ? args : []);
builder.AddSocialInfra();

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (command is not null)
{
    return await CreateAdminCommand.RunAsync(app.Services, command, Console.In, Console.Out, interactive: !Console.IsInputRedirected);
}
app.UseSocialInfra();
app.Run();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

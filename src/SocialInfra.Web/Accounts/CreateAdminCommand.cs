using Microsoft.AspNetCore.Identity;
using SocialInfra.Accounts;

namespace SocialInfra.Web.Accounts;

/// <summary>
/// <c>create-admin --email EMAIL --name "NAME"</c>: makes the first administrator, reading the password from standard
/// input, so no password is ever written in the repository or on the command line.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public const string Usage = "Usage: create-admin --email EMAIL --name \"FULL NAME\"   (the password is read from standard input)";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, bool interactive)
    {
        var email = Option(args, "--email");
        var name = Option(args, "--name");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(name))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        if (interactive)
        {
            await output.WriteAsync($"Password for {email} (at least 12 characters): ");
        }
        var password = interactive ? ReadHidden() : await input.ReadLineAsync();
        if (interactive)
        {
            await output.WriteLineAsync();
        }
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync("No password given: pipe it in, or type it when asked.");
            return 2;
        }

        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            await output.WriteLineAsync($"A user with the email {email} already exists. An administrator can change their role on the Users page.");
            return 1;
        }
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name.Trim() };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, Roles.Admin);
        }
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                await output.WriteLineAsync(error.Description);
            }
            return 1;
        }
        await output.WriteLineAsync($"Created administrator {email}. Sign in at /Account/Login.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static string ReadHidden()
    {
        var password = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
        return password.ToString();
    }
}

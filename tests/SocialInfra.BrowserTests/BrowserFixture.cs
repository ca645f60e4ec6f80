using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.BrowserTests;

/// <summary>The app on a real Kestrel socket over its own demo-borough database, and Debian's Chromium driven by Playwright.</summary>
public class BrowserFixture : IAsyncLifetime
{
    private readonly SocialInfraFactory _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public DemoDatabase Database => _app.Database;

    public BrowserFixture() : this(new SocialInfraFactory())
    {
    }

    protected BrowserFixture(SocialInfraFactory app) => _app = app;

    public static string ScreenshotFolder { get; } =
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        // Kestrel first: seeding the accounts starts the app.
        _app.UseKestrel(0);
        await _app.InitializeAsync();
        _app.StartServer();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await ((IAsyncLifetime)_app).DisposeAsync();
    }
}

/// <summary>The browser fixture with people in every role to sign in as (their made-up password is Accounts.Password).</summary>
public sealed class AccountsBrowserFixture : BrowserFixture
{
    public AccountsBrowserFixture() : this(new AccountsFactory())
    {
    }

    private AccountsBrowserFixture(AccountsFactory app) : base(app) => Accounts = app;

    public AccountsFactory Accounts { get; }
}

using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SocialInfra.BrowserTests;

/// <summary>Opens pages while collecting every script error and console error, and runs axe-core on them.</summary>
public sealed class PageChecks(IPage page)
{
    private readonly List<string> _errors = [];

    public IPage Page { get; } = page;

    public static async Task<PageChecks> OpenAsync(BrowserFixture fixture)
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = fixture.BaseUrl });
        var checks = new PageChecks(page);
        page.PageError += (_, error) => checks._errors.Add($"page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error") checks._errors.Add($"console error: {message.Text}");
        };
        // A request the page itself cancels (the map aborts its last fetch when the view moves on) is not a failure.
        page.RequestFailed += (_, request) =>
        {
            if (request.Failure != "net::ERR_ABORTED") checks._errors.Add($"request failed: {request.Url} ({request.Failure})");
        };
        return checks;
    }

    public async Task GoToAsync(string path)
    {
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        response!.Status.Should().Be(200, $"{path} should load");
    }

    /// <summary>Signs in through the sign-in page, as a person would.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await GoToAsync("/Account/Login");
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        // Wait for the form's own answer (a redirect when signed in), so a failure says what the server said.
        var answer = await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync(),
            r => r.Url.Contains("/Account/Login") && r.Request.Method == "POST");
        answer.Status.Should().Be(302, $"{email} should be signed in and redirected");
        await Page.WaitForURLAsync(url => !url.Contains("/Account/Login"), new() { WaitUntil = WaitUntilState.Commit });
    }

    public void ShouldHaveNoErrors() => _errors.Should().BeEmpty();

    /// <summary>Fails on any serious or critical WCAG violation; saves a screenshot either way.</summary>
    public async Task ShouldPassAxeAsync(string screenshotName)
    {
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{screenshotName}.png"), FullPage = true });
        var results = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}")
            .Should().BeEmpty();
    }
}

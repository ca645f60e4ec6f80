using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using SocialInfra.Tests.Infrastructure;
using Xunit;

namespace SocialInfra.Tests.Security;

/// <summary>The demo borough with the limits set low: three sign-in attempts and three workshop joins a minute.</summary>
public sealed class LimitedFactory : SocialInfraFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:SignInPerMinute", "3");
        builder.UseSetting("RateLimits:JoinPerMinute", "3");
    }
}

public class RateLimitTests(LimitedFactory app) : IClassFixture<LimitedFactory>
{
    private HttpClient Client() => app.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task A_fourth_sign_in_attempt_in_a_minute_is_refused_with_when_to_retry()
    {
        var client = Client();
        var wrong = Forms.Values(("Email", "nobody@council.test"), ("Password", "wrong"));
        for (var i = 0; i < 3; i++)
        {
            (await client.SubmitFormAsync("/Account/Login", "main form", wrong)).StatusCode.Should().Be(HttpStatusCode.OK, $"attempt {i + 1}");
        }

        var fourth = await client.SubmitFormAsync("/Account/Login", "main form", wrong);

        fourth.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        int.Parse(fourth.Headers.RetryAfter!.ToString()).Should().BeInRange(1, 60);
        (await fourth.ParseAsync()).QuerySelector("h1")!.TextContent.Should().Be("Too many attempts");
        // Reading the page is not limited, nor are other forms.
        (await client.GetAsync("/Account/Login")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_fourth_workshop_join_in_a_minute_is_refused()
    {
        var client = Client();
        for (var i = 0; i < 3; i++)
        {
            (await client.SubmitFormAsync("/join", "main form", Forms.Values(("Code", "ZZZZZZ"), ("DisplayName", "Sam")))).StatusCode
                .Should().Be(HttpStatusCode.OK, $"attempt {i + 1}");
        }

        var fourth = await client.SubmitFormAsync("/join", "main form", Forms.Values(("Code", "ZZZZZZ"), ("DisplayName", "Sam")));

        fourth.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await fourth.ParseAsync()).QuerySelector("h1")!.TextContent.Should().Be("Too many attempts");
    }
}

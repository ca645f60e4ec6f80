using FluentAssertions;
using Microsoft.Extensions.Configuration;
using SocialInfra.Tests.Infrastructure;
using SocialInfra.Web.Security;
using Xunit;

namespace SocialInfra.Tests.Security;

public class SecurityHeaderTests(SocialInfraFactory app) : IClassFixture<SocialInfraFactory>
{
    [Theory]
    [InlineData("/Map")]
    [InlineData("/api/wards?lad=E09000002")]
    [InlineData("/css/site.css")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_policy_and_the_hardening_headers(string path)
    {
        var response = await app.CreateClient().GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.Should().Contain("script-src 'self'").And.Contain("style-src 'self'").And.Contain("frame-ancestors 'none'").And.NotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().Should().Be("strict-origin-when-cross-origin");
    }

    [Fact]
    public async Task Pages_have_no_inline_scripts_or_styles()
    {
        var html = await (await app.CreateClient().GetAsync("/Gaps")).Content.ReadAsStringAsync();

        html.Should().NotContain(" style=\"").And.NotContain("<script>").And.NotContain(" onclick=");
    }

    [Fact]
    public void The_tile_server_and_the_sign_in_provider_are_the_only_other_origins()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Map:TileUrl"] = "https://{s}.tiles.example.org:8443/{z}/{x}/{y}.png",
            ["Authentication:OpenIdConnect:Authority"] = "https://login.example.com/tenant/v2.0",
        }).Build();

        var csp = SecurityHeaders.ContentSecurityPolicy(configuration);

        csp.Should().Contain("img-src 'self' data: https://*.tiles.example.org:8443;")
            .And.Contain("form-action 'self' https://login.example.com;");
    }
}

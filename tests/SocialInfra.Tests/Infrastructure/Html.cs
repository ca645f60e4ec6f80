using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SocialInfra.Tests.Infrastructure;

public static class Html
{
    /// <summary>GETs a page, expects 200 and parses it.</summary>
    public static async Task<IHtmlDocument> GetPageAsync(this SocialInfraFactory app, string url)
    {
        var response = await app.CreateClient().GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }
}

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SocialInfra.Tests.Infrastructure;

/// <summary>Fills in and sends a page's form as a browser would: every field as shown, with some values changed.</summary>
public static class Forms
{
    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>GETs a page, expecting 200, and parses it.</summary>
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return await response.ParseAsync();
    }

    /// <summary>GETs the page and submits its form, with <paramref name="values"/> replacing what the form holds for those names.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string url, string formSelector, IDictionary<string, string[]>? values = null) =>
        await client.SubmitAsync(await client.GetDocumentAsync(url), url, formSelector, values);

    public static Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IHtmlDocument page, string pageUrl, string formSelector, IDictionary<string, string[]>? values = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form {formSelector} on {pageUrl}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is "radio" or "checkbox":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }
                    break;
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is not ("submit" or "button"):
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } name } textArea:
                    fields.Add(new(name, textArea.Value));
                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } name } select:
                    var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault();
                    if (selected is not null)
                    {
                        fields.Add(new(name, selected.Value));
                    }
                    break;
            }
        }
        foreach (var (name, replacements) in values ?? new Dictionary<string, string[]>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.AddRange(replacements.Select(v => new KeyValuePair<string, string>(name, v)));
        }
        var action = form.GetAttribute("action") is { Length: > 0 } target ? target : pageUrl;
        if (string.Equals(form.GetAttribute("method"), "get", StringComparison.OrdinalIgnoreCase))
        {
            // A GET form replaces the action's query with its fields, and the fragment stays in the browser.
            var path = action.Split('#')[0].Split('?')[0];
            var query = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
            return client.GetAsync(query.Length > 0 ? $"{path}?{query}" : path);
        }
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>An antiforgery token for whoever the client is signed in as, from the sign-in page's form.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client)
    {
        var page = await client.GetDocumentAsync("/Account/Login");
        return page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
    }

    /// <summary>The error summary's messages, in order.</summary>
    public static List<string> ErrorSummary(this IHtmlDocument page) =>
        page.QuerySelectorAll("#error-summary .govuk-error-summary__list a").Select(a => a.TextContent.Trim()).ToList();

    /// <summary>The error summary's links (href) and messages.</summary>
    public static List<(string Href, string Message)> ErrorLinks(this IHtmlDocument page) =>
        page.QuerySelectorAll("#error-summary .govuk-error-summary__list a").Select(a => (a.GetAttribute("href") ?? "", a.TextContent.Trim())).ToList();

    public static Dictionary<string, string[]> Values(params (string Name, string Value)[] values) =>
        values.GroupBy(v => v.Name).ToDictionary(g => g.Key, g => g.Select(v => v.Value).ToArray());
}

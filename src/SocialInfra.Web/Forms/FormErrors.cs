using Microsoft.AspNetCore.Html;
using SocialInfra.Places;

namespace SocialInfra.Web.Forms;

/// <summary>The problems with a submitted form, each naming its field, and where on the page that field is.</summary>
public sealed class FormErrors : List<FieldError>
{
    /// <summary>Prepended to a field's name to make the id of its input, e.g. "Place_" for asp-for="Place.Name".</summary>
    public string IdPrefix { get; init; } = "";

    /// <summary>Fields whose first input has another id: a date's day box, a list's first checkbox.</summary>
    public Dictionary<string, string> Anchors { get; } = [];

    public void Add(string field, string message) => Add(new FieldError(field, message));

    public string? For(string field) => this.FirstOrDefault(e => e.Field == field)?.Message;

    public bool Has(string field) => this.Any(e => e.Field == field);

    public string Anchor(string field) => Anchors.TryGetValue(field, out var id) ? id : IdPrefix + field;

    /// <summary>The error id an input names in aria-describedby, or null when the field is fine.</summary>
    public string? DescribedBy(string field) => Has(field) ? $"{IdPrefix}{field}-error" : null;

    public string GroupClass(string field) => Has(field) ? "govuk-form-group govuk-form-group--error" : "govuk-form-group";

    /// <summary>The GOV.UK error message above a field's input.</summary>
    public IHtmlContent Message(string field)
    {
        if (For(field) is not { } message)
        {
            return HtmlString.Empty;
        }
        var html = new HtmlContentBuilder();
        html.AppendHtml($"<p class=\"govuk-error-message\" id=\"{IdPrefix}{field}-error\"><span class=\"govuk-visually-hidden\">Error:</span> ");
        html.Append(message);
        html.AppendHtml("</p>");
        return html;
    }
}

/// <summary>The model of the shared GOV.UK error summary.</summary>
public sealed record ErrorSummaryView(string Title, IEnumerable<(string Anchor, string Message)> Errors);

/// <summary>The model of the shared success banner; no message, no banner.</summary>
public sealed record SuccessBanner(string? Message);

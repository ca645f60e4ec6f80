using Microsoft.AspNetCore.Diagnostics;
using SocialInfra.Data;
using SocialInfra.Web.Api;

namespace SocialInfra.Web.Security;

/// <summary>
/// PostgreSQL text cannot hold a NUL character (U+0000), and no one types one: a query parameter with one in it is
/// answered 400, naming the parameter, before any handler sees it; so is a url-encoded form that ASP.NET Core cannot read
/// (its reader refuses a field with a NUL). Whatever still reaches the database with one
/// (a JSON body) is refused by PostgreSQL, and that is answered 400 too, not 500. Nothing is stored either way.
/// </summary>
public static class UnstorableText
{
    /// <summary>Where the status page finds the sentence to show for a page's 400.</summary>
    public const string DetailKey = "SocialInfra.StatusDetail";

    public static IApplicationBuilder UseUnstorableTextGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The status page re-executed for a 400 carries the same query: let it through.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }
        var field = FirstWithNul(context.Request.Query);
        // Only url-encoded forms: every text form is one. A multipart upload's file is the importer's to check, and its
        // form limits are the page's own, which reading it here would not apply.
        if (field is null && IsUrlEncodedForm(context.Request))
        {
            IFormCollection form;
            try
            {
                form = await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                // ASP.NET Core's form reader itself refuses a NUL in a field, without saying which field.
                await RejectAsync(context, e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest,
                    "The form could not be read",
                    "A field of the form holds a character that is not allowed, such as NUL (U+0000), or the form is not well formed. Nothing has been saved.");
                return;
            }
            field = FirstWithNul(form);
        }
        if (field is not null)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, "Text that cannot be stored",
                $"'{field}' contains a NUL character (U+0000), which cannot be stored. Remove it and try again. Nothing has been saved.");
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception e) when (SocialInfraDatabase.IsUnstorableText(e) && !context.Response.HasStarted)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, "Text that cannot be stored",
                "Some of the text sent contains a NUL character (U+0000), which cannot be stored. Remove it and try again. Nothing has been saved.");
        }
    });

    private static bool IsUrlEncodedForm(HttpRequest request) =>
        request.HasFormContentType && request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static string? FirstWithNul(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values) =>
        values.FirstOrDefault(p => p.Value.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal))).Key is { } key
            ? key.Replace("\0", "\\0", StringComparison.Ordinal)
            : null;

    private static async Task RejectAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        if (OpenDataRequests.IsData(context.Request.Path))
        {
            await Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(context);
        }
        else
        {
            // Pages: the empty response is re-executed as /Status/400, which shows this sentence.
            context.Items[DetailKey] = detail;
        }
    }
}

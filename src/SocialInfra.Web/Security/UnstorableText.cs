using Microsoft.AspNetCore.Diagnostics;
using SocialInfra.Data;
using SocialInfra.Web.Api;

namespace SocialInfra.Web.Security;

/// <summary>
/// PostgreSQL text cannot hold a NUL character (U+0000), and no one types one: a query parameter or url-encoded form
/// field with one in its name or value is answered 400, naming it, before any handler sees it (a percent-encoded NUL in
/// a form is refused by ASP.NET Core's own reader, which cannot say which field). Whatever still reaches the database with one
/// (a JSON body) is refused by PostgreSQL, and that is answered 400 too, not 500. Nothing is stored either way.
/// </summary>
public static class UnstorableText
{
    /// <summary>Where the status page finds the sentence to show for a page's 400.</summary>
    public const string DetailKey = "SocialInfra.StatusDetail";

    public static IApplicationBuilder UseUnstorableTextGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The status page re-executed for a 400 is the same request (a post keeps its form): let it through.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }
        var field = FirstWithNul(context.Request.Query);
        // Only url-encoded forms: every text form is one. A multipart upload's file is the importer's to check.
        if (field is null && IsUrlEncodedForm(context.Request))
        {
            IFormCollection form;
            try
            {
                form = await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (BadHttpRequestException e)
            {
                // Too large (413) or too slow (408): Kestrel's reason.
                await RejectAsync(context, e.StatusCode, "The form could not be read", $"{e.Message} Nothing has been saved.");
                return;
            }
            catch (InvalidDataException e)
            {
                // ASP.NET Core's reader refuses a percent-encoded NUL itself, without saying in which field; or the
                // form is over its limits (fields, key or value length).
                await RejectAsync(context, StatusCodes.Status400BadRequest, "The form could not be read", e.InnerException is InvalidOperationException
                    ? "A field of the form holds a NUL character (U+0000), which cannot be stored. Nothing has been saved."
                    : $"{e.Message} Nothing has been saved.");
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
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UnstorableText))
                .LogWarning(e, "PostgreSQL refused text sent with {Method} {Path}", context.Request.Method, context.Request.Path);
            await RejectAsync(context, StatusCodes.Status400BadRequest, "Text that cannot be stored",
                "Some of the text sent contains a NUL character (U+0000), which cannot be stored. Remove it and try again. Nothing has been saved.");
        }
    });

    private static bool IsUrlEncodedForm(HttpRequest request) =>
        request.HasFormContentType && request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>The name of the first field whose name or value holds a NUL, shown with the NUL as \0.</summary>
    private static string? FirstWithNul(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values) =>
        values.FirstOrDefault(p => HasNul(p.Key) || p.Value.Any(HasNul)).Key is { } key
            ? key.Replace("\0", "\\0", StringComparison.Ordinal)
            : null;

    private static bool HasNul(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal);

    private static async Task RejectAsync(HttpContext context, int status, string title, string detail)
    {
        // Whatever a handler had begun (headers, a content type) would stop the status page being shown.
        context.Response.Clear();
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

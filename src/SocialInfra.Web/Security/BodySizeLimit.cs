using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace SocialInfra.Web.Security;

/// <summary>
/// Request bodies are limited to a megabyte (Limits:MaxRequestBodyBytes); only the administrators' import page allows
/// more. A body whose declared length is over its endpoint's limit is answered 413 at once, before any of it is read,
/// so nobody can hold the server up sending it; Kestrel stops one that lies about its length as it arrives.
/// </summary>
public static class BodySizeLimit
{
    public const string Setting = "Limits:MaxRequestBodyBytes";
    public const long DefaultBytes = 1024 * 1024;

    public static long Bytes(IConfiguration configuration) => configuration.GetValue(Setting, DefaultBytes);

    public static WebApplicationBuilder AddBodySizeLimit(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = Bytes(builder.Configuration));
        return builder;
    }

    /// <summary>After routing, so the endpoint's own limit (the import page's) is known.</summary>
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app, IConfiguration configuration)
    {
        var general = Bytes(configuration);
        return app.Use((context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
                ?? general;
            // Not when the status page is re-executed for the 413 itself: it reads no body.
            if (context.Request.ContentLength > limit && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                context.Response.Headers.Connection = "close";
                return Task.CompletedTask;
            }
            return next(context);
        });
    }
}

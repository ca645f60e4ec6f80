using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.IO.Converters;
using SocialInfra.Accounts;
using SocialInfra.Auditing;
using SocialInfra.Data;
using SocialInfra.Geography;
using SocialInfra.Imports;
using SocialInfra.Web.Accounts;
using SocialInfra.Web.Api;
using SocialInfra.Web.Map;
using SocialInfra.Web.Resilience;
using SocialInfra.Web.Security;
using SocialInfra.Web.Workshops;

namespace SocialInfra.Web;

/// <summary>How the web host is put together; Program.cs and the tests share it.</summary>
public static class SocialInfraApp
{
    public static WebApplicationBuilder AddSocialInfra(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(SocialInfraDatabase.ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"Set the connection string ConnectionStrings:{SocialInfraDatabase.ConnectionStringName} " +
                $"(environment variable ConnectionStrings__{SocialInfraDatabase.ConnectionStringName}).");

        builder.AddBodySizeLimit();
        builder.Services.AddSingleton(_ => SocialInfraDatabase.CreateDataSource(connectionString));
        builder.Services.AddDbContext<SocialInfraDbContext>((services, options) =>
            SocialInfraDatabase.Configure(options, services.GetRequiredService<Npgsql.NpgsqlDataSource>()));
        builder.Services.Configure<MapOptions>(builder.Configuration.GetSection(MapOptions.Section));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IActor, SignedInActor>();
        builder.AddAccounts();

        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new GeoJsonConverterFactory(SpatialQueries.Factory, false, GeoJson.IdProperty));
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        builder.Services.AddHealthChecks().AddCheck<PostGisHealthCheck>("postgis").AddCheck<WorkshopEventsHealthCheck>("workshop-events");
        builder.Services.AddRazorPages(pages => pages.Conventions.AddPageRoute("/Workshops/Join", "join"))
            .AddMvcOptions(mvc => mvc.Filters.Add(new UnhandledMethod()));
        // Keys in the database: every instance can read the others' cookies and antiforgery tokens.
        builder.Services.AddDataProtection().PersistKeysToDbContext<SocialInfraDbContext>().SetApplicationName("SocialInfra");
        builder.Services.AddSignalR();
        builder.Services.AddRateLimits(builder.Configuration);
        builder.Services.AddSingleton<WorkshopBroadcaster>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WorkshopBroadcaster>());
        return builder;
    }

    /// <summary>Applies migrations and loads the demo borough when configured to (the run script and Docker do).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        // Start-up work is the system's, not a visitor's: the audit history says so.
        await using var db = ActivatorUtilities.CreateInstance<SocialInfraDbContext>(scope.ServiceProvider, new SystemActor("demo borough loader"));
        if (app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
        {
            await db.Database.MigrateAsync();
        }
        if (app.Configuration.GetValue<bool>("DemoBorough:LoadOnStartup"))
        {
            await DemoBorough.LoadAsync(db);
            app.Logger.LogInformation("Demo borough {Name} ({Code}) loaded", DemoBorough.Name, DemoBorough.Code);
        }
    }

    public static WebApplication UseSocialInfra(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        // The API answers errors with Problem Details; pages with a page that says what went wrong.
        app.UseWhen(c => OpenDataRequests.IsData(c.Request.Path), api => api.UseStatusCodePages());
        app.UseWhen(c => !OpenDataRequests.IsData(c.Request.Path), pages => pages.UseStatusCodePagesWithReExecute("/Status/{0}"));
        app.UseDatabaseOutage();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseBodySizeLimit(app.Configuration);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseUnstorableTextGuard();

        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = PostGisHealthCheck.WriteResponse });
        app.MapGroup("/api/wards").MapWards();
        app.MapGroup("/api/gaps").MapGaps();
        app.MapGroup("/api/places").MapPlaces();
        app.MapGroup("/export").MapExports();
        app.MapGroup("/openreferral").MapOpenReferral();
        app.MapGroup("/ogc").MapOgcFeatures();
        app.MapGroup("/api/workshops").MapWorkshops();
        app.MapGroup("/api/networks").MapNetworks();
        app.MapHub<WorkshopHub>(WorkshopHub.Path);
        app.MapRazorPages();
        return app;
    }
}

/// <summary>Names the signed-in user in the audit history ("Ann Officer (ann@council.example)"), else "anonymous"; outside a request, the command line.</summary>
public sealed class SignedInActor(IHttpContextAccessor http) : IActor
{
    /// <summary>The HttpContext item naming a workshop participant, who has no account.</summary>
    public const string ParticipantItem = "socialinfra:workshop-participant";

    public string Name => http.HttpContext?.User switch
    {
        null => "command line",
        { Identity: { IsAuthenticated: true, Name: { } name } } user => $"{user.DisplayName()} ({name})",
        _ when http.HttpContext.Items[ParticipantItem] is string participant => participant,
        _ => "anonymous",
    };
}

using JourneyBot.Configuration;
using JourneyBot.Protocol;
using Microsoft.AspNetCore.ResponseCompression;
using JourneyBot.Programs;

namespace JourneyBot.Map;

public static class MapSetup
{
    public static IServiceCollection AddMap(this IServiceCollection services)
    {
        services.AddSingleton(sp => MapSettings.Load(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<BotSettings>(), sp.GetService<OptionalFeatures>()));
        services.AddSingleton(sp => MapLinks.Load(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<BotSettings>(),
            sp.GetService<OptionalFeatures>(), sp.GetRequiredService<Graph.GraphSettings>().TeamsAppId));
        services.AddSingleton<MapSnapshotStore>();
        services.AddSingleton<Bot.ICommandSource, MapCommands>();
        services.AddHttpClient(nameof(TabAuthenticator), c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<MapSettings>();
            // The bot's key cache, pointed at Entra's metadata instead of the channel's: same refresh rules.
            var keys = new OpenIdKeyCache(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(TabAuthenticator)),
                sp.GetRequiredService<BotSettings>() with { OpenIdMetadataUrl = settings.OpenIdMetadataUrl },
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<OpenIdKeyCache>>());
            return new TabAuthenticator(settings, keys, sp.GetRequiredService<ILogger<TabAuthenticator>>());
        });
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "text/csv"]);
        });
        return services;
    }

    // Static assets, compression and security headers for /map and /lib only; the bot's endpoint is untouched.
    public static WebApplication MapMapTab(this WebApplication app)
    {
        app.UseWhen(http => IsTab(http.Request.Path), tab =>
        {
            tab.Use((http, next) =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
                    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors " + string.Join(' ', MapSettings.FrameAncestors);
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = http.Request.Path.StartsWithSegments("/lib") || http.Request.Path.StartsWithSegments("/map/assets") ? "public, max-age=3600" : "no-store";
                return next(http);
            });
            tab.UseResponseCompression();
            tab.UseStaticFiles();
        });
        MapEndpoints.MapMapTab(app);
        app.MapReadingUpload();
        return app;
    }

    private static bool IsTab(PathString path) => path.StartsWithSegments("/map") || path.StartsWithSegments("/lib");
}

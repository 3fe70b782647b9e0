using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Protocol;

public static class ProtocolSetup
{
    // The bot's handler (an ActivityHandler) and an IServiceUrlTrust are registered by the app.
    public static IServiceCollection AddProtocol(this IServiceCollection services)
    {
        // Read from configuration when first resolved (the app resolves it at start), so hosts and tests can
        // layer configuration up to the last moment.
        services.AddSingleton(sp => BotSettings.Load(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(new ConnectorRetryOptions());
        services.AddHttpClient(nameof(OpenIdKeyCache), c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton(sp => new OpenIdKeyCache(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(OpenIdKeyCache)), sp.GetRequiredService<BotSettings>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<OpenIdKeyCache>>()));
        services.AddSingleton<ChannelAuthenticator>();
        services.AddSingleton(sp => new ConnectorTokenProvider(
            BotCredential.For(sp.GetRequiredService<BotSettings>()), sp.GetRequiredService<TimeProvider>()));
        // Each attempt's timeout is the retry pipeline's (ConnectorRetryOptions.AttemptTimeout), not the HttpClient's.
        services.AddHttpClient(nameof(ConnectorClient), c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton(sp => new ConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ConnectorClient)),
            sp.GetRequiredService<ConnectorTokenProvider>(), sp.GetRequiredService<IServiceUrlTrust>(),
            sp.GetRequiredService<ConnectorRetryOptions>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ConnectorClient>>()));
        services.AddSingleton(sp => SendRateLimits.Load(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<SendRateLimiter>();
        services.AddSingleton<BotAdapter>();
        services.AddSingleton<IStartupFilter, AnonymousModeWarning>();
        return services;
    }

    public static IEndpointRouteBuilder MapBot(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", (HttpContext http, BotAdapter adapter) => adapter.ProcessAsync(http));
        return app;
    }

    private sealed class AnonymousModeWarning(BotSettings settings) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            if (settings.IsAnonymous)
            {
                app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("JourneyBot.Protocol")
                    .LogWarning("No MicrosoftAppId is configured: accepting unauthenticated activities from loopback callers only (local development).");
            }
            next(app);
        };
    }
}

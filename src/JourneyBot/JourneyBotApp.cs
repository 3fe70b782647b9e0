using JourneyBot.Bot;
using JourneyBot.Conversations;
using JourneyBot.Help;
using JourneyBot.Operations;
using JourneyBot.Protocol;
using JourneyBot.Storage;

namespace JourneyBot;

public static class JourneyBotApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        builder.Services.AddSingleton(TimeProvider.System);

        // First, so configuration errors surface before anything else starts.
        builder.Services.AddHostedService<StartupChecks>();
        builder.Services.AddProtocol();
        builder.Services.AddStorage();
        builder.AddTelemetry();
        builder.Services.AddSingleton(sp => new HelpLink(ReadHelpUrl(sp.GetRequiredService<IConfiguration>())));
        builder.Services.AddConversations();
        builder.Services.AddHelp();
        builder.Services.AddSingleton<ActivityHandler, JourneyBotHandler>();

        var app = builder.Build();
        app.MapBot();
        app.MapHealth();
        app.MapGet("/", () => Results.Text("JourneyBot is running. Teams talks to it at /api/messages; health at /healthz."));
        return app;
    }

    private static Uri? ReadHelpUrl(IConfiguration config)
    {
        var text = config["Bot:HelpUrl"];
        if (string.IsNullOrWhiteSpace(text)) return null;
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
            ? url
            : throw new ConfigurationException("Bot:HelpUrl must be an absolute https URL.");
    }
}

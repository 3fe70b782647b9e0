using JourneyBot.Bot;
using JourneyBot.Conversations;
using JourneyBot.Help;
using JourneyBot.Operations;
using JourneyBot.Protocol;
using JourneyBot.Storage;

namespace JourneyBot;

public static class JourneyBotApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        builder.Services.AddSingleton(TimeProvider.System);

        builder.AddProtocol();
        builder.AddStorage();
        builder.AddTelemetry();
        builder.Services.AddSingleton(new HelpLink(ReadHelpUrl(builder.Configuration)));
        builder.Services.AddConversations();
        builder.Services.AddHelp();
        builder.Services.AddSingleton<ActivityHandler, JourneyBotHandler>();
        configure?.Invoke(builder);

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

using JourneyBot.Actions;
using JourneyBot.Bot;
using JourneyBot.Charters;
using JourneyBot.Configuration;
using JourneyBot.Deletion;
using JourneyBot.Conversations;
using JourneyBot.FollowUps;
using JourneyBot.Graph;
using JourneyBot.Health;
using JourneyBot.Help;
using JourneyBot.Map;
using JourneyBot.Meetings;
using JourneyBot.MessageActions;
using JourneyBot.Operations;
using JourneyBot.People;
using JourneyBot.Pictures;
using JourneyBot.Portfolio;
using JourneyBot.Programs;
using JourneyBot.Readings;
using JourneyBot.Protocol;
using JourneyBot.Reviews;
using JourneyBot.Scheduling;
using JourneyBot.Storage;
using JourneyBot.Touchpoints;

namespace JourneyBot;

public static class JourneyBotApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        builder.Services.AddSingleton(TimeProvider.System);
        // One instance from the start: telemetry is set up on the builder, before any service can be resolved.
        var features = new OptionalFeatures();
        builder.Services.AddSingleton(features);

        // Base parts first, then the router and every capability it routes to.
        builder.Services.AddProtocol();
        builder.Services.AddStorage();
        builder.AddTelemetry(features);
        builder.Services.AddScheduling();
        builder.Services.AddGraph();
        builder.Services.AddPeople();
        builder.Services.AddBot();
        builder.Services.AddHelp();
        builder.Services.AddConversations();
        builder.Services.AddPrograms();
        builder.Services.AddTouchpoints();
        builder.Services.AddMessageActions();
        builder.Services.AddCharters();
        builder.Services.AddReviews();
        builder.Services.AddActions();
        builder.Services.AddReadings();
        builder.Services.AddFollowUps();
        builder.Services.AddMap();
        builder.Services.AddPictures();
        builder.Services.AddPortfolio();
        builder.Services.AddMeetings();
        builder.Services.AddHealth();
        builder.Services.AddDeletion();

        var app = builder.Build();
        // Resolve what configuration feeds now, so a missing or contradictory setting stops start-up with a
        // message naming the key rather than failing the first turn.
        app.Services.GetRequiredService<BotSettings>();
        app.Services.GetRequiredService<StorageTables>();
        app.Services.GetRequiredService<HelpLink>();
        app.Services.GetRequiredService<SchedulerSettings>();
        app.Services.GetRequiredService<GraphSettings>();
        app.Services.GetRequiredService<SendRateLimits>();
        app.Services.GetRequiredService<MapSettings>();
        app.Services.GetRequiredService<MapLinks>();
        // A bad optional setting turned its feature off: said once at start-up, and on /healthz from then on.
        var startup = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("JourneyBot.Startup");
        foreach (var (feature, why) in app.Services.GetRequiredService<OptionalFeatures>().Off)
        {
            startup.LogWarning("Feature {Feature} is off: {Why}", feature, why);
        }
        app.MapBot();
        app.MapHealthz();
        app.MapAboutPages();
        app.MapMapTab();
        app.MapPictures();
        app.MapPortfolio();
        app.MapMeetings();
        return app;
    }
}

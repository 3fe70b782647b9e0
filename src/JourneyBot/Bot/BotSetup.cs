using JourneyBot.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Bot;

public static class BotSetup
{
    // The router over every capability registered as an ICommandSource.
    public static IServiceCollection AddBot(this IServiceCollection services)
    {
        services.AddSingleton<CommandCatalog>();
        services.AddSingleton<ActivityHandler, JourneyBotHandler>();
        return services;
    }
}

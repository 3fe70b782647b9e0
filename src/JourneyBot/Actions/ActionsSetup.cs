using JourneyBot.Bot;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Actions;

public static class ActionsSetup
{
    public static IServiceCollection AddActions(this IServiceCollection services)
    {
        services.AddSingleton<ActionStore>();
        services.AddSingleton<ICommandSource, ActionHandler>();
        return services;
    }
}

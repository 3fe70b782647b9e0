using JourneyBot.Bot;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.MessageActions;

public static class MessageActionsSetup
{
    public static IServiceCollection AddMessageActions(this IServiceCollection services)
    {
        services.AddSingleton<LastUsedStore>();
        services.AddSingleton<ICommandSource, MessageTouchpointHandler>();
        return services;
    }
}

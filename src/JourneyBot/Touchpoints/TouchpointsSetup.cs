using JourneyBot.Bot;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Touchpoints;

public static class TouchpointsSetup
{
    public static IServiceCollection AddTouchpoints(this IServiceCollection services)
    {
        services.AddSingleton<TouchpointStore>();
        services.AddSingleton<ICommandSource, TouchpointHandler>();
        services.AddSingleton<ICommandSource, MyTouchpointsHandler>();
        return services;
    }
}

using JourneyBot.Bot;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Actions;

public static class ActionsSetup
{
    public static IServiceCollection AddActions(this IServiceCollection services)
    {
        services.AddSingleton<ActionStore>();
        services.AddSingleton<ICommandSource, ActionHandler>();
        services.AddSingleton<AssignmentWork>();
        services.AddSingleton<Scheduling.IScheduledWork>(provider => provider.GetRequiredService<AssignmentWork>());
        services.AddSingleton<Scheduling.IScheduledWork, ActionOwnerNamesWork>();
        services.AddSingleton<YouSaidWork>();
        services.AddSingleton<Scheduling.IScheduledWork>(provider => provider.GetRequiredService<YouSaidWork>());
        return services;
    }
}

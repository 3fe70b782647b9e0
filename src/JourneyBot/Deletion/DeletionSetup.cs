using JourneyBot.Bot;
using JourneyBot.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Deletion;

public static class DeletionSetup
{
    public static IServiceCollection AddDeletion(this IServiceCollection services)
    {
        services.AddSingleton<DeletionRequests>();
        services.AddSingleton<IScheduledWork, DeletionWork>();
        services.AddSingleton<ICommandSource, DeletionCommands>();
        return services;
    }
}

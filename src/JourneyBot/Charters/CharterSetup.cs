using JourneyBot.Bot;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Charters;

public static class CharterSetup
{
    public static IServiceCollection AddCharters(this IServiceCollection services)
    {
        services.AddSingleton<CharterStore>();
        services.AddSingleton<CollectionOpener>();
        services.AddSingleton<Scheduling.IScheduledWork, InvitationWork>();
        services.AddSingleton<Scheduling.IScheduledWork, NameRefreshWork>();
        services.AddSingleton<ICommandSource, CharterHandler>();
        services.AddSingleton<ICommandSource, CollectionHandler>();
        services.AddSingleton<ICommandSource, DirectoryLookupHandler>();
        services.AddSingleton<ICommandSource, MetricRowsHandler>();
        return services;
    }
}

using JourneyBot.Bot;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Readings;

public static class ReadingsSetup
{
    public static IServiceCollection AddReadings(this IServiceCollection services)
    {
        services.AddSingleton<ReadingStore>();
        services.AddSingleton<ReadingImport>();
        services.AddSingleton<ICommandSource, ReadingHandler>();
        return services;
    }
}

using JourneyBot.Bot;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Health;

public static class HealthSetup
{
    public static IServiceCollection AddHealth(this IServiceCollection services) =>
        services.AddSingleton<ICommandSource, HealthCommands>();
}

using JourneyBot.Bot;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Programs;

public static class ProgramsSetup
{
    public static IServiceCollection AddPrograms(this IServiceCollection services)
    {
        services.AddSingleton<MembershipStore>();
        services.AddSingleton<ProgramStore>();
        services.AddSingleton<ActiveProgramStore>();
        services.AddSingleton<ProgramSessions>();
        services.AddSingleton<ICommandSource, ProgramCommands>();
        return services;
    }
}

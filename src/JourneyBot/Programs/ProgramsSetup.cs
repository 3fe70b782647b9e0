using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Programs;

public static class ProgramsSetup
{
    public static IServiceCollection AddPrograms(this IServiceCollection services)
    {
        services.AddSingleton<ProgramStore>();
        return services;
    }
}

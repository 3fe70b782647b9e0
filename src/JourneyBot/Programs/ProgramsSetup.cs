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
        services.AddSingleton<ProgramCommands>();
        foreach (var name in new[] { "programs", "use", "map", "health" })
        {
            services.AddSingleton(sp => sp.GetRequiredService<ProgramCommands>().Commands().Single(c => c.Name == name));
        }
        foreach (var verb in new[] { ProgramCards.UseVerb, MapCards.PageVerb })
        {
            services.AddSingleton(sp => sp.GetRequiredService<ProgramCommands>().Verbs().Single(v => v.Verb == verb));
        }
        return services;
    }
}

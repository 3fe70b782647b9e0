using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Scheduling;

public static class SchedulingSetup
{
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddSingleton(sp => SchedulerSettings.Load(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<Scheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<Scheduler>());
        return services;
    }
}

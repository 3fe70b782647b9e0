using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JourneyBot.Scheduling;

public static class SchedulingSetup
{
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddSingleton(sp => SchedulerSettings.Load(sp.GetRequiredService<IConfiguration>()));
        // The host waits for the scheduler's drain, and a little more for the rest of shutdown.
        services.AddOptions<HostOptions>().Configure<IConfiguration>((host, config) =>
            host.ShutdownTimeout = SchedulerSettings.Load(config).Drain + TimeSpan.FromSeconds(5));
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<Completions>();
        services.AddSingleton<SendLifecycle>();
        services.AddSingleton<Scheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<Scheduler>());
        services.AddHostedService<Housekeeping>();
        return services;
    }
}

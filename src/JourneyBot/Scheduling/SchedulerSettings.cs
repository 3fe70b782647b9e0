using JourneyBot.Protocol;
using Microsoft.Extensions.Configuration;
using JourneyBot.Configuration;

namespace JourneyBot.Scheduling;

public sealed record SchedulerSettings
{
    public bool Enabled { get; init; } = true;
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromSeconds(15);
    // How long a claim holds before another instance may take the item over.
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);
    public int Parallelism { get; init; } = 64;
    public int MaxAttempts { get; init; } = 12;

    public static SchedulerSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("Scheduler");
        var settings = new SchedulerSettings
        {
            Enabled = section.GetValue("Enabled", true),
            TickInterval = TimeSpan.FromSeconds(section.GetValue("TickSeconds", 15.0)),
            Lease = TimeSpan.FromSeconds(section.GetValue("LeaseSeconds", 60.0)),
            Parallelism = section.GetValue("Parallelism", 64),
        };
        if (settings.TickInterval <= TimeSpan.Zero) throw new ConfigurationException("Scheduler:TickSeconds must be a positive number of seconds.");
        if (settings.Lease < settings.TickInterval) throw new ConfigurationException("Scheduler:LeaseSeconds must be at least Scheduler:TickSeconds.");
        if (settings.Parallelism is < 1 or > 256) throw new ConfigurationException("Scheduler:Parallelism must be between 1 and 256.");
        return settings;
    }
}

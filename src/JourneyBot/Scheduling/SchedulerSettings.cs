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
    // On shutdown, how long sends already on their way may take to be answered and marked done; the host's
    // shutdown timeout is set a little longer (see README: planned restarts).
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(8);

    public static SchedulerSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("Scheduler");
        var settings = new SchedulerSettings
        {
            Enabled = section.GetValue("Enabled", true),
            TickInterval = TimeSpan.FromSeconds(section.GetValue("TickSeconds", 15.0)),
            Lease = TimeSpan.FromSeconds(section.GetValue("LeaseSeconds", 60.0)),
            Parallelism = section.GetValue("Parallelism", 64),
            Drain = TimeSpan.FromSeconds(section.GetValue("DrainSeconds", 8.0)),
        };
        if (settings.Drain < TimeSpan.Zero || settings.Drain > TimeSpan.FromMinutes(2)) throw new ConfigurationException("Scheduler:DrainSeconds must be between 0 and 120.");
        if (settings.TickInterval <= TimeSpan.Zero) throw new ConfigurationException("Scheduler:TickSeconds must be a positive number of seconds.");
        if (settings.Lease < settings.TickInterval) throw new ConfigurationException("Scheduler:LeaseSeconds must be at least Scheduler:TickSeconds.");
        if (settings.Parallelism is < 1 or > 256) throw new ConfigurationException("Scheduler:Parallelism must be between 1 and 256.");
        return settings;
    }
}

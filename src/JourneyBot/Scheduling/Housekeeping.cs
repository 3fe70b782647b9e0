using JourneyBot.Storage;
using Microsoft.Extensions.Hosting;

namespace JourneyBot.Scheduling;

// Storage housekeeping on its own timer, beside the sends rather than inside their loop: today the sweep of
// idempotency rows the channel can no longer redeliver. Instances split the work by the scheduler's count of them.
public sealed class Housekeeping(IdempotencySweeper sweeper, Scheduler scheduler, SchedulerSettings settings,
    TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(IdempotencySweeper.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var (alive, rank) = scheduler.Instances;
            await sweeper.SweepOrLogAsync(alive, rank, stoppingToken);
        }
    }
}

using JourneyBot.Bot;
using JourneyBot.Protocol;
using JourneyBot.Storage;

namespace JourneyBot.Operations;

// Resolves every configuration-derived service before the app takes traffic, so a missing or contradictory
// setting stops start-up with a message naming the key instead of failing the first turn.
public sealed class StartupChecks(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<BotSettings>();
        services.GetRequiredService<StorageTables>();
        services.GetRequiredService<HelpLink>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

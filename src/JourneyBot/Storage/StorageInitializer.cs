using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Storage;

// Creates the tables before the app takes traffic. Failing start-up is better than answering every turn with
// a storage error: the orchestrator (or the developer) sees the reason at once. A table that goes missing later
// (storage restored or emptied under a running app) is created again on use by TableRecreation.
public sealed class StorageInitializer(StorageTables tables, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Storage that is still starting (an emulator launched alongside, a fresh account) gets a minute.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var endpoint = tables.Service.Uri.GetLeftPart(UriPartial.Authority);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                foreach (var name in StorageTables.All)
                {
                    await tables.Service.CreateTableIfNotExistsAsync(name, cancellationToken);
                }
                logger.LogInformation("Table storage ready at {Endpoint}", endpoint);
                return;
            }
            catch (Exception e) when (e is RequestFailedException or AggregateException or Azure.Identity.AuthenticationFailedException
                                      && !cancellationToken.IsCancellationRequested)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException(
                        $"Could not create the tables at {endpoint} (ConnectionStrings:Storage): {e.GetBaseException().Message}", e);
                }
                logger.LogWarning("Table storage at {Endpoint} is not answering yet (attempt {Attempt}); retrying", endpoint, attempt);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

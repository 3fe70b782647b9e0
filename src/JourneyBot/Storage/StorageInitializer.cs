using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Storage;

// Creates the tables before the app takes traffic. Failing start-up is better than answering every turn with
// a storage error: the orchestrator (or the developer) sees the reason at once.
public sealed class StorageInitializer(StorageTables tables, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            foreach (var name in StorageTables.All)
            {
                await tables.Service.CreateTableIfNotExistsAsync(name, timeout.Token);
            }
            logger.LogInformation("Table storage ready at {Endpoint}", tables.Service.Uri.GetLeftPart(UriPartial.Authority));
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException or AggregateException or Azure.Identity.AuthenticationFailedException)
        {
            throw new InvalidOperationException(
                $"Could not create the tables at {tables.Service.Uri.GetLeftPart(UriPartial.Authority)} (ConnectionStrings:Storage): {e.Message}", e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

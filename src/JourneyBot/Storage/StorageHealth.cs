using Azure;

namespace JourneyBot.Storage;

public sealed record HealthReport(bool Healthy, string Status, string? Reason);

public sealed class StorageHealth(StorageTables tables)
{
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            // One tiny point query: proves the account answers and the table exists, reads almost nothing.
            await tables.Conversations.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("healthz", "healthz", cancellationToken: timeout.Token);
            return new HealthReport(true, "ok", null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthReport(false, "unavailable", "table storage did not answer within 5 s");
        }
        catch (RequestFailedException e)
        {
            return new HealthReport(false, "unavailable", $"table storage answered {e.Status} {e.ErrorCode}".TrimEnd());
        }
        catch (Exception e) when (e is AggregateException or Azure.Identity.AuthenticationFailedException or HttpRequestException)
        {
            return new HealthReport(false, "unavailable", $"table storage is unreachable: {e.GetBaseException().Message}");
        }
    }
}

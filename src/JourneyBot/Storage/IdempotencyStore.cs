using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace JourneyBot.Storage;

// One row per inbound activity that writes, so a redelivered activity or a double-clicked submit does its work once.
public sealed class IdempotencyStore(StorageTables tables, TimeProvider clock)
{
    // A claim whose owner never finished (crashed mid-turn) may be taken over after this long.
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);
    // How long the channel may redeliver an activity; older rows are of no use and are swept (IdempotencySweeper).
    public static readonly TimeSpan RedeliveryWindow = TimeSpan.FromDays(1);
    // Rows are spread over this many partitions: the first byte of the key's hash, as two hex digits.
    public const int Partitions = 256;
    private const string Started = "started";
    private const string Done = "done";

    public sealed class IdempotencyRow : TableRow
    {
        public string State { get; set; } = Started;
        public DateTimeOffset ClaimedAt { get; set; }
    }

    // Runs work unless this activity's work already ran (or is running elsewhere). Returns whether it ran.
    public async Task<bool> RunOnceAsync(string conversationId, string activityId, Func<Task> work, CancellationToken cancellationToken)
    {
        var row = await TryClaimAsync(conversationId, activityId, cancellationToken);
        if (row is null) return false;
        try
        {
            await work();
        }
        catch
        {
            // Release the claim so the channel's redelivery can try again.
            await tables.Idempotency.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, CancellationToken.None);
            throw;
        }
        row.State = Done;
        await tables.Idempotency.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    public static string PartitionOf(int index) => index.ToString("X2");

    private async Task<IdempotencyRow?> TryClaimAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var key = $"{conversationId}|{activityId}";
        var row = new IdempotencyRow
        {
            // Spread rows over partitions by hash: redeliveries are looked up by key, never scanned.
            PartitionKey = PartitionOf(SHA256.HashData(Encoding.UTF8.GetBytes(key))[0]),
            RowKey = TableKey.Encode(key),
            ClaimedAt = clock.GetUtcNow(),
        };
        try
        {
            var response = await tables.Idempotency.AddEntityAsync(row, cancellationToken);
            row.ETag = response.Headers.ETag ?? ETag.All;
            return row;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await tables.Idempotency.GetEntityIfExistsAsync<IdempotencyRow>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            if (!existing.HasValue || existing.Value is not { } current) return null;
            if (current.State == Done || clock.GetUtcNow() - current.ClaimedAt < ClaimLease) return null;
            current.ClaimedAt = clock.GetUtcNow();
            try
            {
                var response = await tables.Idempotency.UpdateEntityAsync(current, current.ETag, TableUpdateMode.Replace, cancellationToken);
                current.ETag = response.Headers.ETag ?? ETag.All;
                return current;
            }
            catch (RequestFailedException conflict) when (conflict.Status == 412)
            {
                return null;
            }
        }
    }
}

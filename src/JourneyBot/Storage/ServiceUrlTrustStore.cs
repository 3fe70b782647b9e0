using System.Collections.Concurrent;
using Azure.Data.Tables;
using JourneyBot.Protocol;

namespace JourneyBot.Storage;

// Connector endpoints learnt from authenticated traffic, kept in a table so every instance (and a restarted
// one) may call them, and cached here so a known endpoint costs no storage call.
public sealed class ServiceUrlTrustStore(StorageTables tables, TimeProvider clock) : IServiceUrlTrust
{
    public const string Partition = "trusted";
    // Learnt on this instance; true once the table holds it too, so other instances may call it.
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

    public async Task RememberAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        var key = Normalize(serviceUrl);
        if (_known.TryGetValue(key, out var stored) && stored) return;
        // Trusted here at once, even if storage is down, so this turn can still answer (an apology at worst).
        _known.TryAdd(key, false);
        await tables.ServiceUrls.UpsertEntityAsync(new TableEntity(Partition, TableKey.Encode(key))
        {
            ["ServiceUrl"] = serviceUrl,
            ["LearntAt"] = clock.GetUtcNow(),
        }, TableUpdateMode.Replace, cancellationToken);
        _known[key] = true;
    }

    public async Task<bool> IsTrustedAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        var key = Normalize(serviceUrl);
        if (_known.ContainsKey(key)) return true;
        var row = await tables.ServiceUrls.GetEntityIfExistsAsync<TableEntity>(Partition, TableKey.Encode(key), select: ["PartitionKey"], cancellationToken);
        if (row.HasValue) _known[key] = true;
        return row.HasValue;
    }

    // The row that trusts a serviceUrl (a backup of one tenant keeps the rows its conversations need).
    public static string RowKeyFor(string serviceUrl) => TableKey.Encode(Normalize(serviceUrl));

    private static string Normalize(string serviceUrl) => serviceUrl.Trim().TrimEnd('/').ToLowerInvariant();
}

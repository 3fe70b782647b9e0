using System.Diagnostics;
using Azure;
using Azure.Data.Tables;

namespace JourneyBot.Storage;

public sealed record HealthReport(bool Healthy, string Status, string? Reason);

// Healthy means every table the app uses answers, not only the account: storage restarted empty answers fine and
// still fails every turn. A missing table is reported (503, named) and created again at once, so the next probe
// passes without waiting for a turn to need the table; the 503 is what tells operators rows were lost.
public sealed class StorageHealth(StorageTables tables)
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Budget);
        var startedAt = Stopwatch.GetTimestamp();
        // Probes look past the recreation policy: through it a missing table would be mended before it was seen.
        var service = tables.Recreation?.Direct ?? tables.Service;
        var problems = await Task.WhenAll(StorageTables.All.Select(async name =>
            (Table: name, Problem: await ProbeAsync(service.GetTableClient(name), timeout.Token, cancellationToken))));
        var failed = problems.Where(p => p.Problem is not null).ToList();
        if (failed.Count == 0) return new HealthReport(true, "ok", null);
        foreach (var (table, problem) in failed)
        {
            if (problem == Missing) tables.Recreation?.RecreateInBackground(table, startedAt);
        }
        // Storage that is down fails every table alike: say it once, with the tables it concerns.
        var reason = string.Join("; ", failed.GroupBy(p => p.Problem).Select(g => $"{string.Join(", ", g.Select(p => p.Table))}: {g.Key}"));
        return new HealthReport(false, "unavailable", "table storage: " + reason);
    }

    private const string Missing = "missing (being created again; rows it held are gone)";

    // One tiny point query per table: proves the table exists and answers, reads almost nothing. Null when fine.
    private static async Task<string?> ProbeAsync(TableClient table, CancellationToken timeout, CancellationToken aborted)
    {
        try
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>("healthz", "healthz", select: ["PartitionKey"], timeout);
            // The SDK answers "no such row" for any 404; the error code tells a missing table from a missing row.
            if (!row.HasValue && row.GetRawResponse().Headers.TryGetValue("x-ms-error-code", out var code) && code == "TableNotFound") return Missing;
            return null;
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return $"did not answer within {Budget.TotalSeconds:0} s";
        }
        catch (RequestFailedException e)
        {
            return $"answered {e.Status} {e.ErrorCode}".TrimEnd();
        }
        catch (Exception e) when (e is AggregateException or Azure.Identity.AuthenticationFailedException or HttpRequestException)
        {
            return $"unreachable: {e.GetBaseException().Message}";
        }
    }
}

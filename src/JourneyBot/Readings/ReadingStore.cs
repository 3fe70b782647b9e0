using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Storage;

namespace JourneyBot.Readings;

public sealed record StoredReading(MetricReading Reading, ETag ETag);

// A metric's figures in the program's partition, one row per metric and day ("reading|m1|20261201"). Writing is
// conditional: a figure for a day that already has one is not overwritten; the writer is told whose figure is
// there and may replace it, conditional on the version they saw.
public sealed class ReadingStore(StorageTables tables)
{
    private static readonly JsonSerializerOptions Json = ProgramFile.Options;

    // Null when added; else the figure already recorded for that day.
    public async Task<StoredReading?> AddAsync(string programId, MetricReading reading, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Programs.AddEntityAsync(Row(programId, reading), cancellationToken);
            await tables.Programs.MarkChangedAsync(programId);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Deleted in between cannot happen (readings are never deleted); read what is there to show it.
            return await GetAsync(programId, reading.MetricId, reading.On, cancellationToken)
                ?? throw new InvalidOperationException("A reading that conflicted could not be read back.");
        }
    }

    // False when the figure changed (or went) since it was seen.
    public async Task<bool> ReplaceAsync(string programId, ETag seen, MetricReading reading, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Programs.UpdateEntityAsync(Row(programId, reading), seen, TableUpdateMode.Replace, cancellationToken);
            await tables.Programs.MarkChangedAsync(programId);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    public async Task<StoredReading?> GetAsync(string programId, string metricId, DateOnly on, CancellationToken cancellationToken)
    {
        if (!PlainId.IsValid(metricId)) return null;
        var row = await tables.Programs.GetEntityIfExistsAsync<PartRow>(programId, ProgramKeys.Reading(metricId, on),
            cancellationToken: cancellationToken);
        return row.HasValue ? new StoredReading(JsonSerializer.Deserialize<MetricReading>(row.Value!.Json, Json)!, row.Value.ETag) : null;
    }

    // One metric's figures in date order (the row keys sort by day).
    public async Task<IReadOnlyList<MetricReading>> OfMetricAsync(string programId, string metricId, CancellationToken cancellationToken)
    {
        var list = new List<MetricReading>();
        if (!PlainId.IsValid(metricId)) return list;
        var (from, to) = ProgramKeys.Range($"{ProgramKeys.ReadingPrefix}{metricId}|");
        await foreach (var row in tables.Programs.QueryAsync<PartRow>(
            e => e.PartitionKey == programId && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0, cancellationToken: cancellationToken))
        {
            list.Add(JsonSerializer.Deserialize<MetricReading>(row.Json, Json)!);
        }
        return list;
    }

    private static PartRow Row(string programId, MetricReading reading) => new()
    {
        PartitionKey = programId, RowKey = ProgramKeys.Reading(reading.MetricId, reading.On),
        Json = JsonSerializer.Serialize(reading, Json), CreatedBy = reading.RecordedBy.AadObjectId,
    };
}

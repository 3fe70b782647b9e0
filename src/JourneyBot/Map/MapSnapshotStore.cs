using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Storage;

namespace JourneyBot.Map;

public sealed record MapSnapshotHeader(string Id, DateOnly TakenOn, int Touchpoints);

// Map snapshots in the Programs table, in a partition of their own per program. A snapshot is gzipped JSON cut into
// chunk rows (a 2,000-touchpoint map is far beyond one 64 KiB property); the header row is written last and names
// the chunks it stands for, so a reader never sees a half-written snapshot, and writing the same snapshot id again
// swaps the header over to the new chunks before the old ones go.
public sealed partial class MapSnapshotStore(StorageTables tables, ILogger<MapSnapshotStore> logger)
{
    public const int ChunkBytes = 60 * 1024;
    // An entity-group transaction carries at most 100 rows and 4 MiB.
    private const int ChunksPerBatch = 50;
    private static readonly JsonSerializerOptions Json = new(ProgramFile.Options) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip };

    public static string ForReview(string reviewId) => "r-" + reviewId;
    // One per program and day: sponsors who get their card the same day see the same map.
    public static string ForProgressCard(DateOnly sentOn) => $"p-{sentOn:yyyyMMdd}";

    // Saving a snapshot never fails what it goes with (a completed review, a card already delivered): the map
    // then offers that day's figures only.
    public async Task TrySaveAsync(string programId, string snapshotId, JourneyProgram program, DateOnly asOf, CancellationToken cancellationToken)
    {
        try
        {
            await SaveAsync(programId, snapshotId, MapSnapshot.Take(program, asOf), cancellationToken);
        }
        catch (Exception e) when (e is RequestFailedException or IOException)
        {
            LogNotSaved(logger, snapshotId, e.GetType().Name);
        }
    }

    public Task SaveAsync(string programId, string snapshotId, MapSnapshot snapshot,
        CancellationToken cancellationToken) =>
        SaveJsonAsync(programId, snapshotId, JsonSerializer.SerializeToUtf8Bytes(snapshot, Json), snapshot.TakenOn,
            snapshot.Touchpoints.Count, cancellationToken);

    // A snapshot's JSON as it is to be stored, for a caller that rewrites stored snapshots as JSON (erase-person), so
    // members this version does not know survive.
    public async Task SaveJsonAsync(string programId, string snapshotId, byte[] json, DateOnly takenOn, int touchpoints,
        CancellationToken cancellationToken)
    {
        var partition = ProgramKeys.SnapshotPartition(programId);
        var hash = Convert.ToHexString(SHA256.HashData(json));
        var existing = await tables.Programs.GetEntityIfExistsAsync<MapSnapshotRow>(partition, ProgramKeys.SnapshotHead(snapshotId), cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value!.Hash == hash) return;

        var gzipped = Gzip(json);
        var writeId = Guid.NewGuid().ToString("N")[..12];
        var chunks = Enumerable.Range(0, (gzipped.Length + ChunkBytes - 1) / ChunkBytes)
            .Select(i => new MapSnapshotChunkRow
            {
                PartitionKey = partition, RowKey = ProgramKeys.SnapshotChunk(snapshotId, writeId, i),
                Data = gzipped.AsSpan(i * ChunkBytes, Math.Min(ChunkBytes, gzipped.Length - i * ChunkBytes)).ToArray(),
            }).ToList();
        foreach (var batch in chunks.Chunk(ChunksPerBatch))
        {
            await tables.Programs.SubmitTransactionAsync(batch.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, c)), cancellationToken);
        }
        var header = new MapSnapshotRow
        {
            PartitionKey = partition, RowKey = ProgramKeys.SnapshotHead(snapshotId),
            TakenOn = takenOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Touchpoints = touchpoints, WriteId = writeId, Chunks = chunks.Count, Hash = hash,
        };
        await tables.Programs.UpsertEntityAsync(header, TableUpdateMode.Replace, cancellationToken);
        if (existing.HasValue) await DeleteChunksAsync(partition, snapshotId, existing.Value!.WriteId, cancellationToken);
    }

    // The snapshots a program has, oldest first: header rows only, never the chunks.
    public async Task<IReadOnlyList<MapSnapshotHeader>> ListAsync(string programId, CancellationToken cancellationToken)
    {
        var partition = ProgramKeys.SnapshotPartition(programId);
        var (from, to) = ProgramKeys.Range(ProgramKeys.SnapshotHeadPrefix);
        var list = new List<MapSnapshotHeader>();
        await foreach (var row in tables.Programs.QueryAsync<MapSnapshotRow>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0,
            select: [nameof(MapSnapshotRow.RowKey), nameof(MapSnapshotRow.TakenOn), nameof(MapSnapshotRow.Touchpoints)], cancellationToken: cancellationToken))
        {
            list.Add(new MapSnapshotHeader(row.RowKey[ProgramKeys.SnapshotHeadPrefix.Length..], DateOnly.FromDateTime(row.TakenOn), row.Touchpoints));
        }
        return list.OrderBy(h => h.TakenOn).ThenBy(h => h.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<MapSnapshot?> LoadAsync(string programId, string snapshotId, CancellationToken cancellationToken)
    {
        if (!PlainId.IsValid(snapshotId)) return null;
        var partition = ProgramKeys.SnapshotPartition(programId);
        // A header replaced between reading it and reading its chunks: read the new one once more.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var head = await tables.Programs.GetEntityIfExistsAsync<MapSnapshotRow>(partition, ProgramKeys.SnapshotHead(snapshotId), cancellationToken: cancellationToken);
            if (!head.HasValue) return null;
            var header = head.Value!;
            var chunks = await ChunksAsync(partition, snapshotId, header.WriteId, cancellationToken);
            if (chunks.Count != header.Chunks) continue;
            using var data = new MemoryStream();
            foreach (var chunk in chunks) data.Write(chunk.Data);
            data.Position = 0;
            await using var gzip = new GZipStream(data, CompressionMode.Decompress);
            return await JsonSerializer.DeserializeAsync<MapSnapshot>(gzip, Json, cancellationToken);
        }
        return null;
    }

    // Every snapshot of a program, headers first so none is readable while its chunks go.
    public async Task DeleteAllAsync(string programId, CancellationToken cancellationToken)
    {
        var partition = ProgramKeys.SnapshotPartition(programId);
        var rows = new List<TableEntity>();
        await foreach (var row in tables.Programs.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        foreach (var batch in rows.OrderBy(r => r.RowKey.StartsWith(ProgramKeys.SnapshotHeadPrefix, StringComparison.Ordinal) ? 0 : 1).Chunk(100))
        {
            await tables.Programs.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken);
        }
    }

    private async Task<List<MapSnapshotChunkRow>> ChunksAsync(string partition, string snapshotId, string writeId, CancellationToken cancellationToken)
    {
        var (from, to) = ProgramKeys.Range(ProgramKeys.SnapshotChunks(snapshotId, writeId));
        var list = new List<MapSnapshotChunkRow>();
        await foreach (var row in tables.Programs.QueryAsync<MapSnapshotChunkRow>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0, cancellationToken: cancellationToken))
        {
            list.Add(row);
        }
        return list.OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
    }

    private async Task DeleteChunksAsync(string partition, string snapshotId, string writeId, CancellationToken cancellationToken)
    {
        var old = await ChunksAsync(partition, snapshotId, writeId, cancellationToken);
        foreach (var batch in old.Chunk(100))
        {
            await tables.Programs.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken);
        }
    }

    private static byte[] Gzip(byte[] json)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(json);
        return output.ToArray();
    }

    [LoggerMessage(LogLevel.Warning, "Map snapshot {SnapshotId} was not saved ({Error}); the map offers that day's figures only")]
    private static partial void LogNotSaved(ILogger logger, string snapshotId, string error);
}

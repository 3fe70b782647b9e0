using System.IO.Compression;
using System.Text;
using Azure.Data.Tables;
using JourneyBot.Map;
using JourneyBot.Programs;

namespace JourneyBot.Admin;

// The map snapshots of one program, as stored: each header with the chunks it names, and chunks no header names.
internal sealed record StoredSnapshots(List<(TableEntity Head, List<TableEntity> Chunks)> Snapshots,
    List<List<TableEntity>> Unnamed);

// Map snapshots are gzipped JSON cut into chunk rows, so the person is looked for in the JSON, not in the rows. A
// snapshot that mentions them is written again through MapSnapshotStore (new chunks, the header swapped over, the old
// chunks deleted): the snapshot and the history it shows stay. Chunks no header names (a save or a rewrite that
// stopped half-way) are read for no map; those that mention the person are deleted.
internal static class SnapshotErasure
{
    public static async Task<StoredSnapshots> ReadAsync(TableClient programs, string programId)
    {
        var partition = ProgramKeys.SnapshotPartition(programId);
        var heads = new List<TableEntity>();
        var chunks = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        await foreach (var row in programs.QueryAsync<TableEntity>(e => e.PartitionKey == partition))
        {
            if (row.RowKey.StartsWith(ProgramKeys.SnapshotHeadPrefix, StringComparison.Ordinal)) heads.Add(row);
            else if (row.RowKey.StartsWith(ProgramKeys.SnapshotChunkPrefix, StringComparison.Ordinal))
            {
                var group = row.RowKey[..(row.RowKey.LastIndexOf('|') + 1)];
                if (!chunks.TryGetValue(group, out var list)) chunks[group] = list = [];
                list.Add(row);
            }
        }
        var named = new List<(TableEntity, List<TableEntity>)>();
        foreach (var head in heads)
        {
            var id = head.RowKey[ProgramKeys.SnapshotHeadPrefix.Length..];
            var group = ProgramKeys.SnapshotChunks(id, head.GetString(nameof(MapSnapshotRow.WriteId)) ?? "");
            named.Add((head, chunks.Remove(group, out var own) ? Ordered(own) : []));
        }
        return new StoredSnapshots(named, chunks.Values.Select(Ordered).ToList());
    }

    public static void CollectNames(StoredSnapshots stored, PersonText person)
    {
        foreach (var (_, chunks) in stored.Snapshots) person.CollectNames(Json(chunks));
        foreach (var chunks in stored.Unnamed) person.CollectNames(Json(chunks));
    }

    public static bool Mentions(StoredSnapshots stored, Func<string?, bool> mentions) =>
        stored.Snapshots.Any(s => mentions(Json(s.Chunks))) || stored.Unnamed.Any(c => mentions(Json(c)));

    // Returns the snapshots written again and the chunk rows deleted.
    public static async Task<(int Rewritten, int ChunksDeleted)> EraseAsync(TableClient programs,
        MapSnapshotStore store, string programId, PersonText person)
    {
        var stored = await ReadAsync(programs, programId);
        var rewritten = 0;
        var stale = new List<TableEntity>();
        foreach (var (head, chunks) in stored.Snapshots)
        {
            var json = Json(chunks);
            if (!person.Mentions(json)) continue;
            // A header whose chunks are not all there names a snapshot no map can read: it goes whole.
            if (chunks.Count != head.GetInt32(nameof(MapSnapshotRow.Chunks)))
            {
                stale.Add(head);
                stale.AddRange(chunks);
                continue;
            }
            if (person.Rewrite(json) is not { } replaced) continue;
            var id = head.RowKey[ProgramKeys.SnapshotHeadPrefix.Length..];
            var taken = head.GetDateTimeOffset(nameof(MapSnapshotRow.TakenOn)) ?? default;
            var takenOn = DateOnly.FromDateTime(taken.UtcDateTime);
            await store.SaveJsonAsync(programId, id, Encoding.UTF8.GetBytes(replaced), takenOn,
                head.GetInt32(nameof(MapSnapshotRow.Touchpoints)) ?? 0, CancellationToken.None);
            rewritten++;
        }
        stale.AddRange(stored.Unnamed.Where(c => person.Mentions(Json(c))).SelectMany(c => c));
        await RowChanges.ApplyAsync(programs, stale.Select(RowChange.Delete).ToList(), _ => null);
        return (rewritten, stale.Count);
    }

    // The JSON the chunks hold, as far as they go: chunks of a save that stopped half-way still show what they hold.
    public static string Json(List<TableEntity> chunks)
    {
        using var data = new MemoryStream();
        foreach (var chunk in chunks) data.Write(chunk.GetBinary(nameof(MapSnapshotChunkRow.Data)) ?? []);
        data.Position = 0;
        using var gzip = new GZipStream(data, CompressionMode.Decompress);
        using var json = new MemoryStream();
        try
        {
            gzip.CopyTo(json);
        }
        catch (InvalidDataException)
        {
        }
        catch (EndOfStreamException)
        {
        }
        return Encoding.UTF8.GetString(json.ToArray());
    }

    private static List<TableEntity> Ordered(List<TableEntity> chunks) =>
        chunks.OrderBy(c => c.RowKey, StringComparer.Ordinal).ToList();
}

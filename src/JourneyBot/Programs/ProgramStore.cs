using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Storage;

namespace JourneyBot.Programs;

public sealed class ProgramExistsException(string programId) : Exception($"A program with id '{programId}' already exists.");

// The charter and what goes with it, without the program's parts. ETag and LastEditedBy let an editor see
// that someone else changed the charter meanwhile.
public sealed record ProgramHeader(string Id, string TenantId, Charter Charter, DateOnly? CollectionOpenedOn)
{
    public ETag ETag { get; init; }
    public string? LastEditedBy { get; init; }
}

public sealed record TouchpointCounts(int Total, IReadOnlyDictionary<(string StageId, string DepartmentId), int> Cells);

// Programs in table storage: one partition per program; every read is scoped to the caller's tenant, so a
// program id from another tenant reads as "no such program".
public sealed class ProgramStore(StorageTables tables, MembershipStore memberships, TimeProvider clock)
{
    private const int MaxBatch = 100;
    private static readonly JsonSerializerOptions Json = ProgramFile.Options;
    // Each contributor's counter shard as this instance last wrote it: the ETag lets the next add skip the read.
    private readonly ConcurrentDictionary<(string Program, string Shard), CountersRow> _shards = new();

    public static string CounterShard(string aadObjectId) => $"{ProgramKeys.Counters}|{TableKey.Encode(aadObjectId)}";

    // The charter alone: one point read, for turns that need roles and the program's shape but not its parts.
    public async Task<ProgramHeader?> LoadHeaderAsync(string tenantId, string programId, CancellationToken cancellationToken)
    {
        if (!IsProgramId(programId)) return null;
        var row = await tables.Programs.GetEntityIfExistsAsync<TableEntity>(programId, ProgramKeys.Program, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetString(nameof(ProgramRow.TenantId)) == tenantId ? Header(row.Value) : null;
    }

    // Ids come from cards and commands: anything that is not a plain id cannot name a program.
    public static bool IsProgramId(string? id) => id is { Length: > 0 and <= TextLimits.Id } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public async Task<JourneyProgram?> LoadAsync(string tenantId, string programId, CancellationToken cancellationToken) =>
        (await LoadWithHeaderAsync(tenantId, programId, cancellationToken))?.Program;

    // The whole partition in one query: the charter (with its version) and every part.
    public async Task<(ProgramHeader Header, JourneyProgram Program)?> LoadWithHeaderAsync(string tenantId, string programId, CancellationToken cancellationToken)
    {
        if (!IsProgramId(programId)) return null;
        ProgramHeader? header = null;
        var touchpoints = new List<Touchpoint>();
        var actions = new List<ImprovementAction>();
        var reviews = new List<Review>();
        var updates = new List<ProgressUpdate>();
        await foreach (var entity in tables.Programs.QueryAsync<TableEntity>(e => e.PartitionKey == programId, cancellationToken: cancellationToken))
        {
            var rowKey = entity.RowKey;
            if (rowKey == ProgramKeys.Program) header = entity.GetString(nameof(ProgramRow.TenantId)) == tenantId ? Header(entity) : null;
            else if (rowKey.StartsWith(ProgramKeys.TouchpointPrefix, StringComparison.Ordinal)) touchpoints.Add(Part<Touchpoint>(entity));
            else if (rowKey.StartsWith(ProgramKeys.ActionPrefix, StringComparison.Ordinal)) actions.Add(Part<ImprovementAction>(entity));
            else if (rowKey.StartsWith(ProgramKeys.ReviewPrefix, StringComparison.Ordinal)) reviews.Add(Part<Review>(entity));
            else if (rowKey.StartsWith(ProgramKeys.ProgressPrefix, StringComparison.Ordinal)) updates.Add(Part<ProgressUpdate>(entity));
        }
        if (header is null) return null;
        return (header, new JourneyProgram
        {
            Id = programId,
            TenantId = tenantId,
            Charter = header.Charter,
            CollectionOpenedOn = header.CollectionOpenedOn,
            Touchpoints = touchpoints.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal).ToList(),
            Actions = actions,
            Reviews = reviews.OrderBy(r => r.CompletedOn).ToList(),
            ProgressUpdates = updates.OrderBy(u => u.SentOn).ToList(),
        });
    }

    private static ProgramHeader Header(TableEntity row) =>
        new(row.PartitionKey, row.GetString(nameof(ProgramRow.TenantId)), JsonSerializer.Deserialize<Charter>(row.GetString(nameof(ProgramRow.CharterJson)), Json)!,
            row.GetDateTime(nameof(ProgramRow.CollectionOpenedOn)) is { } opened ? DateOnly.FromDateTime(opened) : null)
        {
            ETag = row.ETag,
            LastEditedBy = row.GetString(nameof(ProgramRow.LastEditedBy)),
        };

    // Writes a whole program that does not exist yet (import, or a new program with its first parts).
    public async Task ImportAsync(JourneyProgram program, CancellationToken cancellationToken)
    {
        var partition = program.Id;
        var existing = await tables.Programs.GetEntityIfExistsAsync<TableEntity>(partition, ProgramKeys.Program, select: ["PartitionKey"], cancellationToken);
        if (existing.HasValue) throw new ProgramExistsException(program.Id);

        var rows = new List<ITableEntity>
        {
            new ProgramRow
            {
                PartitionKey = partition, RowKey = ProgramKeys.Program, TenantId = program.TenantId,
                CharterJson = JsonSerializer.Serialize(program.Charter, Json),
                CollectionOpenedOn = program.CollectionOpenedOn?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                CreatedAt = clock.GetUtcNow(),
            },
        };
        foreach (var shard in program.ActiveTouchpoints().GroupBy(t => t.CreatedBy.AadObjectId))
        {
            rows.Add(new CountersRow { PartitionKey = partition, RowKey = CounterShard(shard.Key), CellsJson = CellsJson(Cells(shard)) });
        }
        rows.AddRange(program.Touchpoints.Select(t => Part(partition, ProgramKeys.Touchpoint(t.Id), t, t.CreatedBy.AadObjectId)));
        rows.AddRange(program.Actions.Select(a => Part(partition, ProgramKeys.ActionPrefix + a.Id, a, null)));
        rows.AddRange(program.Reviews.Select(r => Part(partition, ProgramKeys.ReviewPrefix + r.Id, r, null)));
        rows.AddRange(program.ProgressUpdates.Select((u, i) => Part(partition, $"{ProgramKeys.ProgressPrefix}{u.SentOn:yyyyMMdd}|{TableKey.Encode(u.SponsorAadObjectId)}|{i:D4}", u, null)));

        // The program row goes in the first batch; it fails as a whole if another import raced this one.
        foreach (var batch in rows.Chunk(MaxBatch))
        {
            await tables.Programs.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken);
        }
        await memberships.WriteAsync(program.Id, program.TenantId, program.Charter, null, cancellationToken);
    }

    // Adds one touchpoint with its counters and the idempotency record in one entity-group transaction.
    // Returns false when this idempotency key was already used (a double-clicked or redelivered submit).
    public async Task<bool> AddTouchpointAsync(string programId, Touchpoint touchpoint, string idempotencyKey, CancellationToken cancellationToken)
    {
        var shardKey = CounterShard(touchpoint.CreatedBy.AadObjectId);
        var idempotencyRow = new TableEntity(programId, ProgramKeys.IdempotencyPrefix + TableKey.Encode(idempotencyKey)) { ["TouchpointId"] = touchpoint.Id };
        for (var attempt = 0; ; attempt++)
        {
            if (!_shards.TryGetValue((programId, shardKey), out var shard) || attempt > 0)
            {
                var read = await tables.Programs.GetEntityIfExistsAsync<CountersRow>(programId, shardKey, cancellationToken: cancellationToken);
                shard = read.HasValue ? read.Value! : new CountersRow { PartitionKey = programId, RowKey = shardKey, ETag = default };
            }
            var cells = ReadCells(shard.CellsJson);
            var cell = CellKey(touchpoint.StageId, touchpoint.DepartmentId);
            cells[cell] = cells.GetValueOrDefault(cell) + 1;
            var updated = new CountersRow { PartitionKey = programId, RowKey = shardKey, CellsJson = JsonSerializer.Serialize(cells) };
            var counterAction = shard.ETag == default
                ? new TableTransactionAction(TableTransactionActionType.Add, updated)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, updated, shard.ETag);
            try
            {
                var response = await tables.Programs.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, idempotencyRow),
                    new TableTransactionAction(TableTransactionActionType.Add, Part(programId, ProgramKeys.Touchpoint(touchpoint.Id), touchpoint, touchpoint.CreatedBy.AadObjectId)),
                    counterAction,
                ], cancellationToken);
                updated.ETag = response.Value[2].Headers.ETag ?? default;
                _shards[(programId, shardKey)] = updated;
                return true;
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == 0 && e.Status == 409)
            {
                return false;
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == 2 && e.Status is 409 or 412 && attempt < 10)
            {
                // Our cached counters were stale (another instance, or an edit, changed them): read and retry.
                _shards.TryRemove((programId, shardKey), out _);
            }
        }
    }

    public Task AddReviewAsync(string programId, Review review, CancellationToken cancellationToken) =>
        tables.Programs.AddEntityAsync(Part(programId, ProgramKeys.ReviewPrefix + review.Id, review, review.By.AadObjectId), cancellationToken);

    public async Task<TouchpointCounts> LoadCountsAsync(string programId, CancellationToken cancellationToken)
    {
        var total = 0;
        var cells = new Dictionary<(string, string), int>();
        var from = ProgramKeys.Counters + "|";
        var to = ProgramKeys.Counters + "}";
        await foreach (var shard in tables.Programs.QueryAsync<CountersRow>(
            e => e.PartitionKey == programId && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0, cancellationToken: cancellationToken))
        {
            foreach (var (key, count) in ReadCells(shard.CellsJson))
            {
                total += count;
                var parts = key.Split('|');
                cells[(parts[0], parts[1])] = cells.GetValueOrDefault((parts[0], parts[1])) + count;
            }
        }
        return new TouchpointCounts(total, cells);
    }

    private static PartRow Part<T>(string partition, string rowKey, T part, string? createdBy) =>
        new() { PartitionKey = partition, RowKey = rowKey, Json = JsonSerializer.Serialize(part, Json), CreatedBy = createdBy };

    private static T Part<T>(TableEntity entity) => JsonSerializer.Deserialize<T>(entity.GetString(nameof(PartRow.Json)), Json)!;

    private static string CellKey(string stageId, string departmentId) => $"{stageId}|{departmentId}";

    private static Dictionary<string, int> Cells(IEnumerable<Touchpoint> touchpoints) =>
        touchpoints.GroupBy(t => CellKey(t.StageId, t.DepartmentId)).ToDictionary(g => g.Key, g => g.Count());

    private static string CellsJson(Dictionary<string, int> cells) => JsonSerializer.Serialize(cells);

    private static Dictionary<string, int> ReadCells(string json) => JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [];
}

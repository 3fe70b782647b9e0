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

// Programs in table storage: one partition per program; every read is scoped to the caller's tenant, so a
// program id from another tenant reads as "no such program".
public sealed class ProgramStore(StorageTables tables, MembershipStore memberships, TimeProvider clock)
{
    private const int MaxBatch = 100;
    private static readonly JsonSerializerOptions Json = ProgramFile.Options;
    // The charter alone: one point read, for turns that need roles and the program's shape but not its parts.
    public async Task<ProgramHeader?> LoadHeaderAsync(string tenantId, string programId, CancellationToken cancellationToken)
    {
        if (!PlainId.IsValid(programId)) return null;
        var row = await tables.Programs.GetEntityIfExistsAsync<TableEntity>(programId, ProgramKeys.Program, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetString(nameof(ProgramRow.TenantId)) == tenantId ? Header(row.Value) : null;
    }

    public async Task<JourneyProgram?> LoadAsync(string tenantId, string programId, CancellationToken cancellationToken) =>
        (await LoadWithHeaderAsync(tenantId, programId, cancellationToken))?.Program;

    // The whole partition in one query: the charter (with its version) and every part.
    public async Task<(ProgramHeader Header, JourneyProgram Program)?> LoadWithHeaderAsync(string tenantId, string programId, CancellationToken cancellationToken)
    {
        if (!PlainId.IsValid(programId)) return null;
        ProgramHeader? header = null;
        var touchpoints = new List<Touchpoint>();
        var actions = new List<ImprovementAction>();
        var reviews = new List<Review>();
        var readings = new List<MetricReading>();
        var cards = new List<ProgressCard>();
        var perSponsor = new List<SponsorProgressRecord>();
        await foreach (var entity in tables.Programs.QueryAsync<TableEntity>(e => e.PartitionKey == programId, cancellationToken: cancellationToken))
        {
            var rowKey = entity.RowKey;
            if (rowKey == ProgramKeys.Program) header = entity.GetString(nameof(ProgramRow.TenantId)) == tenantId ? Header(entity) : null;
            else if (rowKey.StartsWith(ProgramKeys.TouchpointPrefix, StringComparison.Ordinal)) touchpoints.Add(Part<Touchpoint>(entity));
            else if (rowKey.StartsWith(ProgramKeys.ActionPrefix, StringComparison.Ordinal)) actions.Add(Part<ImprovementAction>(entity));
            else if (rowKey.StartsWith(ProgramKeys.ReviewPrefix, StringComparison.Ordinal)) reviews.Add(Part<Review>(entity));
            else if (rowKey.StartsWith(ProgramKeys.ReadingPrefix, StringComparison.Ordinal)) readings.Add(Part<MetricReading>(entity));
            else if (rowKey.StartsWith(ProgramKeys.ProgressCardPrefix, StringComparison.Ordinal)) cards.Add(Part<ProgressCard>(entity));
            else if (rowKey.StartsWith(ProgramKeys.ProgressPrefix, StringComparison.Ordinal)) perSponsor.Add(Part<SponsorProgressRecord>(entity));
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
            Readings = readings.OrderBy(r => r.On).ThenBy(r => r.MetricId, StringComparer.Ordinal).ToList(),
            // Rows kept per sponsor before cards had their own are read as the cards they were.
            ProgressUpdates = cards.Concat(SponsorProgressRecord.AsCards(perSponsor)).OrderBy(c => c.SentOn).ThenBy(c => c.Id, StringComparer.Ordinal).ToList(),
        });
    }

    // The charter and the program's summary row in one range query (the two sort next to each other).
    public async Task<(ProgramHeader Header, ProgramSummaryRow? Summary)?> LoadHeaderAndSummaryAsync(string tenantId,
        string programId, CancellationToken cancellationToken)
    {
        if (!PlainId.IsValid(programId)) return null;
        ProgramHeader? header = null;
        ProgramSummaryRow? summary = null;
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {programId} and RowKey ge {ProgramKeys.Program} and RowKey le {ProgramSummaries.RowKey}");
        await foreach (var entity in tables.Programs.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (entity.RowKey == ProgramKeys.Program)
            {
                if (entity.GetString(nameof(ProgramRow.TenantId)) != tenantId) return null;
                header = Header(entity);
            }
            else if (entity.RowKey == ProgramSummaries.RowKey) summary = Summary(entity);
        }
        return header is null ? null : (header, summary);
    }

    private static ProgramSummaryRow Summary(TableEntity row) => new()
    {
        PartitionKey = row.PartitionKey, RowKey = row.RowKey, ETag = row.ETag,
        Stale = row.GetBoolean(nameof(ProgramSummaryRow.Stale)) ?? false,
        Json = row.GetString(nameof(ProgramSummaryRow.Json)),
        ForDate = row.GetString(nameof(ProgramSummaryRow.ForDate)),
        CharterVersion = row.GetString(nameof(ProgramSummaryRow.CharterVersion)),
        Format = row.GetInt32(nameof(ProgramSummaryRow.Format)) ?? 0,
        BuiltAt = row.GetDateTimeOffset(nameof(ProgramSummaryRow.BuiltAt)),
    };

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
        rows.AddRange(program.Touchpoints.Select(t => Part(partition, ProgramKeys.Touchpoint(t.Id), t, t.CreatedBy.AadObjectId)));
        rows.AddRange(program.Actions.Select(a => Part(partition, ProgramKeys.Action(a.Id), a, null)));
        rows.AddRange(program.Reviews.Select(r => Part(partition, ProgramKeys.Review(r.Id), r, null)));
        rows.AddRange(program.Readings.Select(r => Part(partition, ProgramKeys.Reading(r.MetricId, r.On), r, r.RecordedBy.AadObjectId)));
        rows.AddRange(program.ProgressUpdates.Select(c => Part(partition, ProgramKeys.ProgressCard(c.Id), c, null)));

        // The program row goes in the first batch; it fails as a whole if another import raced this one.
        foreach (var batch in rows.Chunk(MaxBatch))
        {
            await tables.Programs.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken);
        }
        await memberships.WriteAsync(program.Id, program.TenantId, program.Charter, null, cancellationToken);
    }

    private static PartRow Part<T>(string partition, string rowKey, T part, string? createdBy) =>
        new() { PartitionKey = partition, RowKey = rowKey, Json = JsonSerializer.Serialize(part, Json), CreatedBy = createdBy };

    private static T Part<T>(TableEntity entity) => JsonSerializer.Deserialize<T>(entity.GetString(nameof(PartRow.Json)), Json)!;
}

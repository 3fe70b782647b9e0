using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Storage;

namespace JourneyBot.Charters;

public sealed class CharterChangedException(ProgramHeader latest) : Exception("The charter was changed meanwhile.")
{
    public ProgramHeader Latest { get; } = latest;
}

// Creating a program and changing its charter. Every change is conditional on the ETag the editor saw, so two
// owners editing at once never silently overwrite each other.
public sealed class CharterStore(StorageTables tables, MembershipStore memberships, ProgramStore programs, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = ProgramFile.Options;

    // Creates the program with the given id. If the id is taken, only this very create repeated (a double-clicked
    // first step: same tenant, same owner, same charter) gets that program back; any other id a client sends is
    // not the caller's to open, and the answer (null) is the same whether the id exists, elsewhere or not at all.
    public async Task<ProgramHeader?> CreateAsync(string programId, string tenantId, Charter charter, Person creator, CancellationToken cancellationToken)
    {
        var row = new ProgramRow
        {
            PartitionKey = programId, RowKey = ProgramKeys.Program, TenantId = tenantId,
            CharterJson = JsonSerializer.Serialize(charter, Json), CreatedAt = clock.GetUtcNow(), LastEditedBy = creator.DisplayName,
        };
        try
        {
            var response = await tables.Programs.AddEntityAsync(row, cancellationToken);
            await memberships.WriteAsync(programId, tenantId, charter, null, cancellationToken);
            return new ProgramHeader(programId, tenantId, charter, null) { ETag = response.Headers.ETag ?? default, LastEditedBy = creator.DisplayName };
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await programs.LoadHeaderAsync(tenantId, programId, cancellationToken);
            var sameCreate = existing is not null && existing.Charter.Owners.Any(o => o.AadObjectId == creator.AadObjectId)
                && JsonSerializer.Serialize(existing.Charter, Json) == row.CharterJson;
            return sameCreate ? existing : null;
        }
    }

    public async Task<ProgramHeader> SaveAsync(ProgramHeader seen, Charter charter, Person editor, CancellationToken cancellationToken)
    {
        var row = new TableEntity(seen.Id, ProgramKeys.Program)
        {
            [nameof(ProgramRow.CharterJson)] = JsonSerializer.Serialize(charter, Json),
            [nameof(ProgramRow.LastEditedBy)] = editor.DisplayName,
        };
        var etag = await UpdateAsync(seen, row, cancellationToken);
        await memberships.WriteAsync(seen.Id, seen.TenantId, charter, seen.Charter, cancellationToken);
        return seen with { Charter = charter, ETag = etag, LastEditedBy = editor.DisplayName };
    }

    public async Task<ProgramHeader> OpenCollectionAsync(ProgramHeader seen, Person editor, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var row = new TableEntity(seen.Id, ProgramKeys.Program)
        {
            [nameof(ProgramRow.CollectionOpenedOn)] = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            [nameof(ProgramRow.LastEditedBy)] = editor.DisplayName,
        };
        var etag = await UpdateAsync(seen, row, cancellationToken);
        return seen with { CollectionOpenedOn = today, ETag = etag, LastEditedBy = editor.DisplayName };
    }

    // Returns the row's new version, so the caller needs no read to carry on.
    private async Task<ETag> UpdateAsync(ProgramHeader seen, TableEntity changes, CancellationToken cancellationToken)
    {
        try
        {
            var response = await tables.Programs.UpdateEntityAsync(changes, seen.ETag, TableUpdateMode.Merge, cancellationToken);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            var latest = await programs.LoadHeaderAsync(seen.TenantId, seen.Id, cancellationToken);
            throw new CharterChangedException(latest ?? seen);
        }
    }
}

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

    // Creates the program with the given id, or returns the existing one if this id was already used (a
    // double-clicked first step creates one program).
    public async Task<ProgramHeader> CreateAsync(string programId, string tenantId, Charter charter, Person creator, CancellationToken cancellationToken)
    {
        var row = new ProgramRow
        {
            PartitionKey = programId, RowKey = ProgramKeys.Program, TenantId = tenantId, Name = charter.Name,
            CharterJson = JsonSerializer.Serialize(charter, Json), CreatedAt = clock.GetUtcNow(), LastEditedBy = creator.DisplayName,
        };
        try
        {
            await tables.Programs.AddEntityAsync(row, cancellationToken);
            await memberships.WriteAsync(programId, tenantId, charter, null, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already created by the first click.
        }
        return await programs.LoadHeaderAsync(tenantId, programId, cancellationToken)
            ?? throw new InvalidOperationException($"Program {programId} belongs to another tenant.");
    }

    public async Task<ProgramHeader> SaveAsync(ProgramHeader seen, Charter charter, Person editor, CancellationToken cancellationToken)
    {
        var row = new TableEntity(seen.Id, ProgramKeys.Program)
        {
            [nameof(ProgramRow.CharterJson)] = JsonSerializer.Serialize(charter, Json),
            [nameof(ProgramRow.Name)] = charter.Name,
            [nameof(ProgramRow.LastEditedBy)] = editor.DisplayName,
        };
        await UpdateAsync(seen, row, cancellationToken);
        await memberships.WriteAsync(seen.Id, seen.TenantId, charter, seen.Charter, cancellationToken);
        return (await programs.LoadHeaderAsync(seen.TenantId, seen.Id, cancellationToken))!;
    }

    public async Task<ProgramHeader> OpenCollectionAsync(ProgramHeader seen, Person editor, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var row = new TableEntity(seen.Id, ProgramKeys.Program)
        {
            [nameof(ProgramRow.CollectionOpenedOn)] = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            [nameof(ProgramRow.LastEditedBy)] = editor.DisplayName,
        };
        await UpdateAsync(seen, row, cancellationToken);
        return (await programs.LoadHeaderAsync(seen.TenantId, seen.Id, cancellationToken))!;
    }

    private async Task UpdateAsync(ProgramHeader seen, TableEntity changes, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Programs.UpdateEntityAsync(changes, seen.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            var latest = await programs.LoadHeaderAsync(seen.TenantId, seen.Id, cancellationToken);
            throw new CharterChangedException(latest ?? seen);
        }
    }
}

using Azure.Data.Tables;
using JourneyBot.Conversations;
using JourneyBot.Storage;

namespace JourneyBot.Programs;

// Which program a conversation is working on (`use <name>`), kept beside the conversation's reference.
public sealed class ActiveProgramStore(StorageTables tables)
{
    private static string RowKey(string conversationId) => "a:" + TableKey.Encode(conversationId);

    public async Task<string?> GetAsync(string? tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var row = await tables.Conversations.GetEntityIfExistsAsync<TableEntity>(ConversationStore.PartitionFor(tenantId), RowKey(conversationId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("ProgramId") : null;
    }

    public Task SetAsync(string? tenantId, string conversationId, string programId, CancellationToken cancellationToken) =>
        tables.Conversations.UpsertEntityAsync(new TableEntity(ConversationStore.PartitionFor(tenantId), RowKey(conversationId))
        {
            ["ProgramId"] = programId,
        }, TableUpdateMode.Replace, cancellationToken);
}

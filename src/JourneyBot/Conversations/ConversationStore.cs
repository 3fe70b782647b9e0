using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Protocol;
using JourneyBot.Storage;

namespace JourneyBot.Conversations;

// Conversation references for proactive messages: per conversation, and per tenant + user for personal chats.
// Written on install and when they change; this instance remembers what it has written so ordinary turns cost
// no storage call.
public sealed class ConversationStore(StorageTables tables, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ConversationReference> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _timeZones = new(StringComparer.Ordinal);

    public static string PartitionFor(string? tenantId) => "t:" + TableKey.Encode(tenantId ?? "-");
    public static string ConversationRowKey(string conversationId) => "c:" + TableKey.Encode(conversationId);
    public static string UserRowKey(string userId) => "u:" + TableKey.Encode(userId);

    // Returns true when this is a new installation (first time, or again after an uninstall), false when the
    // bot was already installed here: Teams announces one install with two activities.
    public async Task<bool> RecordInstallAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        var partition = PartitionFor(reference.TenantId);
        var rowKey = ConversationRowKey(reference.ConversationId);
        var row = new ConversationRow { PartitionKey = partition, RowKey = rowKey, Active = true, InstalledAt = clock.GetUtcNow() };
        row.CopyFrom(reference);
        bool isNew;
        var existing = await tables.Conversations.GetEntityIfExistsAsync<ConversationRow>(partition, rowKey, cancellationToken: cancellationToken);
        try
        {
            if (!existing.HasValue || existing.Value is null)
            {
                await tables.Conversations.AddEntityAsync(row, cancellationToken);
                isNew = true;
            }
            else if (!existing.Value.Active)
            {
                await tables.Conversations.UpdateEntityAsync(row, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                isNew = true;
            }
            else
            {
                isNew = false;
                if (!existing.Value.Matches(reference))
                {
                    row.InstalledAt = existing.Value.InstalledAt;
                    await tables.Conversations.UpdateEntityAsync(row, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                }
            }
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // The other install activity got there first; it owns the welcome.
            isNew = false;
        }
        await RecordUserAsync(reference, cancellationToken);
        _known[reference.ConversationId] = reference;
        return isNew;
    }

    public async Task RecordUninstallAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        _known.TryRemove(reference.ConversationId, out _);
        var partition = PartitionFor(reference.TenantId);
        var entity = new TableEntity(partition, ConversationRowKey(reference.ConversationId))
        {
            ["Active"] = false,
            ["UninstalledAt"] = clock.GetUtcNow(),
        };
        try
        {
            await tables.Conversations.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Never recorded (installed before references were kept): nothing to mark.
        }
        if (reference.ConversationType == ConversationTypes.Personal && UserKey(reference) is { } user)
        {
            entity.RowKey = UserRowKey(user);
            try
            {
                await tables.Conversations.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
            }
        }
    }

    // Called on ordinary turns: writes only when this instance has not seen the reference as it is now.
    public async Task EnsureCurrentAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(reference.ConversationId, out var known) && SameTarget(known, reference)) return;
        var row = new ConversationRow
        {
            PartitionKey = PartitionFor(reference.TenantId),
            RowKey = ConversationRowKey(reference.ConversationId),
            Active = true,
        };
        row.CopyFrom(reference);
        // Merge keeps InstalledAt written by the install.
        await tables.Conversations.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
        await RecordUserAsync(reference, cancellationToken);
        _known[reference.ConversationId] = reference;
    }

    // The personal chat through which this user can be reached, by AAD object id (or channel user id).
    public async Task<ConversationRow?> GetPersonalChatAsync(string? tenantId, string userId, CancellationToken cancellationToken)
    {
        var row = await tables.Conversations.GetEntityIfExistsAsync<ConversationRow>(PartitionFor(tenantId), UserRowKey(userId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    // A chat or channel the bot is in (installed there, or spoken to there), by conversation id; none when it is not.
    public async Task<ConversationRow?> GetConversationAsync(string? tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var row = await tables.Conversations.GetEntityIfExistsAsync<ConversationRow>(
            PartitionFor(tenantId), ConversationRowKey(conversationId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.Active ? row.Value : null;
    }

    // Where the bot can open new chats in this tenant: any conversation it was installed in there.
    public async Task<(string ServiceUrl, string BotId)?> AnyEndpointAsync(string tenantId, CancellationToken cancellationToken)
    {
        await foreach (var row in tables.Conversations.QueryAsync<ConversationRow>(
            r => r.PartitionKey == PartitionFor(tenantId) && r.Active, maxPerPage: 1, select: [nameof(ConversationRow.ServiceUrl), nameof(ConversationRow.BotId)], cancellationToken: cancellationToken))
        {
            if (row.ServiceUrl is { Length: > 0 } && row.BotId is { Length: > 0 }) return (row.ServiceUrl, row.BotId);
        }
        return null;
    }

    // A personal chat the bot opened itself: kept so the next message goes straight there.
    public Task RecordPersonalChatAsync(ConversationReference reference, CancellationToken cancellationToken) => RecordUserAsync(reference, cancellationToken);

    // The time zone Teams reports for the person (clientInfo); written when it changes.
    public async Task RecordTimeZoneAsync(string? tenantId, string aadObjectId, string timeZone, CancellationToken cancellationToken)
    {
        var key = $"{tenantId}|{aadObjectId}";
        if (_timeZones.TryGetValue(key, out var known) && known == timeZone) return;
        var row = new TableEntity(PartitionFor(tenantId), UserRowKey(aadObjectId)) { [nameof(ConversationRow.TimeZone)] = timeZone };
        await tables.Conversations.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
        _timeZones[key] = timeZone;
    }

    private async Task RecordUserAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        if (reference.ConversationType != ConversationTypes.Personal || UserKey(reference) is not { } user) return;
        var row = new ConversationRow { PartitionKey = PartitionFor(reference.TenantId), RowKey = UserRowKey(user), Active = true };
        row.CopyFrom(reference);
        await tables.Conversations.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }

    private static string? UserKey(ConversationReference reference) => reference.UserAadObjectId ?? reference.UserId;

    private static bool SameTarget(ConversationReference a, ConversationReference b) =>
        a.ServiceUrl == b.ServiceUrl && a.BotId == b.BotId && a.TenantId == b.TenantId
        && (a.ConversationType != ConversationTypes.Personal || UserKey(a) == UserKey(b));
}

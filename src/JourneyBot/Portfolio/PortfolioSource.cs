using System.Collections.Concurrent;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Graph;
using JourneyBot.Programs;
using JourneyBot.Storage;

namespace JourneyBot.Portfolio;

// Which programs a person's portfolio holds, and their rows: the programs they own, sponsor or contribute to (their
// membership rows, each checked against the program's charter as loaded), and for members of the admin group every
// program of their own tenant. Admin membership comes from the SSO token's groups claim when it lists the groups,
// else (chat, or a token with too many groups to list) from Graph, remembered for a few minutes.
public sealed class PortfolioSource(StorageTables tables, MembershipStore memberships, PortfolioSummaries summaries,
    PortfolioSettings settings, GroupMembership groups, TimeProvider clock)
{
    // The benchmark reads with the same parallelism for its floor figure.
    internal const int ParallelReads = 12;
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<(string, string), (bool Member, DateTimeOffset At)> _admins = new();

    // tokenGroups: the groups the SSO token lists, or null when it lists none (chat) or too many (overage).
    public async Task<bool> IsAdminAsync(string tenantId, string aadObjectId, IReadOnlyList<string>? tokenGroups,
        CancellationToken cancellationToken)
    {
        if (settings.AdminGroupId is not { } group) return false;
        if (tokenGroups is not null) return tokenGroups.Contains(group, StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow();
        if (_admins.TryGetValue((tenantId, aadObjectId), out var kept) && now - kept.At < Remembered)
        {
            return kept.Member;
        }
        var member = await groups.IsMemberAsync(tenantId, aadObjectId, group, cancellationToken) ?? false;
        if (_admins.Count > 10_000) _admins.Clear();
        _admins[(tenantId, aadObjectId)] = (member, now);
        return member;
    }

    public async Task<IReadOnlyList<PortfolioRow>> RowsAsync(string tenantId, string aadObjectId, bool admin,
        CancellationToken cancellationToken)
    {
        var ids = admin
            ? await TenantProgramsAsync(tenantId, cancellationToken)
            : (await memberships.ProgramsOfAsync(tenantId, aadObjectId, cancellationToken))
                .Select(m => m.RowKey).ToList();

        var rows = new ConcurrentBag<PortfolioRow>();
        await Parallel.ForEachAsync(ids.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (id, token) =>
            {
                if (await summaries.RowAsync(tenantId, id, aadObjectId, admin, token) is { } row) rows.Add(row);
            });
        return PortfolioRow.Sorted(rows);
    }

    // Every program of the tenant: the charter rows, read across partitions (only admins ask for this).
    private async Task<List<string>> TenantProgramsAsync(string tenantId, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var row in tables.Programs.QueryAsync<TableEntity>(
            e => e.RowKey == ProgramKeys.Program && e.GetString("TenantId") == tenantId,
            select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            ids.Add(row.PartitionKey);
        }
        return ids;
    }
}

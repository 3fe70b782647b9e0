using Azure;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Storage;

namespace JourneyBot.Programs;

// Which programs each person belongs to, derived from the charter and rewritten whenever the charter changes.
public sealed class MembershipStore(StorageTables tables)
{
    public async Task<IReadOnlyList<MembershipRow>> ProgramsOfAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        var list = new List<MembershipRow>();
        await foreach (var row in tables.Memberships.QueryAsync<MembershipRow>(e => e.PartitionKey == Partition(tenantId, aadObjectId), cancellationToken: cancellationToken))
        {
            list.Add(row);
        }
        return list;
    }

    // Writes only the rows the change affects: a saved charter step usually changes none.
    public async Task WriteAsync(string programId, string tenantId, Charter charter, Charter? previous, CancellationToken cancellationToken)
    {
        var renamed = previous is null || previous.Name != charter.Name;
        // An erased person's marker belongs to no program: nobody signs in as it.
        foreach (var person in ProgramRoles.Members(charter).Where(p => !ErasedPerson.Is(p)))
        {
            var roles = ProgramRoles.Of(charter, person.AadObjectId);
            if (!renamed && ProgramRoles.Of(previous!, person.AadObjectId) == roles) continue;
            await tables.Memberships.UpsertEntityAsync(new MembershipRow
            {
                PartitionKey = Partition(tenantId, person.AadObjectId),
                RowKey = programId,
                ProgramName = charter.Name,
                Roles = roles.ToString(),
            }, TableUpdateMode.Replace, cancellationToken);
        }
        if (previous is null) return;
        var stillIn = ProgramRoles.Members(charter).Select(p => p.AadObjectId).ToHashSet();
        foreach (var gone in ProgramRoles.Members(previous)
            .Where(p => !stillIn.Contains(p.AadObjectId) && !ErasedPerson.Is(p)))
        {
            await tables.Memberships.DeleteEntityAsync(Partition(tenantId, gone.AadObjectId), programId, ETag.All, cancellationToken);
        }
    }

    private static string Partition(string tenantId, string aadObjectId) =>
        TenantPartitionPrefix(tenantId) + TableKey.Encode(aadObjectId);

    // Every partition of a tenant starts with this (a backup reads them as one key range).
    public static string TenantPartitionPrefix(string tenantId) => TableKey.Encode(tenantId) + "|";
}

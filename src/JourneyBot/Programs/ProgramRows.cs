using Azure;
using Azure.Data.Tables;

namespace JourneyBot.Programs;

// Rows of the Programs table. One partition per program (PartitionKey = program id), so a whole map is one
// partition query and a touchpoint, the counters and the idempotency record change in one transaction.
public static class ProgramKeys
{
    public const string Program = "program";
    public const string Counters = "counters";
    public const string TouchpointPrefix = "tp|";
    public const string ActionPrefix = "action|";
    public const string ReviewPrefix = "review|";
    public const string ProgressPrefix = "progress|";
    public const string IdempotencyPrefix = "idem|";

    public static string Touchpoint(string id) => TouchpointPrefix + id;
}

public abstract class ProgramTableRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
}

public sealed class ProgramRow : ProgramTableRow
{
    public string TenantId { get; set; } = "";
    public string CharterJson { get; set; } = "";
    public DateTime? CollectionOpenedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? LastEditedBy { get; set; }
}

// Running totals kept beside the touchpoints so the map card never has to read 2,000 rows.
public sealed class CountersRow : ProgramTableRow
{
    // {"stageId|departmentId": count} of active touchpoints; the total is their sum.
    public string CellsJson { get; set; } = "{}";
}

// A touchpoint, an action, a review or a progress update: the part's JSON plus what queries filter on.
public sealed class PartRow : ProgramTableRow
{
    public string Json { get; set; } = "";
    public string? CreatedBy { get; set; }
    public string? LastEditedBy { get; set; }
}

// Which programs a person belongs to, and as what. PartitionKey = tenant + user; RowKey = program id.
public sealed class MembershipRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string ProgramName { get; set; } = "";
    public string Roles { get; set; } = "";
}

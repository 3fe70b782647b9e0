using Azure;
using Azure.Data.Tables;

namespace JourneyBot.Storage;

// What every typed table row carries; each row type adds only its own columns.
public abstract class TableRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
}

using Azure.Data.Tables;

namespace JourneyBot.Storage;

// Every table the app uses, in one place, so names cannot drift between writers and readers.
public sealed class StorageTables(TableServiceClient service, TableRecreation? recreation = null)
{
    public const string ConversationsName = "Conversations";
    public const string ServiceUrlsName = "ServiceUrls";
    public const string IdempotencyName = "Idempotency";
    public const string ProgramsName = "Programs";
    public const string MembershipsName = "Memberships";
    public const string ScheduleName = "Schedule";

    public static readonly IReadOnlyList<string> All = [ConversationsName, ServiceUrlsName, IdempotencyName, ProgramsName, MembershipsName, ScheduleName];

    public TableServiceClient Service { get; } = service;
    // On the service client's pipeline when the app built it (StorageConnection): missing tables come back on use.
    public TableRecreation? Recreation { get; } = recreation;
    public TableClient Conversations { get; } = service.GetTableClient(ConversationsName);
    public TableClient ServiceUrls { get; } = service.GetTableClient(ServiceUrlsName);
    public TableClient Idempotency { get; } = service.GetTableClient(IdempotencyName);
    public TableClient Programs { get; } = service.GetTableClient(ProgramsName);
    public TableClient Memberships { get; } = service.GetTableClient(MembershipsName);
    public TableClient Schedule { get; } = service.GetTableClient(ScheduleName);
}

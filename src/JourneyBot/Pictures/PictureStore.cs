using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Storage;

namespace JourneyBot.Pictures;

// A progress picture's row: whose card it belongs to (never in its URL) and the figures it draws.
public sealed class PictureRow : TableRow
{
    public string TenantId { get; set; } = "";
    public string ProgramId { get; set; } = "";
    public string Json { get; set; } = "";
}

// Progress pictures in the Programs table, in one partition of their own keyed by the picture's opaque snapshot id
// (the image endpoint knows nothing but that id), and the signing key in a row beside them.
public sealed class PictureStore(StorageTables tables, PictureSettings settings)
{
    public const string Partition = "pictures";
    private const string KeyRow = "signing-key";
    private static readonly JsonSerializerOptions Json = ProgramFile.Options;
    private byte[]? _key = settings.SigningKey;

    public async Task SaveAsync(string tenantId, string programId, string snapshotId, ProgressPicture picture,
        CancellationToken cancellationToken) =>
        await tables.Programs.UpsertEntityAsync(new PictureRow
        {
            PartitionKey = Partition, RowKey = snapshotId, TenantId = tenantId, ProgramId = programId,
            Json = JsonSerializer.Serialize(picture, Json),
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<(PictureRow Row, ProgressPicture Picture)?> LoadAsync(string snapshotId,
        CancellationToken cancellationToken)
    {
        var read = await tables.Programs.GetEntityIfExistsAsync<PictureRow>(Partition, snapshotId,
            cancellationToken: cancellationToken);
        if (!read.HasValue) return null;
        return (read.Value!, JsonSerializer.Deserialize<ProgressPicture>(read.Value!.Json, Json)!);
    }

    // A deleted program's pictures go with it.
    public async Task<int> DeleteOfAsync(string programId, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var row in tables.Programs.QueryAsync<TableEntity>(
            e => e.PartitionKey == Partition && e.GetString("ProgramId") == programId,
            select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            try
            {
                await tables.Programs.DeleteEntityAsync(Partition, row.RowKey, ETag.All, cancellationToken);
                count++;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
            }
        }
        return count;
    }

    // The setting's key, else the one kept in storage, made by whichever instance asked first.
    public async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is not null) return _key;
        var read = await tables.Programs.GetEntityIfExistsAsync<TableEntity>(Partition, KeyRow,
            cancellationToken: cancellationToken);
        if (!read.HasValue)
        {
            try
            {
                await tables.Programs.AddEntityAsync(new TableEntity(Partition, KeyRow)
                {
                    ["Key"] = RandomNumberGenerator.GetBytes(32),
                }, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
            }
            read = await tables.Programs.GetEntityIfExistsAsync<TableEntity>(Partition, KeyRow,
                cancellationToken: cancellationToken);
        }
        return _key = read.Value!.GetBinary("Key");
    }
}

using System.Text.Json;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Storage;

namespace JourneyBot.Reviews;

// Completed reviews, each with its snapshot, in the program's partition.
public sealed class ReviewStore(StorageTables tables)
{
    public Task AddAsync(string programId, Review review, CancellationToken cancellationToken) =>
        tables.Programs.AddEntityAsync(new PartRow
        {
            PartitionKey = programId, RowKey = ProgramKeys.Review(review.Id),
            Json = JsonSerializer.Serialize(review, ProgramFile.Options), CreatedBy = review.By.AadObjectId,
        }, cancellationToken);

    // Every review row of a program: held ones and those postponed or cancelled.
    public async Task<IReadOnlyList<Review>> AllAsync(string programId, CancellationToken cancellationToken)
    {
        var list = new List<Review>();
        var (from, to) = ProgramKeys.Range(ProgramKeys.ReviewPrefix);
        await foreach (var row in tables.Programs.QueryAsync<PartRow>(
            e => e.PartitionKey == programId && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0, cancellationToken: cancellationToken))
        {
            list.Add(JsonSerializer.Deserialize<Review>(row.Json, ProgramFile.Options)!);
        }
        return list;
    }
}

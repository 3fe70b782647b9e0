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
}

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

    // The day of the latest completed review, or null before the first.
    public async Task<DateOnly?> LastCompletedOnAsync(string programId, CancellationToken cancellationToken)
    {
        DateOnly? last = null;
        var (from, to) = ProgramKeys.Range(ProgramKeys.ReviewPrefix);
        await foreach (var row in tables.Programs.QueryAsync<PartRow>(
            e => e.PartitionKey == programId && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0, cancellationToken: cancellationToken))
        {
            var review = JsonSerializer.Deserialize<Review>(row.Json, ProgramFile.Options)!;
            if (last is null || review.CompletedOn > last) last = review.CompletedOn;
        }
        return last;
    }
}

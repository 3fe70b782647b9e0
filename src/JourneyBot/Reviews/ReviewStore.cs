using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Storage;

namespace JourneyBot.Reviews;

// Reviews as decided (held, postponed, cancelled), each held one with its snapshot, in the program's partition; and
// the day the review under way was started.
public sealed class ReviewStore(StorageTables tables)
{
    public Task AddAsync(string programId, Review review, CancellationToken cancellationToken) =>
        tables.Programs.AddEntityAsync(new PartRow
        {
            PartitionKey = programId, RowKey = ProgramKeys.Review(review.Id),
            Json = JsonSerializer.Serialize(review, ProgramFile.Options), CreatedBy = review.By.AadObjectId,
        }, cancellationToken);

    // When an owner first opened the review now under way: what changed from that day on makes it an update.
    public async Task MarkStartedAsync(string programId, DateOnly today, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Programs.AddEntityAsync(new TableEntity(programId, ProgramKeys.ReviewStarted) { [StartedOn] = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
    }

    public async Task<DateOnly?> StartedOnAsync(string programId, CancellationToken cancellationToken)
    {
        var row = await tables.Programs.GetEntityIfExistsAsync<TableEntity>(programId, ProgramKeys.ReviewStarted, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetDateTime(StartedOn) is { } on ? DateOnly.FromDateTime(on) : null;
    }

    public async Task ClearStartedAsync(string programId, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Programs.DeleteEntityAsync(programId, ProgramKeys.ReviewStarted, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    // The owner's note on a review, written on the version read (a concurrent change wins and is read again).
    public async Task<Review?> SaveNoteAsync(string programId, string reviewId, string? note, CancellationToken cancellationToken)
    {
        if (!PlainId.IsValid(reviewId)) return null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var read = await tables.Programs.GetEntityIfExistsAsync<PartRow>(programId, ProgramKeys.Review(reviewId), cancellationToken: cancellationToken);
            if (!read.HasValue) return null;
            var row = read.Value!;
            var review = JsonSerializer.Deserialize<Review>(row.Json, ProgramFile.Options)! with { Note = note };
            row.Json = JsonSerializer.Serialize(review, ProgramFile.Options);
            try
            {
                await tables.Programs.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return review;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
            }
        }
        throw new RequestFailedException(412, "The review kept changing.");
    }

    private const string StartedOn = "StartedOn";

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

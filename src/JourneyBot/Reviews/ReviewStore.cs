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
    public async Task AddAsync(string programId, Review review, CancellationToken cancellationToken)
    {
        await tables.Programs.AddEntityAsync(new PartRow
        {
            PartitionKey = programId, RowKey = ProgramKeys.Review(review.Id),
            Json = JsonSerializer.Serialize(review, ProgramFile.Options), CreatedBy = review.By.AadObjectId,
        }, cancellationToken);
        await tables.Programs.MarkChangedAsync(programId);
    }

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

    // The owner's note on a review, written on the version read: a concurrent change is read again and the note
    // written on top of it (the note is the whole text the owner saw and typed, so the last to save sets it). Busy
    // when others kept writing the same review past every retry; ChangedBy then says who wrote last.
    public async Task<NoteSave> SaveNoteAsync(string programId, string reviewId, string? note, Person by, CancellationToken cancellationToken)
    {
        if (!PlainId.IsValid(reviewId)) return new NoteSave(null, false, null);
        string? changedBy = null;
        for (var attempt = 0; attempt < Contention.Attempts; attempt++)
        {
            var read = await tables.Programs.GetEntityIfExistsAsync<PartRow>(programId, ProgramKeys.Review(reviewId), cancellationToken: cancellationToken);
            if (!read.HasValue) return new NoteSave(null, false, null);
            var row = read.Value!;
            var stored = JsonSerializer.Deserialize<Review>(row.Json, ProgramFile.Options)!;
            // Someone saved the same text meanwhile: it is saved.
            if (stored.Note == note) return new NoteSave(stored, false, null);
            changedBy = row.LastEditedBy;
            var review = stored with { Note = note };
            row.Json = JsonSerializer.Serialize(review, ProgramFile.Options);
            row.LastEditedBy = by.DisplayName;
            try
            {
                await tables.Programs.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                await tables.Programs.MarkChangedAsync(programId);
                return new NoteSave(review, false, null);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                await Contention.PauseAsync(attempt, cancellationToken);
            }
        }
        return new NoteSave(null, true, changedBy);
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

// How saving a review's note ended: saved (Review), no such review (nothing), or Busy with who wrote last.
public sealed record NoteSave(Review? Review, bool Busy, string? ChangedBy);

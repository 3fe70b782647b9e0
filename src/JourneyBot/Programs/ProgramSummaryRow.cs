using Azure;
using Azure.Data.Tables;
using JourneyBot.Storage;

namespace JourneyBot.Programs;

// A program at a glance, kept beside the charter row in the program's partition so that a view across many programs
// (the portfolio) reads two small rows per program, in one range query, instead of every part of each. The glance itself is the reader's business (Json); this
// row only says whether it can still be trusted: a write that can change it marks it stale once it has landed,
// and a reader rebuilds a stale, missing or outdated glance and writes it back only if nobody marked it meanwhile.
public sealed class ProgramSummaryRow : TableRow
{
    public bool Stale { get; set; }
    public string? Json { get; set; }
    // The glance depends on the day (overdue actions, reviews due) and on the charter: the day and the charter
    // row's version it was built for. A charter edit changes that version, so charter writes need no mark.
    public string? ForDate { get; set; }
    public string? CharterVersion { get; set; }
    public int Format { get; set; }
    public DateTimeOffset? BuiltAt { get; set; }
}

public static class ProgramSummaries
{
    // Sorts straight after the charter row ("program") and before every other row ("progress|..." and on), so the
    // range from one to the other holds exactly the two.
    public const string RowKey = ProgramKeys.Program + "|summary";

    // After a part of the program changed. Not cancelled with the turn, and a failure does not fail the write that
    // already landed: the glance is then at most MaxAge old, as after a crash between the two writes.
    public static async Task MarkChangedAsync(this TableClient programs, string programId)
    {
        try
        {
            await programs.UpsertEntityAsync(new TableEntity(programId, RowKey) { [nameof(ProgramSummaryRow.Stale)] = true },
                TableUpdateMode.Merge, CancellationToken.None);
        }
        catch (RequestFailedException)
        {
        }
    }

    // A glance older than this is rebuilt even when unmarked: the bound on how long a lost mark can mislead.
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);
}

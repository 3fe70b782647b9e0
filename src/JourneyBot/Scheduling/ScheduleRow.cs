using JourneyBot.Storage;

namespace JourneyBot.Scheduling;

// A future send in the Schedule table. PartitionKey = the minute it is due ("due|yyyyMMddHHmm"), so a tick
// reads a range of past minutes and never the future; RowKey = a four-hex-digit spread + the item id, so
// instances start reading at different places and rarely race for the same rows. Done rows are deleted.
public sealed class ScheduleRow : TableRow
{
    public string Kind { get; set; } = "";
    public string Payload { get; set; } = "";
    public string TenantId { get; set; } = "";
    // Whom the send goes to (a person or a conversation): the unit Teams rate-limits.
    public string Audience { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    // Equal to DueAt until claimed; a claim moves it forward, so one filter finds what is due and unclaimed.
    public DateTimeOffset LeaseUntil { get; set; }
    public string? ClaimedBy { get; set; }
    public int Attempts { get; set; }
}

// What a scheduled send carries; the kind picks the work that performs it.
public sealed record ScheduledItem(string Id, string Kind, DateTimeOffset DueAt, string TenantId, string Audience, string Payload)
{
    public int Attempts { get; init; }
}

public sealed class ClaimLostException() : Exception("Another instance took this scheduled item over.");

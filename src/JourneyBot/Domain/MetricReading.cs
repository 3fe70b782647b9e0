namespace JourneyBot.Domain;

public enum ReadingSource { Typed, Imported, Link }

// One figure of a metric, for the day it describes. A metric has at most one reading per day: a second figure
// for the same day replaces the first (the storage key is metric + day), so imports stay idempotent.
public sealed record MetricReading
{
    public required string MetricId { get; init; }
    public required decimal Value { get; init; }
    public required DateOnly On { get; init; }
    public required Person RecordedBy { get; init; }
    public ReadingSource Source { get; init; } = ReadingSource.Typed;
    // Where the figure can be checked (a dashboard or report); required for Link readings, allowed for the others.
    public string? Link { get; init; }
    public DateTimeOffset? RecordedAt { get; init; }
}

using System.Text.Json;
using JourneyBot.Domain;
using JourneyBot.Scheduling;

namespace JourneyBot.Outreach;

// The payloads of the scheduled items this feature writes.
public static class FollowUpItems
{
    public const string PlanKind = "plan";
    public const string DigestKind = "digest";
    public const string ProgressKind = "progress";
    // Planned here with the day's follow-ups; the charter's work reads the names again.
    public const string NamesKind = "names";
    public const string ActionOwnerNamesKind = "names.actions";

    public static readonly JsonSerializerOptions Json = ProgramFile.Options;

    // A program's daily planning; the first one starts its follow-ups.
    public static ScheduledItem PlanItem(string tenantId, string programId, DateTimeOffset at) =>
        new(ScheduledItemIds.Plan(programId, at), PlanKind, at, tenantId, programId, JsonSerializer.Serialize(new PlanPayload(programId), Json));
}

public sealed record PlanPayload(string ProgramId);

// One nudge or reminder inside a person's digest for a day.
public sealed record DigestEntry(string Key, FollowUpKind Kind, string ProgramId, string ProgramName, string Text, Person Recipient)
{
    public string? DepartmentId { get; init; }
    public string? ActionId { get; init; }
    // A metric's reading: the metric and the day its figure fell due.
    public string? MetricId { get; init; }
    public DateOnly? DueOn { get; init; }
}

public sealed record DigestPayload(IReadOnlyList<DigestEntry> Entries);

// One sponsor's copy of a progress card; the copies of one card share its CardId (items queued before cards had
// ids carry none, and take it from their key).
public sealed record ProgressPayload(string ProgramId, Person Sponsor, string Key, string? CardId = null)
{
    public string Card() => CardId ?? (Key.Split('|') is ["progress", var period, ..] ? CadenceCardId(period) : Key);

    // The card of the n-th review cadence since collection opened.
    public static string CadenceCardId(string period) => $"cadence-{period}";

    // A card an owner sent out of turn, named by the minute of the click.
    public static string SentNowCardId(DateTimeOffset at) => $"now-{at.UtcDateTime:yyyyMMddHHmm}";
}

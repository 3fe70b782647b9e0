using JourneyBot.Domain;
using JourneyBot.Storage;

namespace JourneyBot.Admin;

// What an erasure changed, per table, as erase-person prints it.
internal sealed class ErasureReport(int programs)
{
    public ChangeTally Programs { get; set; } = ChangeTally.None;
    public int Snapshots { get; set; }
    public int StaleChunks { get; set; }
    public ChangeTally Schedule { get; set; } = ChangeTally.None;
    public ChangeTally Memberships { get; set; } = ChangeTally.None;
    public ChangeTally Conversations { get; set; } = ChangeTally.None;
    public ChangeTally Idempotency { get; set; } = ChangeTally.None;
    public ChangeTally ServiceUrls { get; set; } = ChangeTally.None;

    public int Failed => Programs.Failed + Schedule.Failed + Memberships.Failed + Conversations.Failed
        + Idempotency.Failed + ServiceUrls.Failed;

    public IEnumerable<string> Lines()
    {
        var snapshots = Snapshots + StaleChunks == 0 ? "" :
            $"; {Words.Count(Snapshots, "map snapshot")} written again" +
            (StaleChunks == 0 ? "" : $", {Words.Count(StaleChunks, "stale snapshot chunk")} deleted");
        yield return $"{StorageTables.ProgramsName} ({Words.Count(programs, "program")} of the tenant): " +
            $"{Text(Programs)}{snapshots}";
        yield return $"{StorageTables.ScheduleName}: {Text(Schedule)}";
        yield return $"{StorageTables.MembershipsName}: {Text(Memberships)}";
        yield return $"{StorageTables.ConversationsName}: {Text(Conversations)}";
        yield return $"{StorageTables.IdempotencyName}: {Text(Idempotency)}";
        yield return $"{StorageTables.ServiceUrlsName}: {Text(ServiceUrls)}";
    }

    private static string Text(ChangeTally t)
    {
        var parts = new List<string>();
        if (t.Rewritten > 0) parts.Add($"{Words.Count(t.Rewritten, "row")} rewritten");
        if (t.Rekeyed > 0) parts.Add($"{Words.Count(t.Rekeyed, "row")} moved to the marker's key");
        if (t.Deleted > 0) parts.Add($"{Words.Count(t.Deleted, "row")} deleted");
        if (t.Failed > 0) parts.Add($"{Words.Count(t.Failed, "row")} not changed (changed meanwhile)");
        return parts.Count == 0 ? "nothing to change" : string.Join(", ", parts);
    }
}

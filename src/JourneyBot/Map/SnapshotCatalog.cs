using JourneyBot.Domain;
using static JourneyBot.Map.Html;

namespace JourneyBot.Map;

// One moment the map can be seen at or compared with. HasMap: the map itself was kept (MapSnapshotStore);
// otherwise only the figures kept on the review or progress card (before map snapshots existed).
public sealed record SnapshotEntry(string Id, string Label, DateOnly TakenOn, bool HasMap, Snapshot? Figures);

// What the map page loaded for the filter: the program's stored map snapshots, and the one to draw (At) and the
// one to compare with (Since), where the filter names them.
public sealed record StoredSnapshots(IReadOnlyList<MapSnapshotHeader> Headers, MapSnapshot? At = null, MapSnapshot? Since = null)
{
    public static readonly StoredSnapshots None = new([]);
}

public static class SnapshotCatalog
{
    // Every moment of a program, oldest first: stored maps, and the figures of reviews and progress cards that
    // have no stored map (one per card day: every sponsor's card that day shows the same program).
    public static IReadOnlyList<SnapshotEntry> Of(JourneyProgram program, IReadOnlyList<MapSnapshotHeader> stored)
    {
        var reviews = program.Reviews.Where(r => r.Snapshot is not null).ToDictionary(r => MapSnapshotStore.ForReview(r.Id), r => r.Snapshot!, StringComparer.Ordinal);
        var cards = program.ProgressUpdates.Where(u => u.Snapshot is not null).GroupBy(u => u.SentOn)
            .ToDictionary(g => MapSnapshotStore.ForProgressCard(g.Key), g => g.First().Snapshot!, StringComparer.Ordinal);
        var entries = stored.Select(h => new SnapshotEntry(h.Id, LabelOf(h.Id, h.TakenOn), h.TakenOn, true,
            reviews.GetValueOrDefault(h.Id) ?? cards.GetValueOrDefault(h.Id))).ToList();
        var kept = stored.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        entries.AddRange(reviews.Where(r => !kept.Contains(r.Key)).Select(r => new SnapshotEntry(r.Key, LabelOf(r.Key, r.Value.TakenOn), r.Value.TakenOn, false, r.Value)));
        entries.AddRange(cards.Where(c => !kept.Contains(c.Key)).Select(c => new SnapshotEntry(c.Key, LabelOf(c.Key, c.Value.TakenOn), c.Value.TakenOn, false, c.Value)));
        return entries.OrderBy(e => e.TakenOn).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
    }

    private static string LabelOf(string id, DateOnly takenOn) =>
        (id.StartsWith("r-", StringComparison.Ordinal) ? "Review completed " : "Progress card ") + Date(takenOn);
}

using JourneyBot.Domain;

namespace JourneyBot.Map;

// Touchpoints that look like the same contact made twice by different departments: same stage, same channel and
// mostly the same words. Shown for owners to judge; it is not a health verdict.
public static class Lookalikes
{
    private const double SimilarWords = 0.5;

    public static Dictionary<string, string> Find(IReadOnlyList<Touchpoint> active)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in active.GroupBy(t => (t.StageId, t.Channel)))
        {
            var items = group.Select(t => (t, Words: WordsOf(t.CustomerAction))).ToList();
            for (var i = 0; i < items.Count; i++)
            {
                for (var j = i + 1; j < items.Count; j++)
                {
                    var (a, b) = (items[i], items[j]);
                    if (a.t.DepartmentId == b.t.DepartmentId || Jaccard(a.Words, b.Words) < SimilarWords) continue;
                    found.TryAdd(a.t.Id, b.t.Id);
                    found.TryAdd(b.t.Id, a.t.Id);
                }
            }
        }
        return found;
    }

    private static HashSet<string> WordsOf(string text) =>
        text.ToLowerInvariant().Split([' ', ',', '.', ';', ':', '-', '/', '(', ')', '!', '?'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 2).ToHashSet(StringComparer.Ordinal);

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var common = a.Count(b.Contains);
        return (double)common / (a.Count + b.Count - common);
    }
}

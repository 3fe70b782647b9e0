using JourneyBot.Domain;

namespace JourneyBot.Map;

// Touchpoints that look like the same contact made twice by different departments: same stage, same channel and
// mostly the same words. Shown for owners to judge; it is not a health verdict.
public static class Lookalikes
{
    private const double SimilarWords = 0.5;
    private static readonly char[] Separators = [' ', ',', '.', ';', ':', '-', '/', '(', ')', '!', '?', '"', '\''];

    public static Dictionary<string, string> Find(IReadOnlyList<Touchpoint> active)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        // Words as sorted numbers, so comparing two touchpoints is one merge, not set lookups (a large program
        // compares thousands of pairs per page).
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in active.GroupBy(t => (t.StageId, t.Channel)))
        {
            var items = group.Select(t => (t, Words: WordsOf(t.CustomerAction, vocabulary))).ToList();
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

    private static int[] WordsOf(string text, Dictionary<string, int> vocabulary)
    {
        var ids = new SortedSet<int>();
        foreach (var word in text.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length <= 2) continue;
            if (!vocabulary.TryGetValue(word, out var id)) vocabulary[word] = id = vocabulary.Count;
            ids.Add(id);
        }
        return [.. ids];
    }

    private static double Jaccard(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)common / (a.Length + b.Length - common);
    }
}

using System.Text.RegularExpressions;

namespace JourneyBot.Tests.Architecture;

// Which top-level folders of the app each folder refers to, read from the source: `using JourneyBot.X` (plain,
// static or aliased), `JourneyBot.X.` written out, and `X.Type` where Type is declared in folder X. Comments and
// string literals are skipped. Every folder is its own namespace, so these are all the ways one can reach another.
public sealed partial class FolderReferences
{
    // folder -> folder it refers to -> the files that do.
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Edges { get; }

    private FolderReferences(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> edges) =>
        Edges = edges;

    public static FolderReferences OfDirectory(string root) =>
        Of(Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(rel => rel.Contains('/') && !rel.StartsWith("bin/", StringComparison.Ordinal)
                && !rel.StartsWith("obj/", StringComparison.Ordinal))
            .Select(rel => (rel, File.ReadAllText(Path.Combine(root, rel)))));

    // files: path relative to the app's root ("Folder/File.cs") and its text.
    public static FolderReferences Of(IEnumerable<(string Path, string Text)> files)
    {
        var sources = files.Select(f => (f.Path, Folder: f.Path[..f.Path.IndexOf('/')], Code: Strip(f.Text))).ToList();
        var folders = sources.Select(s => s.Folder).ToHashSet(StringComparer.Ordinal);
        var typesByFolder = sources.GroupBy(s => s.Folder)
            .ToDictionary(g => g.Key, g => g.SelectMany(s => Declared().Matches(s.Code).Select(m => m.Groups[1].Value))
                .ToHashSet(StringComparer.Ordinal));
        var edges = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        foreach (var (path, folder, code) in sources)
        {
            var referred = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match m in Qualified().Matches(code)) referred.Add(m.Groups[1].Value);
            foreach (Match m in Partial().Matches(code))
            {
                if (typesByFolder.TryGetValue(m.Groups[1].Value, out var types) && types.Contains(m.Groups[2].Value))
                {
                    referred.Add(m.Groups[1].Value);
                }
            }
            foreach (var target in referred.Where(t => t != folder && folders.Contains(t)))
            {
                var byTarget = edges.TryGetValue(folder, out var e) ? e : edges[folder] = new(StringComparer.Ordinal);
                (byTarget.TryGetValue(target, out var list) ? list : byTarget[target] = []).Add(path);
            }
        }
        return new FolderReferences(edges.ToDictionary(e => e.Key,
            e => (IReadOnlyDictionary<string, IReadOnlyList<string>>)e.Value.ToDictionary(
                t => t.Key, t => (IReadOnlyList<string>)t.Value),
            StringComparer.Ordinal));
    }

    public IReadOnlyCollection<string> From(string folder) =>
        Edges.TryGetValue(folder, out var e) ? (IReadOnlyCollection<string>)e.Keys : [];

    // Groups of two or more folders among `within` that refer to each other in a circle (strongly connected).
    public IReadOnlyList<IReadOnlyList<string>> Cycles(IReadOnlySet<string> within)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var found = new List<IReadOnlyList<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in From(v).Where(within.Contains))
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var group = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); group.Add(x); } while (x != v);
            if (group.Count > 1) found.Add(group.Order(StringComparer.Ordinal).ToList());
        }
        foreach (var v in within.Order(StringComparer.Ordinal)) if (!index.ContainsKey(v)) Visit(v);
        return found;
    }

    // Comments, then string and char literals (verbatim, raw and interpolated alike) become blanks.
    private static string Strip(string code)
    {
        code = BlockComment().Replace(code, " ");
        code = RawString().Replace(code, "\"\"");
        code = VerbatimString().Replace(code, "\"\"");
        code = PlainString().Replace(code, "\"\"");
        code = CharLiteral().Replace(code, "' '");
        return LineComment().Replace(code, "");
    }

    [GeneratedRegex(@"\b(?:class|record|struct|enum|interface)\s+(?:class\s+|struct\s+)?([A-Z]\w*)")]
    private static partial Regex Declared();

    [GeneratedRegex(@"\bJourneyBot\.([A-Z]\w*)")]
    private static partial Regex Qualified();

    // X.Type not preceded by a dot or an identifier character: a partially qualified name, not a member access.
    [GeneratedRegex(@"(?<![\w.])([A-Z]\w*)\.([A-Z]\w*)")]
    private static partial Regex Partial();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"")]
    private static partial Regex RawString();

    [GeneratedRegex("\\$?@\\$?\"(?:[^\"]|\"\")*\"")]
    private static partial Regex VerbatimString();

    [GeneratedRegex("\"(?:[^\"\\\\\\n]|\\\\.)*\"")]
    private static partial Regex PlainString();

    [GeneratedRegex(@"'(?:[^'\\\n]|\\.)'")]
    private static partial Regex CharLiteral();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();
}

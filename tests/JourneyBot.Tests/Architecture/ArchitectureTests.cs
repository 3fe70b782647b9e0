using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Architecture;

// The app's folders as the README draws them: base folders that know no capability, and capabilities that build
// on each other in one direction only.
public sealed class ArchitectureTests
{
    private static readonly HashSet<string> BaseFolders = new(StringComparer.Ordinal)
    {
        "Domain", "Protocol", "Storage", "Cards", "Scheduling", "Configuration",
    };

    private static readonly string App = Path.Combine(RepoPaths.Root, "src", "JourneyBot");

    private static HashSet<string> Folders() =>
        Directory.GetDirectories(App).Select(Path.GetFileName).OfType<string>()
            .Where(d => Directory.EnumerateFiles(Path.Combine(App, d), "*.cs", SearchOption.AllDirectories).Any()
                        && d is not ("bin" or "obj")).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void NoBaseFolderReferencesACapability()
    {
        var references = FolderReferences.OfDirectory(App);
        var capabilities = Folders().Except(BaseFolders).ToHashSet();

        var wrong = BaseFolders.SelectMany(b => references.From(b).Where(capabilities.Contains)
            .Select(c => $"{b} -> {c} ({string.Join(", ", references.Edges[b][c])})")).ToList();

        Assert.True(capabilities.Count >= 10, $"{capabilities.Count} capabilities found under {App}");
        Assert.True(wrong.Count == 0, "Base folders that reference a capability:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void NoCapabilitiesReferenceEachOtherInACycle()
    {
        var references = FolderReferences.OfDirectory(App);
        var capabilities = Folders().Except(BaseFolders).ToHashSet();

        var cycles = references.Cycles(capabilities).Select(group => string.Join("; ", group.SelectMany(from =>
            group.Where(to => references.From(from).Contains(to))
                .Select(to => $"{from} -> {to} ({references.Edges[from][to][0]})")))).ToList();

        Assert.True(cycles.Count == 0, "Folders in a cycle:\n" + string.Join("\n", cycles));
    }

    // The reading itself: each way of referring is found, and what is not a reference is not.
    [Fact]
    public void ReferencesAreReadFromUsingsQualifiedNamesAndPartialNamesButNotFromTextOrMembers()
    {
        var references = FolderReferences.Of([
            ("A/One.cs", "using JourneyBot.B;\nnamespace JourneyBot.A;\npublic class One { }"),
            ("B/Two.cs", "namespace JourneyBot.B;\npublic class Two { object x = C.Three.Make(); }"),
            ("C/Three.cs", "namespace JourneyBot.C;\npublic class Three { string s = \"JourneyBot.D\"; " +
                "/* JourneyBot.A */ int n = D.Count; }"),
            ("D/Four.cs", "namespace JourneyBot.D;\n// using JourneyBot.A;\npublic class Four { " +
                "void F() => JourneyBot.A.One.ToString(); }"),
        ]);

        Assert.Equal(["B"], references.From("A"));
        Assert.Equal(["C"], references.From("B"));
        Assert.Empty(references.From("C"));
        Assert.Equal(["A"], references.From("D"));
        Assert.Empty(references.Cycles(new HashSet<string> { "A", "B", "C", "D" }));

        var circle = FolderReferences.Of([
            ("A/One.cs", "using JourneyBot.B;\nnamespace JourneyBot.A;\npublic class One { }"),
            ("B/Two.cs", "using static JourneyBot.A.One;\nnamespace JourneyBot.B;\npublic class Two { }"),
        ]);
        Assert.Equal([["A", "B"]], circle.Cycles(new HashSet<string> { "A", "B" }));
    }
}

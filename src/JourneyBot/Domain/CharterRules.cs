using System.Text.RegularExpressions;

namespace JourneyBot.Domain;

// The guardrails that keep a program from starting without a clear objective and scope.
public static partial class CharterRules
{
    public const int MinStages = 2;
    public const int MaxStages = 12;
    public const int MinDepartments = 2;

    // What still blocks collection, each phrased to finish "Before collection can open, add ...".
    public static IReadOnlyList<string> MissingForCollection(Charter charter)
    {
        var missing = new List<string>();
        if (charter.Journey is null || string.IsNullOrWhiteSpace(charter.Journey.StartTrigger)
            || string.IsNullOrWhiteSpace(charter.Journey.End))
        {
            missing.Add("the journey it maps: what starts it and how it ends");
        }
        if (!IsStatement(charter.Objective)) missing.Add("an objective");
        if (!IsStatement(charter.DefinitionOfDone)) missing.Add("a definition of done");
        if (!charter.Metrics.Any(m => m.Kind == MetricKind.Outcome && m.Target is not null))
        {
            missing.Add("at least one outcome metric with a target");
        }
        if (SponsorsOtherThanOwners(charter).Count == 0) missing.Add("at least one sponsor");
        if (charter.Departments.Count < MinDepartments)
        {
            missing.Add($"at least {MinDepartments} departments (now {charter.Departments.Count})");
        }
        var withoutContact = charter.Departments.Where(d => d.Contacts.Count == 0).Select(d => d.Name).ToList();
        if (withoutContact.Count > 0) missing.Add($"a contact for {string.Join(", ", withoutContact)}");
        if (charter.Personas.Count == 0) missing.Add("at least one persona");
        if (charter.Stages.Count is < MinStages or > MaxStages)
        {
            missing.Add($"between {MinStages} and {MaxStages} stages (now {charter.Stages.Count})");
        }
        return missing;
    }

    public static bool IsReadyForCollection(Charter charter) => MissingForCollection(charter).Count == 0;

    // Scope warnings do not block: they ask the owner to check they are mapping one journey.
    public static IReadOnlyList<string> ScopeWarnings(Charter charter)
    {
        var warnings = new List<string>();
        if (charter.Stages.Count > MaxStages)
        {
            warnings.Add($"{charter.Stages.Count} stages: a journey with more than {MaxStages} stages " +
                "is usually several journeys.");
        }
        // Recorded journeys, never words in the trigger: "reports a move and asks for a new contract" is one journey.
        if (charter.MoreJourneys.Count > 0)
        {
            warnings.Add($"{charter.MoreJourneys.Count + 1} journeys recorded; " +
                "map one journey per program and start another program for the rest.");
        }
        return warnings;
    }

    // A sponsor who is also an owner is not a sponsor: nobody outside the program backs it.
    public static IReadOnlyList<Person> SponsorsOtherThanOwners(Charter charter) =>
        charter.Sponsors.Where(s => charter.Owners.All(o => o.AadObjectId != s.AadObjectId)).ToList();

    // Objective and definition of done: fewer words than this say nothing ("Reduce churn"); a statement only
    // about making the map ("Map the journey") is flagged whatever its length.
    public const int MinStatementWords = 3;

    // Placeholders people type to get past a question; they say nothing. The usual stand-ins for "not decided yet"
    // in the languages programs run in: English, German, French, Spanish and Japanese.
    private static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "tbd", "tba", "tbc", "n/a", "na", "n.a", "none", "todo", "to do", "to be defined", "to be decided",
        "to be confirmed", "to be determined", "to be agreed", "not decided", "not decided yet", "undecided", "later",
        "pending", "x", "xx", "xxx", "see above", "same as above", "not yet", "unknown", "wip", "placeholder", "open",
        "open question",
        "k.a", "k. a", "keine angabe", "offen", "noch offen", "unbekannt", "folgt", "steht noch aus", "ausstehend",
        "noch nicht festgelegt", "wird noch festgelegt", "zu klären", "zu definieren", "später",
        "à définir", "a definir", "à confirmer", "à déterminer", "à préciser", "à venir", "non défini", "en attente",
        "inconnu", "nc", "n/d", "nd",
        "por definir", "por confirmar", "por determinar", "pendiente", "sin definir", "desconocido", "más adelante",
        "未定", "検討中", "確認中", "調整中", "未確定", "未記入", "なし", "不明", "後日",
    };

    // A placeholder, or nothing but punctuation and symbols ("-", "?", "…", "ー").
    public static bool IsPlaceholder(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return true;
        var trimmed = text.Trim().TrimEnd('.', '!', '。');
        return Placeholders.Contains(trimmed) || Placeholder().IsMatch(trimmed) || !Word().IsMatch(trimmed)
            || LoneMarks().IsMatch(trimmed);
    }

    // An objective or definition of done says something: not blank, not a placeholder, at least a short sentence.
    public static bool IsStatement(string? text) => StatementProblem(text) is null;

    // Why a text is not a statement ("blank", "a placeholder", "too short"), or null when it is one.
    public static string? StatementProblem(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "blank";
        var trimmed = text.Trim().TrimEnd('.', '!');
        if (IsPlaceholder(trimmed)) return "a placeholder";
        // 001: "Don’t say creating a journey map visual is your sole objective."
        if (MapOnly().IsMatch(trimmed)) return "only about making the map";
        return Word().Matches(trimmed).Count < MinStatementWords ? "too short" : null;
    }

    public static int WordCount(string? text) => text is null ? 0 : Word().Matches(text).Count;

    public static IEnumerable<string> WordsOf(string? text) =>
        text is null ? [] : Word().Matches(text).Select(m => m.Value.ToLowerInvariant());

    [GeneratedRegex(@"^(to\s+)?((map|create|build|draw|make|produce|deliver|finish|complete|do)\s+)?((a|an|the|our)\s+)?(customer\s+)?journey(\s+(map|maps|mapping|mapped|visual|workshop))?(\s+(done|finished|created|completed))?$", RegexOptions.IgnoreCase)]
    private static partial Regex MapOnly();

    [GeneratedRegex(@"^(tbd|tbc|tba|todo|to be (defined|decided|confirmed|determined)|n/a)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();

    // Ellipses, dashes and question marks, alone or repeated: "...", "--", "?!", "ー".
    [GeneratedRegex(@"^[\p{P}\p{S}\s\u30FC]+$")]
    private static partial Regex LoneMarks();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}

using JourneyBot.Domain;

namespace JourneyBot.Health;

// What health asks of an objective and a definition of done beyond being a statement (CharterRules): that the
// objective names a change to reach, and that the definition of done says when, here, rather than who approves
// it or where it is written. Both do not block collection: they are flagged for the owner to sharpen.
public static class StatementRules
{
    // 003: "many people rush into this initiative without a clear focus on what they’re actually trying to achieve"
    // and "What business processes are you looking to improve or optimize?": improving is the start of an aim, the
    // aim is which measure moves and which way. 001: "Don’t say creating a journey map visual is your sole objective."
    public static string? ObjectiveProblem(string? objective, IEnumerable<string> metricNames)
    {
        var words = CharterRules.WordsOf(objective).ToList();
        if (StatesChange(objective, words, metricNames)) return null;
        if (words.Any(MakingTheMap.Contains) && words.Any(MapNouns.Contains))
            return "about producing the map, with no change to reach";
        if (words.Any(VagueChange.Contains)) return "a wish to improve with no direction, figure or measure";
        return null;
    }

    // 003: "a clear mission statement, a “definition of done”, a set of success metrics": done is a state of the
    // journey or its measures, not a sign-off by some body nor a pointer to a plan kept elsewhere.
    public static string? DefinitionOfDoneProblem(string? done, IEnumerable<string> metricNames)
    {
        var words = CharterRules.WordsOf(done).ToList();
        if (words.Count == 0 || StatesChange(done, words, metricNames)) return null;
        var content = words.Where(w => !Filler.Contains(w) && !Bodies.Contains(w) && !Approval.Contains(w)
            && !Reference.Contains(w) && !Documents.Contains(w)).ToList();
        if (words.Any(Approval.Contains) && content.Count < 2) return "only an approval";
        var url = done!.Contains("http://", StringComparison.OrdinalIgnoreCase)
            || done.Contains("https://", StringComparison.OrdinalIgnoreCase);
        if (url || (words.Any(Reference.Contains) && words.Any(Documents.Contains) && content.Count < 3))
            return "a pointer to somewhere else";
        return null;
    }

    // A figure, a direction (reduce, fewer, faster), or a measure (a metric of the charter, or a measure's noun).
    public static bool StatesChange(string? text, IReadOnlyList<string> words, IEnumerable<string> metricNames)
    {
        if (text is null) return false;
        if (text.Any(char.IsDigit) || text.Contains('%')) return true;
        if (words.Any(w => Direction.Contains(w) || NumberWords.Contains(w) || Measures.Contains(w))) return true;
        // A metric of the charter named whole ("churn after a move"), not one of its words ("move").
        var said = words.ToHashSet(StringComparer.Ordinal);
        return metricNames
            .Select(name => CharterRules.WordsOf(name).Where(w => w.Length >= 3 && !Filler.Contains(w)).ToList())
            .Any(named => named.Count > 0 && named.All(said.Contains));
    }

    private static HashSet<string> Set(string words) =>
        new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    private static readonly HashSet<string> VagueChange = Set(
        "improve improves improving improved improvement improvements enhance enhances enhancing enhanced " +
        "enhancement optimise optimises optimising optimised optimisation optimize optimizes optimizing " +
        "optimized optimization better boost transform transforming transformation elevate strengthen " +
        "streamline revamp modernise modernize upgrade rethink redesign reimagine excellence excellent " +
        "seamless delight world class best");

    private static readonly HashSet<string> Direction = Set(
        "reduce reduces reducing reduced reduction cut cuts cutting lower lowering decrease decreasing increase " +
        "increases increasing raise raising grow growing halve halving shorten shortening eliminate eliminating " +
        "prevent preventing avoid stop remove removing fewer less faster quicker shorter sooner higher cheaper below " +
        "above under within least most maximum minimum");

    private static readonly HashSet<string> NumberWords = Set(
        "zero one two three four five six seven eight nine ten twenty fifty hundred half double twice quarter third");

    private static readonly HashSet<string> Measures = Set(
        "rate rates score scores nps csat ces churn retention attrition conversion resolution satisfaction effort " +
        "complaints complaint calls contacts errors defects abandonment dropouts renewals cancellations revenue cost " +
        "costs time times wait waiting days hours minutes weeks percentage volume backlog loyalty referrals repeat " +
        "escalations tickets refunds arrears visits kpi kpis");

    private static readonly HashSet<string> MakingTheMap = Set(
        "map create creating build building produce producing deliver delivering draw drawing make making document " +
        "documenting complete completing finish finishing have visualise visualize capture capturing");

    private static readonly HashSet<string> MapNouns = Set(
        "map maps mapping mapped visual poster blueprint workshop diagram");

    private static readonly HashSet<string> Filler = Set(
        "the a an of by to in on at for and or our their its is are be been being as with from this that these those " +
        "when once has have had will it all we us after before then upon final formal formally fully written project " +
        "program programme initiative journey customer customers work phase stage gate");

    private static readonly HashSet<string> Bodies = Set(
        "board committee steering steerco group council sponsor sponsors executive executives exec leadership " +
        "management manager managers director directors vp ceo cfo coo cxo suite slt elt team stakeholders " +
        "stakeholder governance panel pmo owner owners head heads lead leads business");

    private static readonly HashSet<string> Approval = Set(
        "approve approves approved approval sign signs signed signoff off endorse endorses endorsed endorsement " +
        "ratify ratified accept accepts accepted acceptance agree agrees agreed blessing blessed");

    private static readonly HashSet<string> Reference = Set(
        "see per according defined described documented outlined refer referenced attached link linked listed set out");

    private static readonly HashSet<string> Documents = Set(
        "plan plans document documents doc docs charter pid deck slides slide wiki sharepoint confluence spreadsheet " +
        "sheet file brief backlog roadmap contract sow appendix attachment page onenote jira case");
}

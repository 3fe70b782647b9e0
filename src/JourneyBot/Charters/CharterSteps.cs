namespace JourneyBot.Charters;

// The charter dialog's steps, in order, and the input ids each step's card uses.
public static class CharterSteps
{
    public const string Basics = "basics";
    public const string Metrics = "metrics";
    public const string People = "people";
    public const string Resources = "resources";
    public const string Departments = "departments";
    public const string Shape = "shape";

    public static readonly IReadOnlyList<string> Order = [Basics, Metrics, People, Resources, Departments, Shape];

    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>
    {
        [Basics] = "Objective and scope",
        [Metrics] = "Success metrics",
        [People] = "Owners and sponsors",
        [Resources] = "Budget, time and tools",
        [Departments] = "Departments and contacts",
        [Shape] = "Personas, stages and rhythm",
    };

    public const int MaxMetrics = 8;
    public const int MaxDepartments = 20;
    public const int MaxPersonas = 10;
    public const int EmptyRowsOffered = 2;

    // A new program gets enough empty rows to meet the guardrails (and then some) in one pass.
    public static readonly IReadOnlyDictionary<string, int> MinimumRows = new Dictionary<string, int>
    {
        ["metric"] = 3, ["dept"] = 5, ["stage"] = 6, ["persona"] = 3,
    };

    public const string DirectoryNames = "directoryNames";
    public const int DirectoryContactsPerDepartment = 5;
    public const string OnlyOwnersChange = "Only the program's owners change its charter.";
    public const string Version = "1";

    // Whose time the resources step asks for: the owners, then anyone else already on the team (e.g. imported).
    public static IReadOnlyList<Domain.Person> TeamCandidates(Domain.Charter charter) =>
        charter.Owners.Concat(charter.Team.Select(m => m.Person)).DistinctBy(p => p.AadObjectId).ToList();

    // The metric rows a form shows: the list it carries (ids a client sends are only ever names for new rows), or,
    // for a form that carries none, the charter's metrics, with one empty row when it has none.
    public static IReadOnlyList<string> MetricRows(string? listed, Domain.Charter charter, string formId)
    {
        if (listed is not null)
        {
            return listed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(Domain.PlainId.IsValid).Distinct(StringComparer.Ordinal).Take(MaxMetrics).ToList();
        }
        var ids = charter.Metrics.Select(m => m.Id).Take(MaxMetrics).ToList();
        return ids.Count > 0 ? ids : [NewRowId("metric", formId, ids)];
    }

    // The same form adding its n-th row names it the same way each time.
    public static string NewRowId(string prefix, string formId, IReadOnlyCollection<string> taken)
    {
        var i = 0;
        while (taken.Contains($"{prefix[0]}{formId[..Math.Min(8, formId.Length)]}{i}")) i++;
        return $"{prefix[0]}{formId[..Math.Min(8, formId.Length)]}{i}";
    }

    // The ids the step's card offers: existing rows, then a couple of empty ones (new ids from the form id,
    // so the same form submitted twice names its new rows the same).
    public static IEnumerable<string> RowIds(string prefix, IEnumerable<string> existing, int max, string formId)
    {
        var ids = existing.ToList();
        var offered = Math.Min(max, Math.Max(ids.Count + EmptyRowsOffered, MinimumRows.GetValueOrDefault(prefix)));
        for (var i = 0; ids.Count < offered; i++) ids.Add($"{prefix[0]}{formId[..8]}{i}");
        return ids;
    }
}

using JourneyBot.Domain;

namespace JourneyBot.Reviews;

// Which touchpoints a person reviews: owners all of them (or one department's), department contacts those of
// their own departments. Null departments = every department.
public sealed record ReviewScope(IReadOnlySet<string>? Departments, bool IsOwner)
{
    public static ReviewScope? For(Charter charter, string aadObjectId, string? departmentId)
    {
        var isOwner = charter.Owners.Any(o => o.AadObjectId == aadObjectId);
        var mine = charter.Departments.Where(d => d.Contacts.Any(c => c.AadObjectId == aadObjectId)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(departmentId))
        {
            if (charter.Departments.All(d => d.Id != departmentId)) return null;
            return isOwner || mine.Contains(departmentId) ? new ReviewScope(new HashSet<string>([departmentId], StringComparer.Ordinal), isOwner) : null;
        }
        if (isOwner) return new ReviewScope(null, true);
        return mine.Count > 0 ? new ReviewScope(mine, false) : null;
    }

    public bool Covers(Touchpoint touchpoint) => Departments is null || Departments.Contains(touchpoint.DepartmentId);

    public string? DepartmentId => Departments is { Count: 1 } one ? one.First() : null;

    // In journey order, so paging stays put while touchpoints are confirmed.
    public List<Touchpoint> Select(JourneyProgram program)
    {
        var stageOrder = program.Charter.Stages.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return program.ActiveTouchpoints().Where(Covers)
            .OrderBy(t => stageOrder.GetValueOrDefault(t.StageId, int.MaxValue)).ThenBy(t => t.DepartmentId, StringComparer.Ordinal).ThenBy(t => t.CreatedAt)
            .ToList();
    }
}

using System.Globalization;
using static JourneyBot.Domain.HealthThresholds;

namespace JourneyBot.Domain;

// The map-health checks: a pure function of a program and a date. Each check makes one of the known ways
// journey-mapping programs fail visible, with a figure and one concrete next step.
public static class MapHealth
{
    public static IReadOnlyList<HealthCheck> Evaluate(JourneyProgram program, DateOnly asOf)
    {
        var active = program.ActiveTouchpoints().ToList();
        return
        [
            CharterCompleteness(program.Charter),
            ScopeFocus(program.Charter),
            DepartmentCoverage(program.Charter, active),
            PersonaCoverage(program.Charter, active),
            ShareCheck("evidence", "Evidence behind touchpoints", active, t => t.Evidence != Evidence.Assumption, EvidenceShareOk, EvidenceShareWarn,
                "backed by interviews, surveys, analytics, tickets or observation",
                "Replace assumptions with evidence: pick the assumed touchpoints and name their source."),
            ShareCheck("verbatims", "Customer verbatims", active, t => !string.IsNullOrWhiteSpace(t.Verbatim), VerbatimShareOk, VerbatimShareWarn,
                "with a customer verbatim", "Add what customers said, in their own words, to the touchpoints that matter most."),
            ShareCheck("emotion", "Customer emotion captured", active, t => t.Emotion is not null, EmotionShareOk, EmotionShareWarn,
                "with the customer's emotion", "Ask contributors how the customer feels at each touchpoint (-2 to +2)."),
            ShareCheck("employee-side", "Employee side captured", active, t => t.Backstage?.IsCaptured() == true, EmployeeSideShareOk, EmployeeSideShareWarn,
                "with who delivers it and with which system or what makes it hard",
                "Fill in the backstage: who delivers each touchpoint and what makes it hard for them."),
            MetricBalance(program.Charter),
            Freshness(program.Charter, active, asOf),
            ReviewRecency(program, asOf),
            ActionFollowThrough(program, active),
            OverdueActions(program, asOf),
            ContributorDiversity(program.Charter, active),
            SponsorEngagement(program, asOf),
        ];
    }

    private static HealthCheck CharterCompleteness(Charter charter)
    {
        var missing = CharterRules.MissingForCollection(charter);
        return missing.Count == 0
            ? new("charter", "Charter complete", HealthStatus.Ok, "all items set", "objective, definition of done, outcome metric with target, sponsor, 2+ departments with contacts, persona, 2-12 stages", "Keep the charter current as the program learns.")
            : new("charter", "Charter complete", HealthStatus.Fail, $"{missing.Count} item(s) missing", "objective, definition of done, outcome metric with target, sponsor, 2+ departments with contacts, persona, 2-12 stages",
                $"Add {missing[0]}.", missing);
    }

    private static HealthCheck ScopeFocus(Charter charter)
    {
        var stages = charter.Stages.Count;
        var warnings = CharterRules.ScopeWarnings(charter);
        var figure = $"{stages} stage(s)";
        const string threshold = "one journey, 2-12 stages";
        if (stages < CharterRules.MinStages) return new("scope", "Scope is one journey", HealthStatus.Fail, figure, threshold, "Name the journey's stages, from the trigger to the end.");
        return warnings.Count > 0
            ? new("scope", "Scope is one journey", HealthStatus.Warn, figure, threshold, warnings[0], warnings)
            : new("scope", "Scope is one journey", HealthStatus.Ok, figure, threshold, "Keep new work that is a different journey in its own program.");
    }

    private static HealthCheck DepartmentCoverage(Charter charter, List<Touchpoint> active)
    {
        const string threshold = "every department contributes; 60% of stage x department cells filled (warn below 50% of departments)";
        if (charter.Departments.Count == 0) return new("department-coverage", "Department coverage", HealthStatus.Fail, "no departments", threshold, "Name every department that touches this journey.");
        var filled = Grid(charter.Stages, charter.Departments.Select(d => d.Id).ToList(), active.Select(t => (t.StageId, t.DepartmentId)));
        var emptyCells = (from s in charter.Stages.Select((stage, i) => (stage, i)) from d in charter.Departments.Select((department, j) => (department, j))
                          where !filled[s.i, d.j] select $"{s.stage.Name} x {d.department.Name}").ToList();
        var contributing = charter.Departments.Where((_, j) => Enumerable.Range(0, charter.Stages.Count).Any(i => filled[i, j])).ToList();
        var silent = charter.Departments.Except(contributing).Select(d => d.Name).ToList();
        var cells = charter.Stages.Count * charter.Departments.Count;
        var departmentShare = (double)contributing.Count / charter.Departments.Count;
        var cellShare = cells == 0 ? 0 : (double)(cells - emptyCells.Count) / cells;
        var status = departmentShare >= DepartmentsContributingOk && cellShare >= StageDepartmentCellsOk ? HealthStatus.Ok
            : departmentShare >= DepartmentsContributingWarn ? HealthStatus.Warn : HealthStatus.Fail;
        var next = silent.Count > 0 ? $"Ask {string.Join(", ", silent)} for their touchpoints."
            : emptyCells.Count > 0 ? $"Check the empty cells, starting with {emptyCells[0]}: does the customer really meet no one there?"
            : "Every department covers every stage: keep it verified.";
        return new("department-coverage", "Department coverage", status,
            $"{contributing.Count} of {charter.Departments.Count} departments; {cells - emptyCells.Count} of {cells} cells filled", threshold, next, emptyCells);
    }

    private static HealthCheck PersonaCoverage(Charter charter, List<Touchpoint> active)
    {
        const string threshold = "60% of stage x persona cells filled (warn from 30%)";
        if (charter.Personas.Count == 0) return new("persona-coverage", "Persona coverage", HealthStatus.Fail, "no personas", threshold, "Name the personas or segments this journey serves.");
        var filled = Grid(charter.Stages, charter.Personas.Select(p => p.Id).ToList(), PersonaCells(active));
        var emptyCells = (from s in charter.Stages.Select((stage, i) => (stage, i)) from p in charter.Personas.Select((persona, j) => (persona, j))
                          where !filled[s.i, p.j] select $"{s.stage.Name} x {p.persona.Name}").ToList();
        var cells = charter.Stages.Count * charter.Personas.Count;
        var share = cells == 0 ? 0 : (double)(cells - emptyCells.Count) / cells;
        var unseen = charter.Personas.Where((_, j) => !Enumerable.Range(0, charter.Stages.Count).Any(i => filled[i, j])).Select(p => p.Name).ToList();
        var next = unseen.Count > 0 ? $"No touchpoint applies to {string.Join(", ", unseen)} yet: whose journey is it?"
            : emptyCells.Count > 0 ? $"Check {emptyCells[0]}." : "Every persona is covered at every stage.";
        return new("persona-coverage", "Persona coverage", Grade(share, PersonaCellsOk, PersonaCellsWarn),
            $"{cells - emptyCells.Count} of {cells} cells ({Percent(share)})", threshold, next, emptyCells);
    }

    private static HealthCheck ShareCheck(string id, string title, List<Touchpoint> active, Func<Touchpoint, bool> counts,
        double ok, double warn, string what, string next)
    {
        var threshold = $"{Percent(ok)} of touchpoints {what} (warn from {Percent(warn)})";
        if (active.Count == 0) return NoTouchpoints(id, title, threshold);
        var share = (double)active.Count(counts) / active.Count;
        var status = Grade(share, ok, warn);
        return new(id, title, status, $"{active.Count(counts)} of {active.Count} ({Percent(share)})", threshold,
            status == HealthStatus.Ok ? "Keep it up for new touchpoints." : next);
    }

    private static HealthCheck MetricBalance(Charter charter)
    {
        var outcome = charter.Metrics.Count(m => m.Kind == MetricKind.Outcome);
        var output = charter.Metrics.Count - outcome;
        var figure = $"{outcome} outcome, {output} output";
        var threshold = $"at least one outcome metric and {Percent(OutcomeMetricShareOk)} of metrics outcomes";
        if (outcome == 0) return new("metric-balance", "Outcome over output metrics", HealthStatus.Fail, figure, threshold, "Add an outcome metric: what changes for the customer or the business.");
        var share = (double)outcome / charter.Metrics.Count;
        return share >= OutcomeMetricShareOk
            ? new("metric-balance", "Outcome over output metrics", HealthStatus.Ok, figure, threshold, "Report outcomes first in every review.")
            : new("metric-balance", "Outcome over output metrics", HealthStatus.Warn, figure, threshold, "Output metrics dominate: tie each to the outcome it should move, or drop it.");
    }

    private static HealthCheck Freshness(Charter charter, List<Touchpoint> active, DateOnly asOf)
    {
        var threshold = $"{Percent(FreshShareOk)} verified within the {charter.ReviewCadenceDays}-day cadence (warn from {Percent(FreshShareWarn)})";
        if (active.Count == 0) return NoTouchpoints("freshness", "Touchpoints verified recently", threshold);
        var oldest = asOf.AddDays(-charter.ReviewCadenceDays);
        var fresh = active.Count(t => (t.LastVerifiedOn ?? DateOnly.FromDateTime(t.CreatedAt.UtcDateTime)) >= oldest);
        var share = (double)fresh / active.Count;
        var status = Grade(share, FreshShareOk, FreshShareWarn);
        return new("freshness", "Touchpoints verified recently", status, $"{fresh} of {active.Count} ({Percent(share)})", threshold,
            status == HealthStatus.Ok ? "Confirm touchpoints as they change." : $"Run a review: {active.Count - fresh} touchpoint(s) were not verified in the last {charter.ReviewCadenceDays} days.");
    }

    private static HealthCheck ReviewRecency(JourneyProgram program, DateOnly asOf)
    {
        var cadence = Math.Max(1, program.Charter.ReviewCadenceDays);
        var threshold = $"a review at least every {cadence} days (fail after {cadence * ReviewOverdueFail:0})";
        var last = program.Reviews.Select(r => (DateOnly?)r.CompletedOn).Max() ?? program.CollectionOpenedOn;
        if (last is null) return new("review-recency", "Reviews on cadence", HealthStatus.Ok, "collection not open yet", threshold, "Open collection; the first review is due one cadence later.");
        var days = asOf.DayNumber - last.Value.DayNumber;
        var ratio = (double)days / cadence;
        var status = ratio <= ReviewOverdueWarn ? HealthStatus.Ok : ratio <= ReviewOverdueFail ? HealthStatus.Warn : HealthStatus.Fail;
        var since = program.Reviews.Count == 0 ? "since collection opened, no review yet" : "since the last review";
        return new("review-recency", "Reviews on cadence", status, $"{days} days {since}", threshold,
            status == HealthStatus.Ok ? $"Next review due in {cadence - days} day(s)." : "Run a review now: walk the touchpoints and confirm, update or retire each.");
    }

    private static HealthCheck ActionFollowThrough(JourneyProgram program, List<Touchpoint> active)
    {
        var threshold = $"{Percent(PainPointsWithActionsOk)} of touchpoints with pain points have an action (warn from {Percent(PainPointsWithActionsWarn)})";
        var painful = active.Where(t => t.HasPainPoints()).ToList();
        if (painful.Count == 0) return new("action-follow-through", "Pain points turned into actions", HealthStatus.Ok, "no pain points recorded", threshold, "Record pain points as contributors find them.");
        var actioned = program.Actions.Select(a => a.TouchpointId).OfType<string>().ToHashSet();
        var withActions = painful.Count(t => actioned.Contains(t.Id));
        var share = (double)withActions / painful.Count;
        var status = Grade(share, PainPointsWithActionsOk, PainPointsWithActionsWarn);
        return new("action-follow-through", "Pain points turned into actions", status, $"{withActions} of {painful.Count} ({Percent(share)})", threshold,
            status == HealthStatus.Ok ? "Follow the actions through to the outcome metrics." : $"Turn pain points into actions with an owner and a due date: {painful.Count - withActions} have none.");
    }

    private static HealthCheck OverdueActions(JourneyProgram program, DateOnly asOf)
    {
        var threshold = $"no open action overdue (fail above {Percent(OverdueActionsFail)} of open actions)";
        var open = program.Actions.Where(a => !a.IsClosed()).ToList();
        var overdue = open.Where(a => a.IsOverdue(asOf)).ToList();
        if (open.Count == 0) return new("overdue-actions", "Actions on time", HealthStatus.Ok, "no open actions", threshold, "Keep actions moving when they are opened.");
        var share = (double)overdue.Count / open.Count;
        var status = overdue.Count == 0 ? HealthStatus.Ok : share <= OverdueActionsFail ? HealthStatus.Warn : HealthStatus.Fail;
        return new("overdue-actions", "Actions on time", status, $"{overdue.Count} of {open.Count} open actions overdue", threshold,
            overdue.Count == 0 ? "All open actions are within their due dates." : $"Chase {overdue[0].Owner.DisplayName} about \"{overdue[0].Title}\" (due {overdue[0].DueOn:yyyy-MM-dd}).",
            overdue.Select(a => $"{a.Title} (due {a.DueOn:yyyy-MM-dd}, {a.Owner.DisplayName})").ToList());
    }

    private static HealthCheck ContributorDiversity(Charter charter, List<Touchpoint> active)
    {
        var threshold = $"{ContributorsPerDepartmentOk:0} contributors per department (warn from {ContributorsPerDepartmentWarn:0})";
        var people = new HashSet<string>(StringComparer.Ordinal);
        var departmentIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in active)
        {
            people.Add(t.CreatedBy.AadObjectId);
            departmentIds.Add(t.DepartmentId);
        }
        var departments = departmentIds.Count;
        if (charter.Departments.Count == 0) return new("contributors", "Enough voices", HealthStatus.Fail, $"{people.Count} people", threshold, "Name the departments first.");
        var perDepartment = (double)people.Count / charter.Departments.Count;
        var status = Grade(perDepartment, ContributorsPerDepartmentOk, ContributorsPerDepartmentWarn);
        return new("contributors", "Enough voices", status, $"{people.Count} people from {departments} of {charter.Departments.Count} departments", threshold,
            status == HealthStatus.Ok ? "Keep inviting the people who meet customers." : "Invite more people who meet customers: frontline staff see what managers do not.");
    }

    private static HealthCheck SponsorEngagement(JourneyProgram program, DateOnly asOf)
    {
        var sponsors = program.Charter.Sponsors;
        var window = program.Charter.ReviewCadenceDays * 2;
        var threshold = $"every sponsor acknowledged a progress card in the last {window} days (warn from {Percent(SponsorsAcknowledgingWarn)})";
        if (sponsors.Count == 0) return new("sponsor-engagement", "Sponsors engaged", HealthStatus.Fail, "no sponsors", threshold, "Name an executive sponsor in the charter.");
        var recent = program.ProgressUpdates.Where(u => u.SentOn >= asOf.AddDays(-window)).ToList();
        if (recent.Count == 0) return new("sponsor-engagement", "Sponsors engaged", HealthStatus.Warn, "no progress card sent recently", threshold, "Send the sponsors a progress card.");
        var acknowledging = sponsors.Count(s => recent.Any(u => u.SponsorAadObjectId == s.AadObjectId && u.AcknowledgedOn is not null));
        var share = (double)acknowledging / sponsors.Count;
        var status = Grade(share, SponsorsAcknowledgingOk, SponsorsAcknowledgingWarn);
        var silent = sponsors.Where(s => !recent.Any(u => u.SponsorAadObjectId == s.AadObjectId && u.AcknowledgedOn is not null)).Select(s => s.DisplayName).ToList();
        return new("sponsor-engagement", "Sponsors engaged", status, $"{acknowledging} of {sponsors.Count} sponsors acknowledged", threshold,
            silent.Count == 0 ? "Keep sponsors updated on outcomes." : $"Talk to {string.Join(", ", silent)}: no acknowledgement of recent progress cards.");
    }

    private static IEnumerable<(string, string)> PersonaCells(List<Touchpoint> active)
    {
        foreach (var t in active)
        {
            foreach (var persona in t.PersonaIds) yield return (t.StageId, persona);
        }
    }

    // Which stage x column cells have at least one touchpoint, by index: one cheap pass however large the map.
    private static bool[,] Grid(IReadOnlyList<Stage> stages, IReadOnlyList<string> columns, IEnumerable<(string Stage, string Column)> cells)
    {
        var stageIndex = stages.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var columnIndex = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var grid = new bool[stages.Count, columns.Count];
        foreach (var (stage, column) in cells)
        {
            if (stageIndex.TryGetValue(stage, out var row) && columnIndex.TryGetValue(column, out var col)) grid[row, col] = true;
        }
        return grid;
    }

    private static HealthCheck NoTouchpoints(string id, string title, string threshold) =>
        new(id, title, HealthStatus.Fail, "no touchpoints yet", threshold, "Open collection so departments add their touchpoints.");

    private static HealthStatus Grade(double value, double ok, double warn) =>
        value >= ok ? HealthStatus.Ok : value >= warn ? HealthStatus.Warn : HealthStatus.Fail;

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}

using JourneyBot.Domain;
using static JourneyBot.Health.CheckResult;
using static JourneyBot.Health.HealthThresholds;

namespace JourneyBot.Health;

// Whose voice the map carries: departments working alone, one size fitting all segments, a few typists.
internal static class VoiceChecks
{
    // 003: "Make sure that ALL functions are represented on your journey" 000: "A hindrance is silo-based thinking"
    public static HealthCheck Silo(JourneyProgram program, List<Touchpoint> active, DateOnly asOf)
    {
        const string title = "Departments contribute";
        const string why = "One department's view misses what the customer meets from the others.";
        var charter = program.Charter;
        var threshold = $"at least {MinContributingDepartments} departments, " +
                        $"none above {Percent(MaxOneDepartmentShare)} of the map, " +
                        $"every charter department within {SilentDepartmentGraceDays} days";
        if (active.Count == 0) return TooFewTouchpoints(HealthCheckId.Silo, title, threshold, why, 0);
        // An imported file or a charter mid-setup can hold touchpoints before any department is named: there is
        // nothing to weigh the map's voices against yet.
        if (charter.Departments.Count == 0)
        {
            return NotJudged(HealthCheckId.Silo, title, threshold, why,
                $"no departments named in the charter yet; {Words.Count(active.Count, "touchpoint")} on the map",
                "Name every department that touches the journey, with its contacts, in the charter's " +
                "departments step.", HealthCommand.Departments);
        }

        var byDepartment = active.GroupBy(t => t.DepartmentId).ToDictionary(g => g.Key, g => g.Count());
        var contributing = charter.Departments.Count(d => byDepartment.ContainsKey(d.Id));
        var problems = new List<string>();
        if (contributing < MinContributingDepartments) problems.Add(
            $"only {Words.Count(contributing, "department")} contributed");
        var top = charter.Departments.Select(d => (d.Name, Count: byDepartment.GetValueOrDefault(d.Id)))
            .MaxBy(d => d.Count);
        var topShare = (double)top.Count / active.Count;
        if (topShare > MaxOneDepartmentShare) problems.Add($"{top.Name} wrote {Percent(topShare)} of the map");
        var settled = program.CollectionOpenedOn is { } opened
            && asOf.DayNumber - opened.DayNumber >= SilentDepartmentGraceDays;
        var silent = charter.Departments.Where(d => !byDepartment.ContainsKey(d.Id)).Select(d => d.Name).ToList();
        if (settled && silent.Count > 0) problems.Add($"{string.Join(", ", silent)} contributed nothing");
        var next = problems.Count == 0
            ? "A sparse stage x department map is normal; keep asking what else the customer meets."
            : silent.Count > 0
                ? $"Check that {string.Join(", ", silent)} {(silent.Count == 1 ? "has" : "have")} contacts " +
                  "who meet the customer, in the charter's departments step (contacts added while collection " +
                  "is open are invited as they are saved); contacts are nudged about their gaps."
                : "Open the coverage map to see the stages where only one department speaks, " +
                  "and ask the others what the customer hears or sees from them there.";
        return Make(HealthCheckId.Silo, title, problems.Count == 0 ? HealthStatus.Ok : HealthStatus.Warn,
            $"{contributing} of {charter.Departments.Count} departments contributed; " +
            $"the largest wrote {Percent(topShare)}", threshold,
            next, why, silent.Count > 0 && problems.Count > 0 ? HealthCommand.Departments : HealthCommand.Map,
            problems);
    }

    // 002: "Tailoring CJM to specific customer segments is key for authentic insights and targeted improvements."
    // 003: "making sure you have a clear understanding of what personas are involved in the journey"
    public static HealthCheck Personas(Charter charter, List<Touchpoint> active)
    {
        const string title = "Personas really used";
        const string why = "A one-size-fits-all map hides the segments whose journeys differ.";
        var threshold = $"at least {MinPersonas} personas; at most {Percent(MaxUntaggedShare)} untagged and " +
                        $"{Percent(MaxAllPersonasShare)} tagged with all; each persona on a touchpoint";
        var tooFew = charter.Personas.Count < MinPersonas;
        // The charter's personas are judged at once; how touchpoints use them only from a map worth judging.
        if (!tooFew && active.Count < MinTouchpointsToJudge) return TooFewTouchpoints(HealthCheckId.Personas, title,
            threshold, why, active.Count);
        var problems = new List<string>();
        var personaIds = charter.Personas.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        if (tooFew) problems.Add($"{Words.Count(charter.Personas.Count, "persona")} in the charter");
        var untagged = active.Count(t => !t.PersonaIds.Any(personaIds.Contains));
        var everyPersona = tooFew ? 0 : active.Count(t => personaIds.All(t.PersonaIds.Contains));
        var unused = charter.Personas.Where(p => !active.Any(t => t.PersonaIds.Contains(p.Id)))
            .Select(p => p.Name).ToList();
        if (active.Count >= MinTouchpointsToJudge)
        {
            if ((double)untagged / active.Count > MaxUntaggedShare) problems.Add(
                $"{untagged} of {active.Count} touchpoints name no persona");
            if (!tooFew && (double)everyPersona / active.Count > MaxAllPersonasShare)
            {
                problems.Add($"{everyPersona} of {active.Count} touchpoints are tagged with every persona");
            }
            if (unused.Count > 0 && !tooFew) problems.Add($"no touchpoint applies to {string.Join(", ", unused)}");
        }
        var status = problems.Count == 0 ? HealthStatus.Ok : tooFew ? HealthStatus.Fail : HealthStatus.Warn;
        return Make(HealthCheckId.Personas, title, status,
            $"{Words.Count(charter.Personas.Count, "persona")}; {untagged} untagged, {everyPersona} tagged with all",
            threshold,
            problems.Count == 0 ? "Compare the personas' emotion curves on the map."
                : tooFew ? "Name the customer segments whose journeys differ, in the charter."
                : "Start a review and tag each touchpoint with the personas who really meet it " +
                  "(Details and changes, then Edit).",
            why, tooFew ? HealthCommand.Charter : HealthCommand.Review, problems);
    }

    // 004: "Involving every stakeholder is important." 000: "It calls for the participation and collaboration of all
    // levels of the organization."
    public static HealthCheck Contributors(List<Touchpoint> active)
    {
        const string title = "Many voices";
        const string why = "A map typed by a few people carries their blind spots.";
        var threshold = $"at least {MinContributors} people, none writing more than {Percent(MaxOnePersonShare)}";
        if (active.Count < MinTouchpointsToJudge) return TooFewTouchpoints(HealthCheckId.Contributors, title,
            threshold, why, active.Count);
        var byPerson = active.GroupBy(t => t.CreatedBy.AadObjectId)
            .Select(g => (Name: g.First().CreatedBy.DisplayName, Count: g.Count()))
            .OrderByDescending(p => p.Count).ToList();
        var topShare = (double)byPerson[0].Count / active.Count;
        var problems = new List<string>();
        if (byPerson.Count < MinContributors) problems.Add(
            $"{Words.Count(byPerson.Count, "person", "people")} wrote the whole map");
        if (topShare > MaxOnePersonShare) problems.Add($"{byPerson[0].Name} wrote {Percent(topShare)}");
        return Make(HealthCheckId.Contributors, title, problems.Count == 0 ? HealthStatus.Ok : HealthStatus.Warn,
            $"{Words.Count(byPerson.Count, "person", "people")}; the most active wrote {Percent(topShare)}", threshold,
            problems.Count == 0 ? "Keep inviting the people who meet customers."
                : "Add more of the people who meet customers as department contacts: " +
                  "while collection is open they are invited as they are saved.",
            why, HealthCommand.Departments, problems);
    }
}

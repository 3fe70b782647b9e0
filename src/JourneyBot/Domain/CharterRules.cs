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
        if (charter.Journey is null || string.IsNullOrWhiteSpace(charter.Journey.StartTrigger) || string.IsNullOrWhiteSpace(charter.Journey.End))
        {
            missing.Add("the journey it maps: what starts it and how it ends");
        }
        if (string.IsNullOrWhiteSpace(charter.Objective)) missing.Add("an objective");
        if (string.IsNullOrWhiteSpace(charter.DefinitionOfDone)) missing.Add("a definition of done");
        if (!charter.Metrics.Any(m => m.Kind == MetricKind.Outcome && m.Target is not null))
        {
            missing.Add("at least one outcome metric with a target");
        }
        if (charter.Sponsors.Count == 0) missing.Add("at least one sponsor");
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
            warnings.Add($"{charter.Stages.Count} stages: a journey with more than {MaxStages} stages is usually several journeys.");
        }
        if (charter.Journey is { } journey && (NamesSeveral(journey.StartTrigger) || NamesSeveral(journey.End)))
        {
            warnings.Add("The journey's start or end names several things; map one journey per program and start another program for the rest.");
        }
        return warnings;
    }

    private static bool NamesSeveral(string text) => SeveralJourneys().IsMatch(text);

    [GeneratedRegex(@"\b(and|or|plus)\b|[;&/,+]", RegexOptions.IgnoreCase)]
    private static partial Regex SeveralJourneys();
}

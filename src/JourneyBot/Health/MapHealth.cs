using JourneyBot.Domain;

namespace JourneyBot.Health;

// The map-health checks: a pure function of a program and a date. Each check measures one pitfall the source
// articles (README, "Map health") describe, quotes the sentence it traces to, and flags only what a practitioner
// would call that pitfall: a figure, the threshold, why it matters and one next step a chat command does. The
// checks are grouped by the pitfall they judge: the charter (objective, metrics, resources), sponsors, scope, the
// voices heard, evidence and the human side, a living map, and follow-through.
public static class MapHealth
{
    public static IReadOnlyList<HealthCheck> Evaluate(JourneyProgram program, DateOnly asOf)
    {
        var active = program.ActiveTouchpoints().ToList();
        var charter = program.Charter;
        return
        [
            CharterChecks.Objective(charter),
            CharterChecks.OutcomeMetrics(charter),
            CharterChecks.OutputHeavy(charter),
            CharterChecks.Resources(charter),
            SponsorChecks.Sponsor(charter),
            SponsorChecks.Engagement(program, asOf),
            ScopeCheck.Scope(charter),
            VoiceChecks.Silo(program, active, asOf),
            VoiceChecks.Personas(charter, active),
            EvidenceChecks.Evidence(active),
            EvidenceChecks.Emotion(active),
            EvidenceChecks.Verbatims(active),
            EvidenceChecks.EmployeeSide(active),
            LivingMapCheck.Stale(program, active, asOf),
            MetricsReadCheck.MetricsRead(program, asOf),
            FollowThroughChecks.Actions(program, active),
            FollowThroughChecks.Overdue(program, asOf),
            VoiceChecks.Contributors(active),
        ];
    }

    // The program's figures with health as judged that day, as a review or progress card keeps them.
    public static Snapshot TakeSnapshot(JourneyProgram program, DateOnly asOf) =>
        Snapshot.Take(program, asOf, Evaluate(program, asOf).ToDictionary(c => c.Id.Name(), c => c.Status));
}

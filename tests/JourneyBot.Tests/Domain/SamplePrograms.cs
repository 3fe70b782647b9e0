using JourneyBot.Domain;
using JourneyBot.Health;

namespace JourneyBot.Tests.Domain;

// Programs built for a test's needs: a complete charter, and touchpoints whose first N have a property.
public static class SamplePrograms
{
    public static readonly DateOnly AsOf = new(2026, 11, 1);
    public static readonly Person Owner = new("owner-1", "Olivia Owner");

    public static Person PersonNo(int i) => new($"person-{i}", $"Person {i}");

    public static Charter CompleteCharter(int stages = 2, int departments = 2, int personas = 1) => new()
    {
        Name = "Licence renewal",
        Journey = new Journey("renewal notice received", "licence renewed"),
        Objective = "Cut renewal churn by understanding where renewing customers struggle.",
        DefinitionOfDone = "Every stage verified by two departments with evidence.",
        Metrics = [new Metric("m1", "Renewal rate", MetricKind.Outcome, 0.82m, 0.9m, "%")],
        Owners = [Owner],
        Sponsors = [new Person("sponsor-1", "Sam Sponsor")],
        Departments = Enumerable.Range(1, departments).Select(i => new Department($"d{i}", $"Department {i}", [PersonNo(100 + i)])).ToList(),
        Personas = Enumerable.Range(1, personas).Select(i => new Persona($"p{i}", $"Persona {i}", null)).ToList(),
        Stages = Enumerable.Range(1, stages).Select(i => new Stage($"s{i}", $"Stage {i}")).ToList(),
        ReviewCadenceDays = 30,
    };

    public static Touchpoint Touchpoint(int i, string stage = "s1", string department = "d1", Person? by = null) => new()
    {
        Id = $"t{i}",
        StageId = stage,
        DepartmentId = department,
        Channel = TouchpointChannel.Email,
        CustomerAction = $"Customer reads renewal email {i}",
        PersonaIds = ["p1"],
        CreatedBy = by ?? PersonNo(1),
        CreatedAt = new DateTimeOffset(AsOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
    };

    public static JourneyProgram Program(Charter? charter = null, IEnumerable<Touchpoint>? touchpoints = null,
        IEnumerable<ImprovementAction>? actions = null, IEnumerable<Review>? reviews = null, IEnumerable<ProgressCard>? updates = null,
        DateOnly? collectionOpenedOn = null) => new()
    {
        Id = "prog-1",
        TenantId = "tenant-1",
        Charter = charter ?? CompleteCharter(),
        Touchpoints = touchpoints?.ToList() ?? [],
        Actions = actions?.ToList() ?? [],
        Reviews = reviews?.ToList() ?? [],
        ProgressUpdates = updates?.ToList() ?? [],
        CollectionOpenedOn = collectionOpenedOn,
    };

    // Ten touchpoints of which the first `matching` get `with` applied.
    public static IEnumerable<Touchpoint> Ten(int matching, Func<Touchpoint, Touchpoint> with) =>
        Enumerable.Range(0, 10).Select(i => i < matching ? with(Touchpoint(i)) : Touchpoint(i));

    public static HealthCheck Check(JourneyProgram program, string id) => MapHealth.Evaluate(program, AsOf).Single(c => c.Id.Name() == id);

    // Every field of the format filled in, for round trips and the schema.
    public static JourneyProgram Full()
    {
        var charter = CompleteCharter(stages: 3, departments: 2, personas: 2) with
        {
            Metrics = [new Metric("m1", "Renewal rate", MetricKind.Outcome, 0.82m, 0.9m, "%"), new Metric("m2", "Reminder emails sent", MetricKind.Output, 3, 2, "emails")],
            Budget = "EUR 20k and two workshop days",
            Resources = "One analyst half time",
            Funding = new Funding(20000, "EUR"),
            Team = [new TeamMember(Owner, 50), new TeamMember(PersonNo(7), 20)],
            Tools = ["Miro", "Qualtrics"],
            MoreJourneys = [new Journey("Customer asks for an add-on", "Add-on in use", "Add-on purchase")],
            WorkingHours = new WorkingHours(new TimeOnly(9, 0), new TimeOnly(17, 30), [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], "Europe/London"),
            Personas = [new Persona("p1", "Economic buyer", "Signs the renewal"), new Persona("p2", "End user", null)],
        };
        var touchpoint = Touchpoint(1, "s2", "d2") with
        {
            PersonaIds = ["p1", "p2"],
            Emotion = -2,
            PainPoints = "Price rise is a surprise; Invoice lacks the PO number",
            Evidence = Evidence.SupportTickets,
            SourceLink = "https://support.example.com/report/42",
            Verbatim = "\"Why did nobody tell me?\" <b>not markup</b>",
            Backstage = new Backstage("Renewals desk", "Billing system", "Two systems to re-key"),
            LastVerifiedOn = AsOf.AddDays(-3),
            ChangedOn = AsOf.AddDays(-5),
        };
        var touchpoints = new[] { touchpoint, Touchpoint(2, "s1", "d1") with { Retired = true, Channel = TouchpointChannel.InPerson } };
        var actions = new[] { new ImprovementAction { Id = "a1", Title = "Announce prices 60 days ahead", TouchpointId = "t1", Owner = Owner, DueOn = AsOf.AddDays(14), Status = ActionStatus.InProgress, MetricId = "m1", PainPointId = "t1-p1" } };
        var before = Program(charter, touchpoints, actions, collectionOpenedOn: AsOf.AddDays(-40));
        return Program(charter, touchpoints, actions,
            [new Review("r2", AsOf.AddDays(-40), Owner) { Outcome = ReviewOutcome.Postponed, PostponedTo = AsOf.AddDays(-33), Note = "Half the team at the <b>trade fair</b>" },
             new Review("r1", AsOf.AddDays(-10), Owner, MapHealth.TakeSnapshot(before, AsOf.AddDays(-10))) { Outcome = ReviewOutcome.Updated }],
            [new ProgressCard("cadence-1", AsOf.AddDays(-9), ["sponsor-1", "sponsor-2"], [new Acknowledgement("sponsor-1", AsOf.AddDays(-8))], MapHealth.TakeSnapshot(before, AsOf.AddDays(-9))),
             new ProgressCard("now-202610300900", AsOf.AddDays(-2), ["sponsor-1"], [])],
            collectionOpenedOn: AsOf.AddDays(-40));
    }
}

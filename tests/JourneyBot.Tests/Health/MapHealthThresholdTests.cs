using JourneyBot.Domain;
using JourneyBot.Health;
using static JourneyBot.Tests.Domain.SamplePrograms;
using JourneyBot.Tests.Domain;

namespace JourneyBot.Tests.Health;

// Each HealthThresholds number at, above and below: the side a practitioner calls healthy stays OK.
public sealed class MapHealthThresholdTests
{
    private static HealthStatus Status(JourneyProgram program, string id) => Check(program, id).Status;

    private static IEnumerable<Touchpoint> Many(int count, Func<int, Touchpoint, Touchpoint> with) =>
        Enumerable.Range(0, count).Select(i => with(i, Touchpoint(i)));

    [Theory]
    [InlineData("Fewer lost renewals", HealthStatus.Ok)]
    [InlineData("Halve churn among movers within a year.", HealthStatus.Ok)]
    [InlineData("Reduce churn", HealthStatus.Fail)]
    [InlineData("Map the journey", HealthStatus.Fail)]
    [InlineData("Create a customer journey map", HealthStatus.Fail)]
    [InlineData("Journey map done.", HealthStatus.Fail)]
    [InlineData("Map the journey so renewals stop surprising customers", HealthStatus.Ok)]
    [InlineData("TBD", HealthStatus.Fail)]
    [InlineData("to be defined", HealthStatus.Fail)]
    [InlineData("n/a", HealthStatus.Fail)]
    [InlineData("?", HealthStatus.Fail)]
    [InlineData("  ", HealthStatus.Fail)]
    public void ObjectiveNeedsAStatementOfThreeWordsThatIsMoreThanTheMap(string objective, HealthStatus expected)
    {
        var charter = CompleteCharter() with { Objective = objective };

        Assert.Equal(expected, Status(Program(charter), "objective"));
        Assert.Equal(expected == HealthStatus.Ok, !CharterRules.MissingForCollection(charter).Contains("an objective"));
    }

    [Fact]
    public void ADefinitionOfDoneThatIsAPlaceholderIsFlaggedToo()
    {
        var check = Check(Program(CompleteCharter() with { DefinitionOfDone = "TODO" }), "objective");

        Assert.Equal(HealthStatus.Fail, check.Status);
        Assert.Equal("definition of done is a placeholder", check.Figure);
    }

    [Theory]
    // outcome metrics (with target), output metrics -> outcome-metrics, output-heavy
    [InlineData(1, 1, HealthStatus.Ok, HealthStatus.Ok)]         // outputs exactly half
    [InlineData(2, 1, HealthStatus.Ok, HealthStatus.Ok)]
    [InlineData(2, 3, HealthStatus.Ok, HealthStatus.Ok)]         // a modest majority of outputs (60%)
    [InlineData(1, 2, HealthStatus.Ok, HealthStatus.Ok)]         // two in three: below the threshold
    [InlineData(1, 3, HealthStatus.Ok, HealthStatus.Warn)]       // three outputs to one outcome: at the threshold
    [InlineData(1, 4, HealthStatus.Ok, HealthStatus.Warn)]       // 000's 80% output
    [InlineData(0, 3, HealthStatus.Fail, HealthStatus.NotJudged)] // no outcome at all is the other check's flag
    public void MetricsWantOutcomesWithTargetsAndNotMostlyOutputs(int outcomes, int outputs, HealthStatus noOutcome, HealthStatus outputHeavy)
    {
        var metrics = Enumerable.Range(0, outcomes).Select(i => new Metric($"o{i}", $"Outcome {i}", MetricKind.Outcome, 1, 2))
            .Concat(Enumerable.Range(0, outputs).Select(i => new Metric($"x{i}", $"Output {i}", MetricKind.Output))).ToList();
        var program = Program(CompleteCharter() with { Metrics = metrics });

        Assert.Equal(noOutcome, Status(program, "outcome-metrics"));
        Assert.Equal(outputHeavy, Status(program, "output-heavy"));
    }

    [Fact]
    public void AnOutcomeMetricWithoutATargetDoesNotCount()
    {
        var program = Program(CompleteCharter() with { Metrics = [new Metric("m1", "Renewal rate", MetricKind.Outcome, 0.8m)] });

        Assert.Equal(HealthStatus.Fail, Status(program, "outcome-metrics"));
    }

    // Outputs weighed against outcomes that have no target would repeat the outcome-metrics check's flag.
    [Fact]
    public void OutputsAreNotWeighedWhenNoOutcomeHasATargetOrThereAreNoMetrics()
    {
        var untargeted = Program(CompleteCharter() with
        {
            Metrics = [new Metric("m1", "Renewal rate", MetricKind.Outcome, 0.8m), .. Enumerable.Range(0, 4).Select(i => new Metric($"x{i}", $"Output {i}", MetricKind.Output))],
        });
        var none = Program(CompleteCharter() with { Metrics = [] });

        var check = Check(untargeted, "output-heavy");
        Assert.Equal(HealthStatus.NotJudged, check.Status);
        Assert.Contains("no outcome metric with a target", check.Figure);
        Assert.Equal(HealthStatus.Fail, Status(untargeted, "outcome-metrics"));
        Assert.Equal(HealthStatus.NotJudged, Status(none, "output-heavy"));
        Assert.Contains("Judged once", Check(none, "output-heavy").NextStep);
    }

    [Theory]
    [InlineData(30, 20, 10000, HealthStatus.Ok)]   // half a role exactly
    [InlineData(30, 19, 10000, HealthStatus.Warn)] // just under
    [InlineData(100, 0, 10000, HealthStatus.Ok)]
    [InlineData(100, 0, 0, HealthStatus.Warn)]     // budget explicitly none
    [InlineData(10, 10, 0, HealthStatus.Fail)]     // DIY: neither
    public void ResourcesWantABudgetAndHalfAFullTimeRole(int first, int second, int budget, HealthStatus expected)
    {
        var team = new[] { first, second }.Where(p => p > 0).Select((p, i) => new TeamMember(PersonNo(200 + i), p)).ToList();
        var charter = CompleteCharter() with { Team = team, Funding = new Funding(budget, "EUR") };

        Assert.Equal(expected, Status(Program(charter), "resources"));
    }

    [Theory]
    [InlineData(null, HealthStatus.Fail)]
    [InlineData("none", HealthStatus.Fail)]
    [InlineData("TBD", HealthStatus.Fail)]
    [InlineData("EUR 20k", HealthStatus.Warn)]
    public void AFormatOneBudgetNoteCountsUnlessItIsAPlaceholder(string? budget, HealthStatus expected)
    {
        // No team recorded: a note alone leaves the time problem, so a real note moves Fail to Warn.
        Assert.Equal(expected, Status(Program(CompleteCharter() with { Budget = budget }), "resources"));
    }

    [Theory]
    // days ago each card was sent, newest first, and whether it was acknowledged
    [InlineData(new[] { 10, 40, 70 }, new[] { false, false, true }, HealthStatus.Ok)]    // below: two in a row
    [InlineData(new[] { 10, 40, 70 }, new[] { false, false, false }, HealthStatus.Fail)] // at: three in a row
    [InlineData(new[] { 10, 40, 70, 100 }, new[] { false, false, false, false }, HealthStatus.Fail)] // above: four
    [InlineData(new[] { 7, 37, 67 }, new[] { false, false, false }, HealthStatus.Ok)]    // newest still within its grace week
    [InlineData(new[] { 8, 38, 68 }, new[] { false, false, false }, HealthStatus.Fail)]
    [InlineData(new[] { 10, 40, 70 }, new[] { false, true, false }, HealthStatus.Ok)]    // one missed card is not disengagement
    public void SponsorsAreDisengagedAfterThreeCardsInARowThatNoSponsorAcknowledged(int[] sentDaysAgo, bool[] acknowledged, HealthStatus expected)
    {
        var cards = sentDaysAgo.Select((d, i) => new ProgressCard($"c{i}", AsOf.AddDays(-d), ["sponsor-1"],
            acknowledged[i] ? [new Acknowledgement("sponsor-1", AsOf.AddDays(-d + 1))] : []));

        Assert.Equal(expected, Status(Program(updates: cards), "sponsor-engagement"));
    }

    [Fact]
    public void ACardOneOfTwoSponsorsAcknowledgedWasRead()
    {
        var charter = CompleteCharter() with { Sponsors = [new Person("sponsor-1", "Sam Sponsor"), new Person("sponsor-2", "Kim Sponsor")] };
        var cards = new[] { 10, 40, 70 }.Select(d => new ProgressCard($"c{d}", AsOf.AddDays(-d), ["sponsor-1", "sponsor-2"], [new Acknowledgement("sponsor-2", AsOf.AddDays(-d + 2))]));

        Assert.Equal(HealthStatus.Ok, Status(Program(charter, updates: cards), "sponsor-engagement"));
    }

    [Fact]
    public void ThreeCardsNeitherSponsorAcknowledgedFailAndTheNextStepSendsTheCard()
    {
        var charter = CompleteCharter() with { Sponsors = [new Person("sponsor-1", "Sam Sponsor"), new Person("sponsor-2", "Kim Sponsor")] };
        var cards = new[] { 10, 40, 70 }.Select(d => new ProgressCard($"c{d}", AsOf.AddDays(-d), ["sponsor-1", "sponsor-2"], []));

        var check = Check(Program(charter, updates: cards), "sponsor-engagement");

        Assert.Equal(HealthStatus.Fail, check.Status);
        Assert.Equal("3 cards in a row unacknowledged, none ever acknowledged", check.Figure);
        Assert.Equal(HealthCommand.SendProgress, check.Command);
        Assert.Contains("Sam Sponsor, Kim Sponsor", check.NextStep);
    }

    [Theory]
    [InlineData(3, HealthStatus.Ok)]
    [InlineData(10, HealthStatus.Ok)]
    [InlineData(11, HealthStatus.Warn)]
    public void AFocusedJourneyHasAtMostTenStages(int stages, HealthStatus expected)
    {
        Assert.Equal(expected, Status(Program(CompleteCharter(stages: stages)), "scope"));
    }

    [Theory]
    // touchpoints per department (d1, d2, d3, d4)
    [InlineData(new[] { 4, 3, 3, 0 }, 4, HealthStatus.Ok)]   // sparse is fine: three departments, none silent long
    [InlineData(new[] { 6, 2, 2 }, 3, HealthStatus.Ok)]      // 60% exactly
    [InlineData(new[] { 7, 2, 1 }, 3, HealthStatus.Warn)]    // 70% from one department
    [InlineData(new[] { 5, 5 }, 2, HealthStatus.Warn)]       // two departments
    public void SiloWantsThreeDepartmentsNoneWritingMoreThanSixtyPercent(int[] perDepartment, int departments, HealthStatus expected)
    {
        var touchpoints = perDepartment.SelectMany((n, d) => Enumerable.Repeat($"d{d + 1}", n)).Select((d, i) => Touchpoint(i, department: d));

        Assert.Equal(expected, Status(Program(CompleteCharter(departments: departments), touchpoints, collectionOpenedOn: AsOf.AddDays(-20)), "silo"));
    }

    // Regression: an imported file or a charter mid-setup can carry touchpoints before any department is named;
    // Silo used to throw "Sequence contains no elements" there (MaxBy of no departments).
    [Fact]
    public void TouchpointsWithNoDepartmentsYetAreNotJudgedForSiloAndTheRestOfHealthStillAnswers()
    {
        var touchpoints = Many(12, (i, t) => t with { DepartmentId = $"d{i % 3 + 1}" });
        var program = Program(CompleteCharter(departments: 2) with { Departments = [] }, touchpoints,
            collectionOpenedOn: AsOf.AddDays(-60));

        var checks = MapHealth.Evaluate(program, AsOf);
        var silo = checks.Single(c => c.Id.Name() == "silo");

        Assert.Equal(HealthStatus.NotJudged, silo.Status);
        Assert.Equal("no departments named in the charter yet; 12 touchpoints on the map", silo.Figure);
        Assert.Equal(HealthCommand.Departments, silo.Command);
        Assert.Equal(MapHealth.Evaluate(Program(), AsOf).Count, checks.Count);
        // The portfolio row judges the same program without failing, and does not flag the unjudged check.
        var row = JourneyBot.Portfolio.PortfolioRow.Of(program, ProgramRole.Owner, AsOf);
        Assert.Equal(program.Id, row.ProgramId);
        Assert.DoesNotContain(silo.Title, row.Watching.Concat(row.Failing));

    }

    [Theory]
    [InlineData(20, HealthStatus.Ok)]
    [InlineData(21, HealthStatus.Warn)]
    public void ACharterDepartmentThatStaysSilentThreeWeeksIsFlagged(
int daysOpen, HealthStatus expected)
    {
        var touchpoints = new[] { 4, 3, 3 }.SelectMany((n, d) => Enumerable.Repeat($"d{d + 1}", n)).Select((d, i) => Touchpoint(i, department: d));

        var check = Check(Program(CompleteCharter(departments: 4), touchpoints, collectionOpenedOn: AsOf.AddDays(-daysOpen)), "silo");

        Assert.Equal(expected, check.Status);
        if (expected != HealthStatus.Ok) Assert.Equal(["Department 4 contributed nothing"], check.Details);
    }

    [Theory]
    [InlineData(1, 0, 0, HealthStatus.Fail)]  // one persona
    [InlineData(2, 2, 0, HealthStatus.Ok)]    // 2 of 10 untagged: 20%
    [InlineData(2, 3, 0, HealthStatus.Warn)]  // 3 of 10 untagged
    public void PersonasWantTwoAndTouchpointsTaggedWithThem(int personas, int untagged, int unused, HealthStatus expected)
    {
        var touchpoints = Many(10, (i, t) => t with { PersonaIds = i < untagged ? [] : [i % 2 == 0 || personas == 1 ? "p1" : "p2"] });

        Assert.Equal(expected, Status(Program(CompleteCharter(personas: personas + unused), touchpoints), "personas"));
    }

    [Theory]
    [InlineData(17, HealthStatus.Ok)]   // 85% tagged with every persona
    [InlineData(18, HealthStatus.Warn)] // 90%: tags not really used
    public void NearlyEveryTouchpointWithEveryPersonaIsOneSizeFitsAll(int withAll, HealthStatus expected)
    {
        var touchpoints = Many(20, (i, t) => t with { PersonaIds = i < withAll ? ["p1", "p2"] : [i % 2 == 0 ? "p1" : "p2"] });

        Assert.Equal(expected, Status(Program(CompleteCharter(personas: 2), touchpoints), "personas"));
    }

    [Fact]
    public void APersonaNoTouchpointAppliesToIsNamed()
    {
        var touchpoints = Many(10, (i, t) => t with { PersonaIds = [i % 2 == 0 ? "p1" : "p2"] });

        var check = Check(Program(CompleteCharter(personas: 3), touchpoints), "personas");

        Assert.Equal(HealthStatus.Warn, check.Status);
        Assert.Equal(["no touchpoint applies to Persona 3"], check.Details);
    }

    [Theory]
    [InlineData(5, HealthStatus.Ok)]
    [InlineData(4, HealthStatus.Warn)]
    [InlineData(3, HealthStatus.Warn)]
    [InlineData(2, HealthStatus.Fail)]
    public void EvidenceWantsHalfTheTouchpoints(int backed, HealthStatus expected)
    {
        var touchpoints = Many(10, (i, t) => t with { Evidence = i < backed ? Evidence.SupportTickets : Evidence.Assumption });

        Assert.Equal(expected, Status(Program(touchpoints: touchpoints), "evidence"));
    }

    [Theory]
    [InlineData(6, HealthStatus.Ok)]
    [InlineData(5, HealthStatus.Warn)]
    public void EmotionWantsSixInTen(int withEmotion, HealthStatus expected)
    {
        var touchpoints = Many(10, (i, t) => t with { Emotion = i < withEmotion ? i % 3 - 1 : null });

        Assert.Equal(expected, Status(Program(touchpoints: touchpoints), "emotion"));
    }

    [Theory]
    [InlineData(0, HealthStatus.Warn)]  // one value everywhere: a flat curve
    [InlineData(1, HealthStatus.Ok)]
    public void AFlatEmotionCurveIsFlagged(int different, HealthStatus expected)
    {
        var touchpoints = Many(10, (i, t) => t with { Emotion = i < different ? -2 : 1 });

        Assert.Equal(expected, Status(Program(touchpoints: touchpoints), "emotion"));
    }

    [Theory]
    [InlineData(2, HealthStatus.Ok)]
    [InlineData(1, HealthStatus.Warn)]
    public void VerbatimsWantOneInFive(int with, HealthStatus expected)
    {
        var touchpoints = Many(10, (i, t) => t with { Verbatim = i < with ? "Why did nobody tell me?" : null });

        Assert.Equal(expected, Status(Program(touchpoints: touchpoints), "verbatims"));
    }

    [Theory]
    [InlineData(5, 1, HealthStatus.Ok)]
    [InlineData(4, 1, HealthStatus.Warn)]   // backstage on too few
    [InlineData(10, 0, HealthStatus.Warn)]  // employees' pain never recorded
    public void EmployeeSideWantsHalfTheBackstageAndSomeEmployeePain(int backstage, int pain, HealthStatus expected)
    {
        var touchpoints = Many(10, (i, t) => t with { Backstage = new Backstage("Renewals desk", i < backstage ? "CRM" : null, i < pain ? "Two systems to re-key" : null) });

        Assert.Equal(expected, Status(Program(touchpoints: touchpoints), "employee-side"));
    }

    [Theory]
    [InlineData(92, HealthStatus.Ok)]
    [InlineData(93, HealthStatus.Warn)]
    [InlineData(365, HealthStatus.Warn)]  // a yearly review is not regularly revisiting
    public void ACadenceLongerThanAQuarterIsNotALivingMap(int cadence, HealthStatus expected)
    {
        var program = Program(CompleteCharter() with { ReviewCadenceDays = cadence }, reviews: [new Review("r1", AsOf.AddDays(-10), Owner)], collectionOpenedOn: AsOf.AddDays(-40));

        Assert.Equal(expected, Status(program, "stale"));
    }

    [Theory]
    // 30-day cadence: late after 37.5 days, failing after 60
    [InlineData(37, HealthStatus.Ok)]
    [InlineData(38, HealthStatus.Warn)]
    [InlineData(60, HealthStatus.Warn)]
    [InlineData(61, HealthStatus.Fail)]
    public void ReviewsAreLateAfterTheCadenceAndAQuarterOfGrace(int daysAgo, HealthStatus expected)
    {
        var program = Program(reviews: [new Review("r1", AsOf.AddDays(-daysAgo), Owner)], collectionOpenedOn: AsOf.AddDays(-200));

        Assert.Equal(expected, Status(program, "stale"));
    }

    [Theory]
    // verified within two 30-day cadences
    [InlineData(5, HealthStatus.Ok)]
    [InlineData(4, HealthStatus.Warn)]
    public void HalfTheTouchpointsVerifiedInTwoCadences(int fresh, HealthStatus expected)
    {
        var old = new DateTimeOffset(AsOf.AddDays(-120).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var touchpoints = Many(10, (i, t) => t with { CreatedAt = old, LastVerifiedOn = AsOf.AddDays(i < fresh ? -60 : -61) });

        Assert.Equal(expected, Status(Program(touchpoints: touchpoints, reviews: [new Review("r1", AsOf.AddDays(-5), Owner)]), "stale"));
    }

    [Theory]
    // four critical pain points (emotion -1 or lower); actions on the first n
    [InlineData(2, HealthStatus.Ok)]
    [InlineData(1, HealthStatus.Warn)]
    [InlineData(0, HealthStatus.Fail)]
    public void MostCriticalPainPointsWantAnAction(int actioned, HealthStatus expected)
    {
        var touchpoints = Many(6, (i, t) => t with { Emotion = i < 4 ? -1 : 1, PainPoints = $"Pain {i}" }).ToList();
        var actions = Enumerable.Range(0, Math.Max(actioned, expected == HealthStatus.Fail ? 0 : 1)).Select(i => new ImprovementAction
        {
            Id = $"a{i}", Title = $"Fix {i}", TouchpointId = i < actioned ? $"t{i}" : "t5", Owner = Owner, DueOn = AsOf.AddDays(30),
        });

        Assert.Equal(expected, Status(Program(touchpoints: touchpoints, actions: actions), "actions"));
    }

    [Theory]
    // ten open actions; the first n late by `days`
    [InlineData(3, 8, HealthStatus.Ok)]     // 30% late
    [InlineData(4, 8, HealthStatus.Warn)]   // 40% late
    [InlineData(10, 7, HealthStatus.Ok)]    // a week late is within grace
    [InlineData(1, 60, HealthStatus.Ok)]
    [InlineData(1, 61, HealthStatus.Warn)]  // one long overdue
    [InlineData(4, 61, HealthStatus.Fail)]  // both
    public void OverdueActionsAreASizeableShareOrOneLongOverdue(int late, int days, HealthStatus expected)
    {
        var actions = Enumerable.Range(0, 10).Select(i => new ImprovementAction
        {
            Id = $"a{i}", Title = $"Fix {i}", Owner = Owner, DueOn = AsOf.AddDays(i < late ? -days : 10),
        });

        Assert.Equal(expected, Status(Program(actions: actions), "overdue-actions"));
    }

    [Theory]
    // touchpoints per person
    [InlineData(new[] { 5, 2, 2, 1 }, HealthStatus.Ok)]    // four people, top 50%
    [InlineData(new[] { 4, 3, 3 }, HealthStatus.Warn)]     // three people
    [InlineData(new[] { 6, 2, 1, 1 }, HealthStatus.Warn)]  // one wrote 60%
    public void ContributorsWantFourPeopleNoneWritingMoreThanHalf(int[] perPerson, HealthStatus expected)
    {
        var touchpoints = perPerson.SelectMany((n, p) => Enumerable.Repeat(p, n)).Select((p, i) => Touchpoint(i, by: PersonNo(p)));

        Assert.Equal(expected, Status(Program(touchpoints: touchpoints), "contributors"));
    }
}

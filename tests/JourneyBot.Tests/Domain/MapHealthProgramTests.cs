using JourneyBot.Domain;
using static JourneyBot.Tests.Domain.SamplePrograms;

namespace JourneyBot.Tests.Domain;

public sealed class MapHealthProgramTests
{
    [Fact]
    public void EveryCheckTheDesignNamesIsReported()
    {
        var ids = MapHealth.Evaluate(Program(), AsOf).Select(c => c.Id);

        Assert.Equal(
            ["charter", "scope", "department-coverage", "persona-coverage", "evidence", "verbatims", "emotion", "employee-side",
             "metric-balance", "freshness", "review-recency", "action-follow-through", "overdue-actions", "contributors", "sponsor-engagement"],
            ids);
    }

    [Fact]
    public void CompleteCharterIsOkAndAnIncompleteOneNamesWhatIsMissing()
    {
        Assert.Equal(HealthStatus.Ok, Check(Program(), "charter").Status);

        var check = Check(Program(CompleteCharter() with { Objective = " ", Sponsors = [] }), "charter");

        Assert.Equal(HealthStatus.Fail, check.Status);
        Assert.Equal(["an objective", "at least one sponsor"], check.Details);
        Assert.Equal("Add an objective.", check.NextStep);
    }

    [Theory]
    [InlineData(1, HealthStatus.Fail)]
    [InlineData(2, HealthStatus.Ok)]
    [InlineData(12, HealthStatus.Ok)]
    [InlineData(13, HealthStatus.Warn)]
    public void ScopeWantsTwoToTwelveStages(int stages, HealthStatus expected)
    {
        Assert.Equal(expected, Check(Program(CompleteCharter(stages: stages)), "scope").Status);
    }

    [Theory]
    [InlineData("order placed and licence renewed", HealthStatus.Warn)]
    [InlineData("onboarding, renewal", HealthStatus.Warn)]
    [InlineData("licence renewed", HealthStatus.Ok)]
    public void ScopeWarnsWhenTheJourneyNamesSeveral(string end, HealthStatus expected)
    {
        var charter = CompleteCharter() with { Journey = new Journey("renewal notice received", end) };

        Assert.Equal(expected, Check(Program(charter), "scope").Status);
    }

    [Fact]
    public void DepartmentCoverageListsTheEmptyCells()
    {
        // 2 stages x 2 departments; 3 of 4 cells filled (75%, above 60%), both departments contribute.
        var touchpoints = new[] { Touchpoint(1, "s1", "d1"), Touchpoint(2, "s2", "d1"), Touchpoint(3, "s1", "d2") };

        var check = Check(Program(touchpoints: touchpoints), "department-coverage");

        Assert.Equal(HealthStatus.Ok, check.Status);
        Assert.Equal(["Stage 2 x Department 2"], check.Details);
        Assert.Equal("2 of 2 departments; 3 of 4 cells filled", check.Figure);
    }

    [Theory]
    // departments contributing / cells filled -> status (ok needs every department and 60% of cells)
    [InlineData(new[] { "s1:d1", "s2:d1", "s1:d2", "s2:d2" }, 2, HealthStatus.Ok)]
    [InlineData(new[] { "s1:d1", "s1:d2" }, 2, HealthStatus.Warn)]
    [InlineData(new[] { "s1:d1", "s2:d1" }, 2, HealthStatus.Warn)]
    [InlineData(new[] { "s1:d1", "s2:d1" }, 3, HealthStatus.Fail)]
    public void DepartmentCoverageGrades(string[] cells, int departments, HealthStatus expected)
    {
        var touchpoints = cells.Select((c, i) => Touchpoint(i, c.Split(':')[0], c.Split(':')[1]));

        var check = Check(Program(CompleteCharter(departments: departments), touchpoints), "department-coverage");

        Assert.Equal(expected, check.Status);
    }

    [Theory]
    // 5 stages x 1 persona: ok from 60% (3 cells), warn from 30%; 10 stages: 3 cells = 30% warn, 2 = fail
    [InlineData(5, 4, HealthStatus.Ok)]
    [InlineData(5, 3, HealthStatus.Ok)]
    [InlineData(5, 2, HealthStatus.Warn)]
    [InlineData(10, 3, HealthStatus.Warn)]
    [InlineData(10, 2, HealthStatus.Fail)]
    public void PersonaCoverageGradesStageByPersonaCells(int stages, int filled, HealthStatus expected)
    {
        var touchpoints = Enumerable.Range(1, filled).Select(i => Touchpoint(i, $"s{i}"));

        var check = Check(Program(CompleteCharter(stages: stages), touchpoints), "persona-coverage");

        Assert.Equal(expected, check.Status);
    }

    [Fact]
    public void PersonaCoverageNamesPersonasNoTouchpointServes()
    {
        var check = Check(Program(CompleteCharter(personas: 2), [Touchpoint(1)]), "persona-coverage");

        Assert.Contains("Persona 2", check.NextStep);
    }

    [Theory]
    [InlineData(0, 1, HealthStatus.Fail)]
    [InlineData(1, 1, HealthStatus.Ok)]
    [InlineData(1, 2, HealthStatus.Warn)]
    [InlineData(2, 1, HealthStatus.Ok)]
    public void MetricBalanceWantsOutcomesAtLeastHalf(int outcomes, int outputs, HealthStatus expected)
    {
        var metrics = Enumerable.Range(0, outcomes).Select(i => new Metric($"o{i}", "Retention", MetricKind.Outcome, null, 1, "%"))
            .Concat(Enumerable.Range(0, outputs).Select(i => new Metric($"p{i}", "Emails sent", MetricKind.Output, null, null, null)));

        Assert.Equal(expected, Check(Program(CompleteCharter() with { Metrics = metrics.ToList() }), "metric-balance").Status);
    }

    [Theory]
    [InlineData(30, HealthStatus.Ok)]
    [InlineData(31, HealthStatus.Warn)]
    [InlineData(60, HealthStatus.Warn)]
    [InlineData(61, HealthStatus.Fail)]
    public void ReviewRecencyGradesDaysSinceTheLastReviewAgainstTheCadence(int daysAgo, HealthStatus expected)
    {
        var reviews = new[] { new Review("r1", AsOf.AddDays(-daysAgo), Owner), new Review("r0", AsOf.AddDays(-200), Owner) };

        var check = Check(Program(reviews: reviews, collectionOpenedOn: AsOf.AddDays(-300)), "review-recency");

        Assert.Equal(expected, check.Status);
        Assert.StartsWith($"{daysAgo} days", check.Figure);
    }

    [Fact]
    public void BeforeAnyReviewTheClockStartsWhenCollectionOpens()
    {
        Assert.Equal(HealthStatus.Ok, Check(Program(), "review-recency").Status);
        Assert.Equal(HealthStatus.Warn, Check(Program(collectionOpenedOn: AsOf.AddDays(-45)), "review-recency").Status);
    }

    [Theory]
    // ten touchpoints with pain points; ok from 50% with an action, warn from 20%
    [InlineData(6, HealthStatus.Ok)]
    [InlineData(5, HealthStatus.Ok)]
    [InlineData(4, HealthStatus.Warn)]
    [InlineData(2, HealthStatus.Warn)]
    [InlineData(1, HealthStatus.Fail)]
    public void ActionFollowThroughGradesPainPointsWithActions(int withActions, HealthStatus expected)
    {
        var touchpoints = Ten(10, t => t with { PainPoints = "Renewal price is a surprise" });
        var actions = Enumerable.Range(0, withActions).Select(i => new ImprovementAction
        {
            Id = $"a{i}", Title = "Show the price early", TouchpointId = $"t{i}", Owner = Owner, DueOn = AsOf.AddDays(10),
        });

        Assert.Equal(expected, Check(Program(touchpoints: touchpoints, actions: actions), "action-follow-through").Status);
    }

    [Theory]
    // ten open actions; any overdue warns, more than 20% fails
    [InlineData(0, HealthStatus.Ok)]
    [InlineData(1, HealthStatus.Warn)]
    [InlineData(2, HealthStatus.Warn)]
    [InlineData(3, HealthStatus.Fail)]
    public void OverdueActionsGradeTheShareOfOpenActionsPastDue(int overdue, HealthStatus expected)
    {
        var actions = Enumerable.Range(0, 10).Select(i => new ImprovementAction
        {
            Id = $"a{i}", Title = $"Action {i}", Owner = Owner,
            // Due today is not overdue; due yesterday is.
            DueOn = i < overdue ? AsOf.AddDays(-1) : AsOf,
        }).Append(new ImprovementAction { Id = "done", Title = "Closed long ago", Owner = Owner, DueOn = AsOf.AddDays(-100), Status = ActionStatus.Done });

        var check = Check(Program(actions: actions), "overdue-actions");

        Assert.Equal(expected, check.Status);
        Assert.Equal(overdue, check.Details!.Count);
    }

    [Theory]
    // two departments; ok from 2 people per department, warn from 1
    [InlineData(5, HealthStatus.Ok)]
    [InlineData(4, HealthStatus.Ok)]
    [InlineData(3, HealthStatus.Warn)]
    [InlineData(2, HealthStatus.Warn)]
    [InlineData(1, HealthStatus.Fail)]
    public void ContributorsGradePeoplePerDepartment(int people, HealthStatus expected)
    {
        var touchpoints = Enumerable.Range(0, 6).Select(i => Touchpoint(i, by: PersonNo(i % people)));

        var check = Check(Program(touchpoints: touchpoints), "contributors");

        Assert.Equal(expected, check.Status);
        Assert.StartsWith($"{people} people", check.Figure);
    }

    [Theory]
    [InlineData(2, 2, HealthStatus.Ok)]
    [InlineData(2, 1, HealthStatus.Warn)]
    [InlineData(3, 1, HealthStatus.Fail)]
    [InlineData(2, 0, HealthStatus.Fail)]
    public void SponsorEngagementGradesRecentAcknowledgements(int sponsors, int acknowledged, HealthStatus expected)
    {
        var people = Enumerable.Range(0, sponsors).Select(i => new Person($"sponsor-{i}", $"Sponsor {i}")).ToList();
        var updates = people.Select((p, i) => new ProgressUpdate(p.AadObjectId, AsOf.AddDays(-7), i < acknowledged ? AsOf.AddDays(-6) : null));

        var check = Check(Program(CompleteCharter() with { Sponsors = people }, updates: updates), "sponsor-engagement");

        Assert.Equal(expected, check.Status);
    }

    [Fact]
    public void SponsorAcknowledgementsOlderThanTwoCadencesDoNotCount()
    {
        var updates = new[] { new ProgressUpdate("sponsor-1", AsOf.AddDays(-61), AsOf.AddDays(-61)) };

        var check = Check(Program(updates: updates), "sponsor-engagement");

        Assert.Equal(HealthStatus.Warn, check.Status);
        Assert.Equal("no progress card sent recently", check.Figure);
    }
}

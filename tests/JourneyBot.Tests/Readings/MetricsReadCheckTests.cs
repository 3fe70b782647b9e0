using JourneyBot.Domain;
using JourneyBot.Health;
using JourneyBot.Tests.Domain;

namespace JourneyBot.Tests.Readings;

// The "outcome metrics read" rule at its edges: not judged before any figure or while the program is young, ok
// while each outcome metric is read within two of its cadences, a warning past that.
public sealed class MetricsReadCheckTests
{
    private static readonly DateOnly AsOf = SamplePrograms.AsOf;

    private static JourneyProgram Program(int openedDaysAgo, params (string Metric, int DaysAgo)[] figures)
    {
        var charter = SamplePrograms.CompleteCharter() with
        {
            Metrics = [new Metric("m1", "Renewal rate", MetricKind.Outcome, 0.82m, 0.9m, "%"),
                       new Metric("m2", "Effort score", MetricKind.Outcome, 3, 2, CadenceDays: 90),
                       new Metric("m3", "Emails sent", MetricKind.Output, 3, 2)],
        };
        return SamplePrograms.Program(charter, collectionOpenedOn: AsOf.AddDays(-openedDaysAgo)) with
        {
            Readings = figures.Select(f => new MetricReading { MetricId = f.Metric, Value = 1, On = AsOf.AddDays(-f.DaysAgo), RecordedBy = SamplePrograms.Owner })
                .OrderBy(r => r.On).ToList(),
        };
    }

    private static HealthCheck Check(JourneyProgram program) => MapHealth.Evaluate(program, AsOf).Single(c => c.Id == HealthCheckId.MetricsRead);

    [Fact]
    public void NotJudgedBeforeAnyFigure()
    {
        var check = Check(Program(400));
        Assert.Equal((HealthStatus.NotJudged, "no reading recorded yet"), (check.Status, check.Figure));
        Assert.Equal("metrics-read", check.Id.Name());
        Assert.Equal(HealthCommand.Record, check.Command);
    }

    [Fact]
    public void NotJudgedWhileTheProgramIsYoung()
    {
        // Opened 50 days ago: two monthly cadences have not passed, even though the only figure is from the start.
        var check = Check(Program(50, ("m1", 50)));
        Assert.Equal(HealthStatus.NotJudged, check.Status);
        Assert.Contains("too young", check.Figure);
    }

    [Fact]
    public void OkWhileEachOutcomeMetricIsReadWithinTwoOfItsCadences()
    {
        // m1 monthly, read 60 days ago (exactly two cadences); m2 quarterly, read 170 days ago; the output is not asked.
        var check = Check(Program(400, ("m1", 60), ("m2", 170)));
        Assert.Equal(HealthStatus.Ok, check.Status);
        Assert.Equal("2 of 2 outcome metrics read within 2 cadences", check.Figure);
    }

    [Fact]
    public void WarnsForAnOutcomeMetricNotReadForTwoCadences()
    {
        var check = Check(Program(400, ("m1", 61), ("m2", 10)));
        Assert.Equal(HealthStatus.Warn, check.Status);
        Assert.Equal("1 of 2 outcome metrics read within 2 cadences", check.Figure);
        Assert.Equal<string>(["Renewal rate: last read 61 days ago (read every 30)"], check.Details!);
        Assert.Contains("What you measure", File.ReadAllText(Path.Combine(Infrastructure.RepoPaths.Root, "src", "JourneyBot", "Health", "MetricsReadCheck.cs")));
    }

    [Fact]
    public void AMetricNeverReadBesideReadOnesWarnsOnceTwoOfItsCadencesHavePassed()
    {
        var check = Check(Program(200, ("m1", 5)));
        Assert.Equal(HealthStatus.Warn, check.Status);
        Assert.Equal<string>(["Effort score: never read (200 days open, read every 90)"], check.Details!);
    }
}

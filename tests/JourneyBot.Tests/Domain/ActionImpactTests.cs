using JourneyBot.Domain;

namespace JourneyBot.Tests.Domain;

public class ActionImpactTests
{
    private static readonly DateOnly Started = new(2026, 9, 1);
    private static readonly DateOnly Done = new(2026, 10, 1);
    private static readonly Person Owner = new("owner-1", "Olga Owner");

    private static JourneyProgram With(Metric metric, params (int DaysFromDone, decimal Value)[] readings) =>
        SamplePrograms.Full() with
        {
            Charter = SamplePrograms.Full().Charter with { Metrics = [metric] },
            Actions =
            [
                new ImprovementAction
                {
                    Id = "a1", Title = "Fix renewals", Owner = Owner, DueOn = Done, Status = ActionStatus.Done,
                    MetricId = metric.Id, StartedOn = Started, DoneOn = Done,
                },
            ],
            Readings = [.. readings.Select(r => new MetricReading { MetricId = metric.Id, Value = r.Value, On = Done.AddDays(r.DaysFromDone), RecordedBy = Owner })],
        };

    private static readonly Metric Rate = new("m1", "Renewal rate", MetricKind.Outcome, 80, 90, "%");

    [Fact]
    public void WithoutReadingsNothingIsJudged()
    {
        var program = With(Rate);
        var impact = ActionImpact.Of(program, program.Actions[0])!;
        Assert.Equal((null, null, 0, (decimal?)null), (impact.Before, impact.Latest, impact.ReadingsSinceDone, impact.Change));
    }

    [Fact]
    public void ReadingsOnlyBeforeGiveABeforeFigureAndNoChange()
    {
        var program = With(Rate, (-60, 79), (-30, 80), (-10, 83));
        var impact = ActionImpact.Of(program, program.Actions[0])!;
        // -30 is the start day: still "before"; -10 fell while the work went on, so it is neither side.
        Assert.Equal(80, impact.Before!.Value);
        Assert.Null(impact.Latest);
        Assert.Null(impact.Change);
    }

    [Fact]
    public void AReadingOnTheDoneDayIsNotYetAfter()
    {
        var program = With(Rate, (-30, 80), (0, 84));
        var impact = ActionImpact.Of(program, program.Actions[0])!;
        Assert.Equal((0, (decimal?)null), (impact.ReadingsSinceDone, impact.Change));

        var later = With(Rate, (-30, 80), (0, 84), (14, 86));
        var moved = ActionImpact.Of(later, later.Actions[0])!;
        Assert.Equal((1, (decimal?)6), (moved.ReadingsSinceDone, moved.Change));
    }

    [Fact]
    public void AMetricThatShouldFallCountsAFallAsTowardsItsTarget()
    {
        var waits = new Metric("m1", "Wait in minutes", MetricKind.Outcome, 30, 10, "min");
        var program = With(waits, (-30, 30), (20, 24));
        Assert.Equal(6, ActionImpact.Of(program, program.Actions[0])!.TowardsTarget);
    }

    [Fact]
    public void TwoFiguresAfterDoneWithoutMovementAreWorthPointingOut()
    {
        var program = With(Rate, (-30, 80), (20, 80), (50, 80));
        Assert.True(ActionImpact.Of(program, program.Actions[0])!.NeverMoved);
        var once = With(Rate, (-30, 80), (20, 80));
        Assert.False(ActionImpact.Of(once, once.Actions[0])!.NeverMoved);
    }

    [Fact]
    public void AnActionNotDoneOrWithoutItsDatesIsNotJudged()
    {
        var program = With(Rate, (-30, 80), (20, 85));
        Assert.Null(ActionImpact.Of(program, program.Actions[0] with { Status = ActionStatus.InProgress }));
        Assert.Null(ActionImpact.Of(program, program.Actions[0] with { DoneOn = null }));
        Assert.Null(ActionImpact.Of(program, program.Actions[0] with { MetricId = "m9" }));
    }

    [Fact]
    public void RankedPutsTheMostMovedFirstAndTheUnjudgedLast()
    {
        var program = With(Rate, (-30, 80), (20, 85));
        var small = program.Actions[0] with { Id = "a2", Title = "Small", StartedOn = Done.AddDays(10), DoneOn = Done.AddDays(15) };
        var unjudged = program.Actions[0] with { Id = "a3", Title = "Unjudged", MetricId = null };
        program = program with { Actions = [unjudged, small, program.Actions[0]] };
        // a1 and a2 both read 80 before and 85 after (+5): the title orders the tie; a3 names no metric.
        Assert.Equal(["a1", "a2", "a3"], ActionImpact.Ranked(program).Select(x => x.Action.Id));
    }
}

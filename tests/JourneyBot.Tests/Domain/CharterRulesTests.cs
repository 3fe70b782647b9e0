using JourneyBot.Domain;
using static JourneyBot.Tests.Domain.SamplePrograms;

namespace JourneyBot.Tests.Domain;

public sealed class CharterRulesTests
{
    [Fact]
    public void ACompleteCharterIsReadyForCollection()
    {
        Assert.True(CharterRules.IsReadyForCollection(CompleteCharter()));
    }

    [Fact]
    public void AnEmptyCharterNamesEveryMissingItem()
    {
        var missing = CharterRules.MissingForCollection(new Charter { Name = "Renewal" });

        Assert.Equal(
        [
            "the journey it maps: what starts it and how it ends", "an objective", "a definition of done",
            "at least one outcome metric with a target", "at least one sponsor", "at least 2 departments (now 0)",
            "at least one persona", "between 2 and 12 stages (now 0)",
        ], missing);
    }

    [Fact]
    public void AnOutcomeMetricWithoutATargetOrAnOutputMetricDoesNotCount()
    {
        var charter = CompleteCharter() with
        {
            Metrics = [new Metric("m1", "NPS", MetricKind.Outcome, 30, null, "points"), new Metric("m2", "Calls", MetricKind.Output, 10, 5, null)],
        };

        Assert.Equal(["at least one outcome metric with a target"], CharterRules.MissingForCollection(charter));
    }

    [Fact]
    public void DepartmentsWithoutAContactAreNamed()
    {
        var charter = CompleteCharter(departments: 3) with
        {
            Departments = [new Department("d1", "Sales", [PersonNo(1)]), new Department("d2", "Billing", []), new Department("d3", "Support", [])],
        };

        Assert.Equal(["a contact for Billing, Support"], CharterRules.MissingForCollection(charter));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(12, true)]
    [InlineData(13, false)]
    public void StagesMustNumberTwoToTwelve(int stages, bool ready)
    {
        Assert.Equal(ready, CharterRules.IsReadyForCollection(CompleteCharter(stages: stages)));
    }
}

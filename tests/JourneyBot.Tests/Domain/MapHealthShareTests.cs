using JourneyBot.Domain;
using static JourneyBot.Tests.Domain.SamplePrograms;

namespace JourneyBot.Tests.Domain;

// The touchpoint-share checks, each at, just above and just below its ok and warn thresholds (out of ten).
public sealed class MapHealthShareTests
{
    private static readonly Dictionary<string, Func<Touchpoint, Touchpoint>> Makes = new()
    {
        ["evidence"] = t => t with { Evidence = Evidence.CustomerInterview },
        ["verbatims"] = t => t with { Verbatim = "I never know when my licence runs out." },
        ["emotion"] = t => t with { Emotion = -1 },
        ["employee-side"] = t => t with { Backstage = new Backstage("Renewals desk", "CRM", null) },
    };

    [Theory]
    // evidence: ok from 70%, warn from 40%
    [InlineData("evidence", 8, HealthStatus.Ok)]
    [InlineData("evidence", 7, HealthStatus.Ok)]
    [InlineData("evidence", 6, HealthStatus.Warn)]
    [InlineData("evidence", 4, HealthStatus.Warn)]
    [InlineData("evidence", 3, HealthStatus.Fail)]
    // verbatims: ok from 30%, warn from 10%
    [InlineData("verbatims", 4, HealthStatus.Ok)]
    [InlineData("verbatims", 3, HealthStatus.Ok)]
    [InlineData("verbatims", 2, HealthStatus.Warn)]
    [InlineData("verbatims", 1, HealthStatus.Warn)]
    [InlineData("verbatims", 0, HealthStatus.Fail)]
    // emotion: ok from 90%, warn from 60%
    [InlineData("emotion", 10, HealthStatus.Ok)]
    [InlineData("emotion", 9, HealthStatus.Ok)]
    [InlineData("emotion", 8, HealthStatus.Warn)]
    [InlineData("emotion", 6, HealthStatus.Warn)]
    [InlineData("emotion", 5, HealthStatus.Fail)]
    // employee side: ok from 70%, warn from 40%
    [InlineData("employee-side", 8, HealthStatus.Ok)]
    [InlineData("employee-side", 7, HealthStatus.Ok)]
    [InlineData("employee-side", 6, HealthStatus.Warn)]
    [InlineData("employee-side", 4, HealthStatus.Warn)]
    [InlineData("employee-side", 3, HealthStatus.Fail)]
    public void ShareChecksGradeAtTheirThresholds(string id, int matching, HealthStatus expected)
    {
        var check = Check(Program(touchpoints: Ten(matching, Makes[id])), id);

        Assert.Equal(expected, check.Status);
        Assert.StartsWith($"{matching} of 10", check.Figure);
        Assert.False(string.IsNullOrWhiteSpace(check.NextStep));
        Assert.False(string.IsNullOrWhiteSpace(check.Threshold));
    }

    [Theory]
    [InlineData("evidence")]
    [InlineData("verbatims")]
    [InlineData("emotion")]
    [InlineData("employee-side")]
    [InlineData("freshness")]
    public void WithNoTouchpointsShareChecksFailAndSayWhatToDo(string id)
    {
        var check = Check(Program(), id);

        Assert.Equal(HealthStatus.Fail, check.Status);
        Assert.Equal("no touchpoints yet", check.Figure);
    }

    [Fact]
    public void RetiredTouchpointsDoNotCount()
    {
        var touchpoints = Ten(7, Makes["evidence"]).Select((t, i) => i < 7 ? t : t with { Retired = true });

        var check = Check(Program(touchpoints: touchpoints), "evidence");

        Assert.Equal("7 of 7 (100%)", check.Figure);
    }

    [Fact]
    public void BackstageNeedsWhoDeliversItAndWithWhatOrWhatIsHard()
    {
        Assert.True(new Backstage("Desk", null, "Two systems to re-key").IsCaptured());
        Assert.False(new Backstage("Desk", null, null).IsCaptured());
        Assert.False(new Backstage(null, "CRM", "slow").IsCaptured());
    }

    [Theory]
    // fresh = verified (or created) within the 30-day cadence; ok from 80%, warn from 50%
    [InlineData(9, HealthStatus.Ok)]
    [InlineData(8, HealthStatus.Ok)]
    [InlineData(7, HealthStatus.Warn)]
    [InlineData(5, HealthStatus.Warn)]
    [InlineData(4, HealthStatus.Fail)]
    public void FreshnessGradesTheShareVerifiedWithinTheCadence(int fresh, HealthStatus expected)
    {
        var stale = new DateTimeOffset(AsOf.AddDays(-90).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var touchpoints = Enumerable.Range(0, 10).Select(i => Touchpoint(i) with
        {
            CreatedAt = stale,
            LastVerifiedOn = i < fresh ? AsOf.AddDays(-30) : AsOf.AddDays(-31),
        });

        var check = Check(Program(touchpoints: touchpoints), "freshness");

        Assert.Equal(expected, check.Status);
        Assert.StartsWith($"{fresh} of 10", check.Figure);
    }
}

using JourneyBot.Domain;
using JourneyBot.FollowUps;
using JourneyBot.Outreach;
using JourneyBot.Tests.Map;

namespace JourneyBot.Tests.Meetings;

public sealed class MeetingCardTests
{
    [Theory]
    [InlineData(FollowUpKind.ReviewDue)]
    [InlineData(FollowUpKind.ReviewReminder)]
    public void AReviewReminderOffersToHoldItInAMeetingWithTheSteps(FollowUpKind kind)
    {
        var program = MapSamples.Program();
        var entry = new DigestEntry("k", kind, program.Id, program.Charter.Name, "The review is due.",
            MapSamples.Owner);
        var actions = FollowUpCards.For([entry]).ToJson()["actions"]!.AsArray();
        var meeting = actions.Single(a => a!["title"]!.GetValue<string>() == "Hold it in a meeting")!;
        Assert.Equal("Action.ShowCard", meeting["type"]!.GetValue<string>());
        var steps = meeting["card"]!.ToJsonString();
        var expected = new[]
        {
            "Schedule a Teams meeting", "choose JourneyBot, pick this program", "side panel", "Share to stage",
            "Complete the review",
        };
        foreach (var step in expected)
        {
            Assert.Contains(step, steps);
        }
        // Not on other nudges.
        var gaps = FollowUpCards.For([entry with { Kind = FollowUpKind.DepartmentGaps }]).ToJson().ToJsonString();
        Assert.DoesNotContain("Hold it in a meeting", gaps);
    }
}

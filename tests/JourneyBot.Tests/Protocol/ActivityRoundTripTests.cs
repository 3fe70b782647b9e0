using System.Text.Json.Nodes;
using JourneyBot.Protocol;

namespace JourneyBot.Tests.Protocol;

// Real Teams payloads (ids anonymised) read and written back: nothing Teams sent may be dropped or changed.
public sealed class ActivityRoundTripTests
{
    public static TheoryData<string> Payloads => new()
    {
        "message-with-mention.json", "conversation-update.json", "installation-update.json", "invoke-adaptive-card-action.json",
    };

    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Protocol", "Payloads", name));

    [Theory]
    [MemberData(nameof(Payloads))]
    public void RoundTripKeepsEveryProperty(string name)
    {
        var original = Read(name);

        var written = ActivityJson.Serialize(ActivityJson.Parse(System.Text.Encoding.UTF8.GetBytes(original)));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(original), JsonNode.Parse(written)), $"{name} changed:\n{written}");
    }

    [Fact]
    public void MentionIsStrippedAndTenantRead()
    {
        var activity = ActivityJson.Parse(System.Text.Encoding.UTF8.GetBytes(Read("message-with-mention.json")));

        Assert.True(activity.MentionsRecipient());
        Assert.Equal("help", activity.GetTextWithoutBotMention());
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", activity.GetTenantId());
    }

    [Fact]
    public void CardActionIsReadFromTheInvoke()
    {
        var activity = ActivityJson.Parse(System.Text.Encoding.UTF8.GetBytes(Read("invoke-adaptive-card-action.json")));

        Assert.True(AdaptiveCardAction.TryParse(activity, out var action, out _));
        Assert.Equal("help", action.Verb);
        Assert.Equal("welcome", action.GetString("from"));
    }
}

using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Cards;

// The cards that really went over the wire in a conversation pass the same checks as the catalog.
public sealed class CardsSentTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    [Fact]
    public async Task CardsSentOnInstallAndHelpPassTheCardChecks()
    {
        var chat = fixture.NewConversation();
        await fixture.SendAsync(chat.Installation("add"));
        await fixture.SendAsync(chat.Message("help"));

        var cards = fixture.Channel.CallsFor(chat.ConversationId)
            .Select((call, i) => ($"sent-{i}", call.Body!["attachments"]![0]!["content"]!.AsObject()))
            .ToList();

        Assert.Equal(2, cards.Count);
        Assert.All(cards, c => Assert.Empty(CardRules.Check(c.Item2)));
        var parsed = await CardValidityTests.ParseWithAdaptiveCardsAsync(cards);
        Assert.All(parsed, r => Assert.Empty(r!["events"]!.AsArray()));
    }
}

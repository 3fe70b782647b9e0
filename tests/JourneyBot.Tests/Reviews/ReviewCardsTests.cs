using JourneyBot.Domain;
using JourneyBot.Reviews;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Reviews;

public sealed class ReviewCardsTests
{
    [Theory]
    [InlineData(TouchpointChannel.MobileApp, "Mobile app")]
    [InlineData(TouchpointChannel.InPerson, "In person")]
    [InlineData(TouchpointChannel.Email, "Email")]
    public void ChannelsReadAsWords(TouchpointChannel channel, string words)
    {
        var program = SamplePrograms.Program(touchpoints: [SamplePrograms.Touchpoint(1) with { Channel = channel }]);
        var owner = program.Charter.Owners[0];

        var card = CardJson.Text(ReviewCards.Page(program, ReviewScope.For(program.Charter, owner.AadObjectId, null)!, 0, owner.AadObjectId, SamplePrograms.AsOf).ToJson());

        Assert.Contains($"· {words}", card);
    }
}

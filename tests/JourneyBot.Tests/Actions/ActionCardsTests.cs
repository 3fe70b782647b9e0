using JourneyBot.Actions;
using JourneyBot.Domain;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Actions;

public sealed class ActionCardsTests
{
    [Theory]
    [InlineData(ActionStatus.Open, true)]
    [InlineData(ActionStatus.InProgress, false)]
    public void OnlyMovesAnActionCanStillMakeAreOffered(ActionStatus status, bool offersInProgress)
    {
        var action = new ImprovementAction { Id = "a1", Title = "Show the price", Owner = SamplePrograms.Owner, DueOn = SamplePrograms.AsOf.AddDays(5), Status = status };
        var program = SamplePrograms.Program(actions: [action]);

        var card = CardJson.Text(ActionCards.List(program, SamplePrograms.Owner.AadObjectId, isOwner: true, SamplePrograms.AsOf, 0).ToJson());

        Assert.Equal(offersInProgress, card.Contains("\"title\":\"In progress\"", StringComparison.Ordinal));
        Assert.Contains("\"title\":\"Done\"", card);
        Assert.Contains("\"title\":\"Drop\"", card);
    }
}

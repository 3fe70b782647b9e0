using JourneyBot.Protocol;

namespace JourneyBot.Cards;

// A card as the answer to an Action.Execute: what every capability's card verbs return.
public static class CardResponses
{
    public static InvokeResponse Card(AdaptiveCard card) => InvokeResponse.Card(card.ToJson());
}

using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyBot.Protocol;

namespace JourneyBot.Cards;

// An Adaptive Card 1.5, built in C# from typed parts so every card the bot sends can be checked by a test.
public sealed class AdaptiveCard
{
    public const string Version = "1.5";
    public List<CardElement> Body { get; } = [];
    public List<CardAction> Actions { get; } = [];
    // Universal Actions: who sees a personalised version of this card, and the verb that fetches it.
    public CardRefresh? Refresh { get; init; }
    public string? FallbackText { get; init; }

    public AdaptiveCard Add(params CardElement[] elements)
    {
        Body.AddRange(elements);
        return this;
    }

    public AdaptiveCard AddActions(params CardAction[] actions)
    {
        Actions.AddRange(actions);
        return this;
    }

    public JsonObject ToJson()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = new JsonArray(Body.Select(e => (JsonNode)e.ToJson()).ToArray()),
        };
        if (Actions.Count > 0) card["actions"] = new JsonArray(Actions.Select(a => (JsonNode)a.ToJson()).ToArray());
        if (Refresh is not null) card["refresh"] = Refresh.ToJson();
        if (FallbackText is not null) card["fallbackText"] = FallbackText;
        return card;
    }

    public Attachment ToAttachment() => new()
    {
        ContentType = InvokeResponse.AdaptiveCardContentType,
        Content = JsonSerializer.SerializeToElement(ToJson()),
    };

    public Activity ToActivity(string? summary = null) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summary ?? FallbackText,
        Attachments = [ToAttachment()],
    };
}

public sealed record CardRefresh(CardExecuteAction Action, IReadOnlyList<string> UserIds)
{
    public JsonObject ToJson() => new()
    {
        ["action"] = Action.ToJson(),
        ["userIds"] = new JsonArray(UserIds.Select(id => (JsonNode)JsonValue.Create(id)!).ToArray()),
    };
}

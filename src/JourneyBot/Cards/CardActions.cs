using System.Text.Json.Nodes;

namespace JourneyBot.Cards;

public abstract record CardAction(string Title)
{
    public string? Style { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = TypeName, ["title"] = Title };
        if (Style is not null) json["style"] = Style;
        WriteProperties(json);
        return json;
    }

    protected abstract string TypeName { get; }
    protected abstract void WriteProperties(JsonObject json);
}

// Universal Action: Teams sends an adaptiveCard/action invoke and shows the card the bot answers with.
public sealed record CardExecuteAction(string Title, string Verb) : CardAction(Title)
{
    public IReadOnlyDictionary<string, string>? Data { get; init; }

    protected override string TypeName => "Action.Execute";

    protected override void WriteProperties(JsonObject json)
    {
        json["verb"] = Verb;
        if (Data is { Count: > 0 })
        {
            var data = new JsonObject();
            foreach (var (key, value) in Data) data[key] = value;
            json["data"] = data;
        }
    }
}

public sealed record CardOpenUrlAction(string Title, Uri Url) : CardAction(Title)
{
    protected override string TypeName => "Action.OpenUrl";

    protected override void WriteProperties(JsonObject json) => json["url"] = Url.AbsoluteUri;
}

// Folds details away: the card shows them under the button when pressed, without a round trip.
public sealed record CardShowCardAction(string Title, AdaptiveCard Card) : CardAction(Title)
{
    protected override string TypeName => "Action.ShowCard";

    protected override void WriteProperties(JsonObject json)
    {
        var card = Card.ToJson();
        // A card shown inside another takes the outer card's version and schema.
        card.Remove("$schema");
        card.Remove("version");
        json["card"] = card;
    }
}

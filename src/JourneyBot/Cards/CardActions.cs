using System.Text.Json.Nodes;

namespace JourneyBot.Cards;

public abstract record CardAction(string Title)
{
    public string? Style { get; init; }
    // Teams moves secondary actions into the card's "…" menu, so one clear button stays in view.
    public bool Secondary { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = TypeName, ["title"] = Title };
        if (Style is not null) json["style"] = Style;
        if (Secondary) json["mode"] = "secondary";
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

// In a dialog (task module) opened by a message extension, Teams does not run Universal Actions: a button submits,
// and the bot gets composeExtension/submitAction with this data and the inputs' values in value.data. The dialog's
// verb travels in the data (CardData.Verb).
public sealed record CardSubmitAction(string Title, string Verb) : CardAction(Title)
{
    public IReadOnlyDictionary<string, string>? Data { get; init; }

    protected override string TypeName => "Action.Submit";

    protected override void WriteProperties(JsonObject json)
    {
        var data = new JsonObject { [CardData.Verb] = Verb };
        foreach (var (key, value) in Data ?? new Dictionary<string, string>()) data[key] = value;
        json["data"] = data;
    }
}

public sealed record CardOpenUrlAction(string Title, Uri Url) : CardAction(Title)
{
    protected override string TypeName => "Action.OpenUrl";

    protected override void WriteProperties(JsonObject json) => json["url"] = Url.AbsoluteUri;
}

// Unfolds a card in place without a round trip: details and the less common buttons, out of the way until asked for.
public sealed record CardShowAction(string Title, AdaptiveCard Card) : CardAction(Title)
{
    protected override string TypeName => "Action.ShowCard";

    protected override void WriteProperties(JsonObject json)
    {
        var card = Card.ToJson();
        // A shown card inherits the version and schema of the card it unfolds from.
        card.Remove("$schema");
        card.Remove("version");
        json["card"] = card;
    }
}

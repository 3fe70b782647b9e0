using System.Text.Json.Nodes;

namespace JourneyBot.Cards;

public enum TextSize { Default, Small, Medium, Large, ExtraLarge }
public enum TextWeight { Default, Lighter, Bolder }
public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

public abstract record CardElement
{
    public string? Id { get; init; }
    public bool Separator { get; init; }
    public string? Spacing { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = TypeName };
        if (Id is not null) json["id"] = Id;
        if (Separator) json["separator"] = true;
        if (Spacing is not null) json["spacing"] = Spacing;
        WriteProperties(json);
        return json;
    }

    protected abstract string TypeName { get; }
    protected abstract void WriteProperties(JsonObject json);

    protected static string Camel(Enum value)
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}

public sealed record TextBlock(string Text) : CardElement
{
    public TextSize Size { get; init; }
    public TextWeight Weight { get; init; }
    public TextColor Color { get; init; }
    public bool IsSubtle { get; init; }
    public bool Wrap { get; init; } = true;

    protected override string TypeName => "TextBlock";

    protected override void WriteProperties(JsonObject json)
    {
        json["text"] = Text;
        if (Wrap) json["wrap"] = true;
        if (Size != TextSize.Default) json["size"] = Camel(Size);
        if (Weight != TextWeight.Default) json["weight"] = Camel(Weight);
        if (Color != TextColor.Default) json["color"] = Camel(Color);
        if (IsSubtle) json["isSubtle"] = true;
    }
}

public sealed record Fact(string Title, string Value);

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement
{
    protected override string TypeName => "FactSet";

    protected override void WriteProperties(JsonObject json) =>
        json["facts"] = new JsonArray(Facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value }).ToArray());
}

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    protected override string TypeName => "Container";

    protected override void WriteProperties(JsonObject json)
    {
        json["items"] = new JsonArray(Items.Select(i => (JsonNode)i.ToJson()).ToArray());
    }
}

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement
{
    protected override string TypeName => "ActionSet";

    protected override void WriteProperties(JsonObject json) =>
        json["actions"] = new JsonArray(Actions.Select(a => (JsonNode)a.ToJson()).ToArray());
}

// A picture the card's host fetches itself (https in Teams), with words for screen readers and for hosts that
// show none.
public sealed record Image(Uri Url, string AltText) : CardElement
{
    protected override string TypeName => "Image";

    protected override void WriteProperties(JsonObject json)
    {
        json["url"] = Url.ToString();
        json["altText"] = AltText;
        json["size"] = "stretch";
    }
}

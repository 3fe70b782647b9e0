using System.Text.Json;
using JourneyBot.Cards;
using JourneyBot.Domain;

namespace JourneyBot.MessageActions;

// The Teams message a message action was invoked on (value.messagePayload), as far as a touchpoint keeps it: its
// text as plain text, who wrote it and the link back to it. Everything here came from the client: the text is
// cleaned and cut, the link kept only when it is an https link within the limit, the author's id only when it is a
// plain id, the name only within the limit every stored name has.
public sealed record MessageView(string Text, int FullLength, Person? Author, string? AuthorName, string? Link)
{
    public static readonly MessageView None = new("", 0, null, null, null);

    public bool IsEmpty => Text.Length == 0;

    // Whether the text had to be cut to fit the field it is offered for.
    public bool IsCut => FullLength > TextLimits.LongText;

    public static MessageView Read(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object) return None;
        var body = Child(payload, "body");
        var full = MessageText.FromBody(String(body, "content"), String(body, "contentType"));
        var text = full.Length > TextLimits.LongText ? CardText.Shorten(full, TextLimits.LongText) : full;
        var from = Child(payload, "from");
        var who = Child(from, "user") is { ValueKind: JsonValueKind.Object } user ? user : Child(from, "application");
        var name = MessageText.FromBody(String(who, "displayName"), "text") is { Length: > 0 } n
            ? n[..Math.Min(n.Length, TextLimits.PersonName)]
            : null;
        var id = String(who, "id");
        var author = name is not null && PlainId.IsValid(id) ? new Person(id!, name) : null;
        var link = String(payload, "linkToMessage") is { Length: > 0 and <= TextLimits.Link } l
            && Uri.TryCreate(l, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
                ? l
                : null;
        return new MessageView(text, full.Length, author, name, link);
    }

    private static JsonElement Child(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var child) ? child : default;

    private static string? String(JsonElement parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JourneyBot.Tests.Infrastructure;

public static class CardJson
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The card as text with quotes, apostrophes and '+' unescaped, to look for what a person would read.
    public static string Text(JsonObject card) => card.ToJsonString(Readable);

    // What Teams sends when the card's first action is clicked untouched: the action's data and every input's value.
    public static JsonObject SubmitData(JsonObject card)
    {
        var data = card["actions"]![0]!["data"]!.DeepClone().AsObject();
        foreach (var input in card["body"]!.AsArray().Where(e => e!["id"] is not null && e["value"] is not null))
        {
            data[input!["id"]!.GetValue<string>()] = input["value"]!.ToString();
        }
        return data;
    }

    // The data of the first Action.Execute with this verb anywhere in the card (digests nest them in containers).
    public static JsonObject ActionData(JsonNode card, string verb) => FindAction(card, verb)?["data"]?.DeepClone().AsObject()
        ?? throw new InvalidOperationException($"The card has no {verb} action: {card.ToJsonString()}");

    private static JsonNode? FindAction(JsonNode? node, string verb) => node switch
    {
        JsonObject o when o["verb"]?.GetValue<string>() == verb => o,
        JsonObject o => o.Select(p => FindAction(p.Value, verb)).FirstOrDefault(found => found is not null),
        JsonArray a => a.Select(item => FindAction(item, verb)).FirstOrDefault(found => found is not null),
        _ => null,
    };
}

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
        foreach (var input in Inputs(card).Where(e => e["value"] is not null))
        {
            data[input["id"]!.GetValue<string>()] = input["value"]!.ToString();
        }
        return data;
    }

    // Every input on the card, however deep (forms lay some out in columns).
    public static IEnumerable<JsonObject> Inputs(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() is { } type && type.StartsWith("Input.", StringComparison.Ordinal) => [o],
        JsonObject o => o.Where(p => p.Key is not "actions" and not "card").SelectMany(p => Inputs(p.Value)),
        JsonArray a => a.SelectMany(Inputs),
        _ => [],
    };

    public static IEnumerable<string> InputIds(JsonNode card, string prefix) =>
        Inputs(card["body"]).Select(i => i["id"]!.GetValue<string>()).Where(id => id.StartsWith(prefix, StringComparison.Ordinal));

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

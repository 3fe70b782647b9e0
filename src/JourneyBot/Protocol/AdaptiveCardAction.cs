using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace JourneyBot.Protocol;

// The value of an adaptiveCard/action invoke: which Action.Execute was clicked and the card's input values.
public sealed record AdaptiveCardAction(string Verb, JsonElement Data)
{
    public string? GetString(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static bool TryParse(Activity activity, [NotNullWhen(true)] out AdaptiveCardAction? action, out string problem)
    {
        action = null;
        problem = string.Empty;
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var actionElement) || actionElement.ValueKind != JsonValueKind.Object)
        {
            problem = "The invoke has no value.action object.";
            return false;
        }
        if (!actionElement.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Action.Execute")
        {
            problem = "value.action.type must be Action.Execute.";
            return false;
        }
        if (!actionElement.TryGetProperty("verb", out var verb) || verb.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(verb.GetString()))
        {
            problem = "value.action.verb is missing.";
            return false;
        }
        var data = actionElement.TryGetProperty("data", out var d) ? d.Clone() : default;
        action = new AdaptiveCardAction(verb.GetString()!, data);
        return true;
    }
}

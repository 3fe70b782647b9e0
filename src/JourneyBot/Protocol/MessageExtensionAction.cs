using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace JourneyBot.Protocol;

// The value of a message extension action invoke (composeExtension/fetchTask and composeExtension/submitAction):
// which manifest command ran, where from ("message", "compose", "commandBox"), the dialog's submitted data and,
// when invoked on a message, the message itself as Teams describes it.
public sealed record MessageExtensionAction(string CommandId, string? CommandContext, JsonElement Data,
    JsonElement MessagePayload)
{
    public const string FetchTaskName = "composeExtension/fetchTask";
    public const string SubmitActionName = "composeExtension/submitAction";

    public string? GetString(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static bool TryParse(Activity activity, [NotNullWhen(true)] out MessageExtensionAction? action,
        out string problem)
    {
        action = null;
        problem = string.Empty;
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            problem = "The invoke has no value object.";
            return false;
        }
        if (!value.TryGetProperty("commandId", out var command) || command.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(command.GetString()))
        {
            problem = "value.commandId is missing.";
            return false;
        }
        var context = value.TryGetProperty("commandContext", out var c) && c.ValueKind == JsonValueKind.String
            ? c.GetString()
            : null;
        var data = value.TryGetProperty("data", out var d) ? d.Clone() : default;
        var message = value.TryGetProperty("messagePayload", out var m) && m.ValueKind == JsonValueKind.Object
            ? m.Clone()
            : default;
        action = new MessageExtensionAction(command.GetString()!, context, data, message);
        return true;
    }
}

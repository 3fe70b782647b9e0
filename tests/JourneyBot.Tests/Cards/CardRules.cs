using System.Text;
using System.Text.Json.Nodes;

namespace JourneyBot.Tests.Cards;

// What the adaptivecards library does not check: required properties, the version we target, the size bar.
public static class CardRules
{
    public const int MaxBytes = 28 * 1024;

    // The one Teams extension the bot uses on purpose: the people picker (choices.data with the
    // graph.microsoft.com/users dataset), which Teams renders in 1.5 cards and the adaptivecards library files
    // under 1.6. The parser checks (node and the gallery) ignore exactly these notes and nothing else.
    public static readonly IReadOnlyList<string> AllowedParserNotes =
    [
        "Property \"choices.data\" is supported in version 1.6, but you are using version 1.5.",
    ];

    public static IReadOnlyList<string> Check(JsonObject card)
    {
        var problems = new List<string>();
        if (card["type"]?.GetValue<string>() != "AdaptiveCard") problems.Add("root type is not AdaptiveCard");
        if (card["version"]?.GetValue<string>() != "1.5") problems.Add("version is not 1.5");
        var size = Encoding.UTF8.GetByteCount(card.ToJsonString());
        if (size > MaxBytes) problems.Add($"card is {size} bytes, over {MaxBytes}");
        if (card["body"] is not JsonArray body || body.Count == 0) problems.Add("body is empty");
        else foreach (var element in body) CheckElement(element!.AsObject(), "body", problems);
        foreach (var action in card["actions"]?.AsArray() ?? []) CheckAction(action!.AsObject(), "actions", problems);
        if (card["refresh"] is JsonObject refresh)
        {
            CheckAction(refresh["action"]!.AsObject(), "refresh", problems);
            if (refresh["userIds"] is not JsonArray { Count: > 0 and <= 60 }) problems.Add("refresh.userIds must list 1-60 users");
        }
        return problems;
    }

    private static void CheckElement(JsonObject element, string path, List<string> problems)
    {
        var type = element["type"]?.GetValue<string>();
        path = $"{path}/{type}";
        switch (type)
        {
            case "TextBlock":
                if (string.IsNullOrWhiteSpace(element["text"]?.GetValue<string>())) problems.Add($"{path} has no text");
                break;
            case "FactSet":
                var facts = element["facts"]?.AsArray();
                if (facts is null || facts.Count == 0) problems.Add($"{path} has no facts");
                foreach (var fact in facts ?? [])
                {
                    if (string.IsNullOrWhiteSpace(fact!["title"]?.GetValue<string>()) || string.IsNullOrWhiteSpace(fact["value"]?.GetValue<string>()))
                    {
                        problems.Add($"{path} has a fact without title or value");
                    }
                }
                break;
            case "Container":
                var items = element["items"]?.AsArray();
                if (items is null || items.Count == 0) problems.Add($"{path} has no items");
                foreach (var item in items ?? []) CheckElement(item!.AsObject(), path, problems);
                break;
            case "ActionSet":
                var actions = element["actions"]?.AsArray();
                if (actions is null || actions.Count == 0) problems.Add($"{path} has no actions");
                foreach (var action in actions ?? []) CheckAction(action!.AsObject(), path, problems);
                break;
            case "ColumnSet":
                foreach (var column in element["columns"]?.AsArray() ?? [])
                {
                    foreach (var item in column!["items"]?.AsArray() ?? []) CheckElement(item!.AsObject(), path + "/Column", problems);
                }
                break;
            case "Image":
                // Teams fetches card pictures over https only, and a screen reader reads the alt text.
                if (!Uri.TryCreate(element["url"]?.GetValue<string>(), UriKind.Absolute, out var url) || url.Scheme != "https") problems.Add($"{path} has no https url");
                if (string.IsNullOrWhiteSpace(element["altText"]?.GetValue<string>())) problems.Add($"{path} has no altText");
                break;
            case "Table":
                var rows = element["rows"]?.AsArray();
                if (rows is null || rows.Count == 0) problems.Add($"{path} has no rows");
                var width = element["columns"]?.AsArray().Count ?? 0;
                foreach (var row in rows ?? [])
                {
                    var cells = row!["cells"]!.AsArray();
                    if (cells.Count != width) problems.Add($"{path} has a row of {cells.Count} cells for {width} columns");
                    foreach (var cell in cells) foreach (var item in cell!["items"]!.AsArray()) CheckElement(item!.AsObject(), path + "/TableCell", problems);
                }
                break;
            case "Input.ChoiceSet":
                if (string.IsNullOrWhiteSpace(element["id"]?.GetValue<string>())) problems.Add($"{path} has no id");
                // A people picker fills its choices from the directory.
                if (element["choices"]?.AsArray() is not { Count: > 0 } && element["choices.data"] is null) problems.Add($"{path} has no choices");
                break;
            case string input when input.StartsWith("Input.", StringComparison.Ordinal):
                if (string.IsNullOrWhiteSpace(element["id"]?.GetValue<string>())) problems.Add($"{path} has no id");
                break;
            default:
                problems.Add($"{path}: element type not covered by these rules");
                break;
        }
    }

    public static readonly IReadOnlySet<string> DialogVerbs = new HashSet<string>(StringComparer.Ordinal)
    {
        JourneyBot.Cards.CardVerbs.MessageTouchpointPick, JourneyBot.Cards.CardVerbs.MessageTouchpointSave,
        JourneyBot.Cards.CardVerbs.MessageTouchpointAnother, JourneyBot.Cards.CardVerbs.MessageTouchpointDone,
    };

    private static void CheckAction(JsonObject action, string path, List<string> problems)
    {
        var type = action["type"]?.GetValue<string>();
        path = $"{path}/{type}";
        if (string.IsNullOrWhiteSpace(action["title"]?.GetValue<string>())) problems.Add($"{path} has no title");
        switch (type)
        {
            case "Action.Execute":
                if (string.IsNullOrWhiteSpace(action["verb"]?.GetValue<string>())) problems.Add($"{path} has no verb");
                break;
            case "Action.ShowCard":
                if (action["card"] is not JsonObject { } shown || shown["body"] is not JsonArray { Count: > 0 } shownBody) problems.Add($"{path} shows an empty card");
                else
                {
                    foreach (var element in shownBody) CheckElement(element!.AsObject(), path, problems);
                    foreach (var inner in shown["actions"]?.AsArray() ?? []) CheckAction(inner!.AsObject(), path, problems);
                }
                break;
            case "Action.OpenUrl":
                if (!Uri.TryCreate(action["url"]?.GetValue<string>(), UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
                {
                    problems.Add($"{path} url is not an absolute https URL");
                }
                break;
            // Teams runs no Universal Actions in a dialog a message extension opens: there, and only there, a button
            // submits, naming the dialog's verb in its data.
            case "Action.Submit":
                if (action["data"]?["verb"]?.GetValue<string>() is not { } verb || !DialogVerbs.Contains(verb))
                {
                    problems.Add($"{path}: Action.Submit is for the message extension's dialog only, with one of its verbs in data.verb");
                }
                break;
            default:
                // Action.Submit cannot update a card in place; this bot uses Universal Actions only.
                problems.Add($"{path}: only Action.Execute, Action.OpenUrl and Action.ShowCard are used by this bot");
                break;
        }
    }
}

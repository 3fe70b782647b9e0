using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyBot.Domain;
using JourneyBot.Protocol;

namespace JourneyBot.Cards;

// Every id a card sends back (program, form, touchpoint, action, review, card, department, step, version, page,
// the version tag, metric rows) is checked here, once, before any handler sees the action. A value no card of ours
// carries (too long, not plain, not a number) is blanked: the handler then meets an id that names nothing and
// answers as it does for one (not found, out of date, the typed values kept), and nothing a forged card put there
// is looked up, stored or echoed. A list of ids keeps only the entries that are ids.
public static class CardIds
{
    private static readonly string[] Plain =
    [
        CardData.ProgramId, CardData.FormId, CardData.TouchpointId, CardData.ActionId, CardData.DepartmentId,
        CardData.Step, CardData.Version, CardData.ReviewId, CardData.CardId, CardData.RemoveRow, CardData.MetricId,
    ];

    // Every key this check reads.
    public static IReadOnlyList<string> Keys { get; } = [.. Plain, CardData.Page, CardData.ETag, CardData.MetricRows];

    // A table ETag ("W/\"datetime'2026-12-03T19%3A00%3A00.1234567Z'\"") is about 50 characters.
    private const int MaxETag = 100;
    private const int MaxPageDigits = 5;

    // A list of ids (the metric rows a charter form shows) keeps at most this many.
    public const int MaxListed = 64;

    // The keys whose values are not ids.
    public static IReadOnlyList<string> Problems(AdaptiveCardAction action)
    {
        if (action.Data.ValueKind != JsonValueKind.Object) return [];
        var problems = Plain.Where(key => Text(action, key) is { Length: > 0 } id && !PlainId.IsValid(id)).ToList();
        if (Text(action, CardData.Page) is { Length: > 0 } page
            && (page.Length > MaxPageDigits || !page.All(char.IsAsciiDigit)))
        {
            problems.Add(CardData.Page);
        }
        if (Text(action, CardData.ETag) is { Length: > 0 } etag
            && (etag.Length > MaxETag || etag.Any(c => c is < ' ' or > '~')))
        {
            problems.Add(CardData.ETag);
        }
        return problems;
    }

    // The action as handlers may see it: every value that is not an id blanked, lists of ids cleaned.
    public static AdaptiveCardAction Checked(AdaptiveCardAction action)
    {
        var problems = Problems(action);
        var rows = action.Data.ValueKind == JsonValueKind.Object ? Text(action, CardData.MetricRows) : null;
        if (problems.Count == 0 && rows is null) return action;
        var data = JsonNode.Parse(action.Data.GetRawText())!.AsObject();
        foreach (var key in problems) data[key] = "";
        if (rows is not null)
        {
            data[CardData.MetricRows] = string.Join(",", rows
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(PlainId.IsValid).Distinct(StringComparer.Ordinal).Take(MaxListed));
        }
        return action with { Data = JsonSerializer.SerializeToElement(data) };
    }

    // A string, or the text of any other JSON value (a number or object where an id belongs is checked as text).
    private static string? Text(AdaptiveCardAction action, string key) =>
        !action.Data.TryGetProperty(key, out var value) ? null
            : value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                _ => value.GetRawText(),
            };
}

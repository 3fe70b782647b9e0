using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyBot.Domain;
using JourneyBot.Protocol;

namespace JourneyBot.Cards;

// Every id a card sends back (program, form, touchpoint, action, review, card, department, step, version, page,
// the version tag, metric rows) is checked here, once, before any handler sees the action: a single id no card of
// ours carries (too long, not plain, not a number) means the card was not ours, and nothing reads it further; a
// list of ids keeps only the entries that are ids.
public static class CardIds
{
    private static readonly string[] Plain =
    [
        CardData.ProgramId, CardData.FormId, CardData.TouchpointId, CardData.ActionId, CardData.DepartmentId, CardData.Step,
        CardData.Version, CardData.ReviewId, CardData.CardId, CardData.RemoveRow,
    ];

    // Every key this check reads.
    public static IReadOnlyList<string> Keys { get; } = [.. Plain, CardData.Page, CardData.ETag, CardData.MetricRows];

    // A table ETag ("W/\"datetime'2026-12-03T19%3A00%3A00.1234567Z'\"") is about 50 characters.
    private const int MaxETag = 100;
    private const int MaxPageDigits = 5;

    // The key whose value is not an id, or null when every id the action carries is one.
    public static string? Problem(AdaptiveCardAction action)
    {
        if (action.Data.ValueKind != JsonValueKind.Object) return null;
        foreach (var key in Plain)
        {
            if (Text(action, key) is { Length: > 0 } id && !PlainId.IsValid(id)) return key;
        }
        if (Text(action, CardData.Page) is { Length: > 0 } page && (page.Length > MaxPageDigits || !page.All(char.IsAsciiDigit))) return CardData.Page;
        if (Text(action, CardData.ETag) is { Length: > 0 } etag && (etag.Length > MaxETag || etag.Any(c => c is < ' ' or > '~'))) return CardData.ETag;
        return null;
    }

    // A list of ids (the metric rows a charter form shows) keeps only its plain ids, at most MaxListed: a forged
    // entry names nothing, and the rest of the form still works.
    public const int MaxListed = 64;

    public static AdaptiveCardAction WithListsCleaned(AdaptiveCardAction action)
    {
        if (Text(action, CardData.MetricRows) is not { } rows) return action;
        var kept = rows.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(PlainId.IsValid).Distinct(StringComparer.Ordinal).Take(MaxListed);
        var data = JsonNode.Parse(action.Data.GetRawText())!.AsObject();
        data[CardData.MetricRows] = string.Join(",", kept);
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

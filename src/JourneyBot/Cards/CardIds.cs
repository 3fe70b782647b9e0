using System.Text.Json;
using JourneyBot.Domain;
using JourneyBot.Protocol;

namespace JourneyBot.Cards;

// Every id a card sends back (program, form, touchpoint, action, review, card, department, step, version, page,
// metric rows, the version tag) is checked here, once, before any handler sees the action: a value no card of
// ours carries (too long, not plain, not a number) means the card was not ours, and nothing reads it further.
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
        if (Text(action, CardData.MetricRows) is { Length: > 0 } rows
            && (rows.Length > (TextLimits.Id + 1) * 64 || rows.Split(',').Any(r => r.Trim() is { Length: > 0 } row && !PlainId.IsValid(row))))
        {
            return CardData.MetricRows;
        }
        return null;
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

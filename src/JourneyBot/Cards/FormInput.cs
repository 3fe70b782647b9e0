using System.Text.Json;
using JourneyBot.Domain;

namespace JourneyBot.Cards;

// What a person typed into a card form: the values, kept to show again, and what is wrong with them. Text that
// is too long is cut to its limit (so the card stays small) and said so, so nothing is lost silently.
public abstract class FormInput
{
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    // Reads the named fields (or every property when fields is null). Input.Number answers with a JSON number;
    // forms that have none refuse numbers like any other non-text value.
    protected void ReadFrom(JsonElement data, IEnumerable<string>? fields, bool acceptNumbers)
    {
        if (data.ValueKind != JsonValueKind.Object) return;
        var properties = fields is null
            ? data.EnumerateObject().Select(p => (p.Name, p.Value))
            : fields.Select(f => (Name: f, Value: data.TryGetProperty(f, out var v) ? v : default));
        foreach (var (name, value) in properties)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Undefined or JsonValueKind.Null:
                    break;
                case JsonValueKind.String:
                    Keep(name, value.GetString()!.Trim());
                    break;
                case JsonValueKind.Number when acceptNumbers:
                    Keep(name, value.GetRawText());
                    break;
                default:
                    Errors[name] = "This must be text.";
                    break;
            }
        }
    }

    // The longest value a field can hold, so what is echoed back on the card stays within it. Text fields say
    // their own limit when read; choices, numbers and people pickers hold short values.
    protected virtual int LimitOf(string field) => TextLimits.LongText;

    // How long values cut on reading were as typed, so the field's own check can say so.
    private readonly Dictionary<string, int> _typedLengths = new(StringComparer.Ordinal);

    private void Keep(string field, string value)
    {
        var limit = LimitOf(field);
        if (value.Length <= limit)
        {
            Values[field] = value;
            return;
        }
        Values[field] = value[..limit];
        _typedLengths[field] = value.Length;
        Errors[field] = TooLong(value.Length, limit);
    }

    private static string TooLong(int typed, int limit) =>
        $"This was {typed:N0} characters; the limit is {limit:N0}. It was cut to fit: check the end before saving.";

    protected string? Text(string field, int max, bool required = false)
    {
        if (_typedLengths.TryGetValue(field, out var typed))
        {
            Values[field] = Values[field][..Math.Min(max, Values[field].Length)];
            Errors[field] = TooLong(typed, max);
            return null;
        }
        if (Errors.ContainsKey(field)) return null;
        if (!Values.TryGetValue(field, out var value) || value.Length == 0)
        {
            if (required) Errors[field] = "This is required.";
            return null;
        }
        if (value.Length > max)
        {
            Values[field] = value[..max];
            Errors[field] = TooLong(value.Length, max);
            return null;
        }
        return value;
    }
}

using System.Text.Json;

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
                    Values[name] = value.GetString()!.Trim();
                    break;
                case JsonValueKind.Number when acceptNumbers:
                    Values[name] = value.GetRawText();
                    break;
                default:
                    Errors[name] = "This must be text.";
                    break;
            }
        }
    }

    protected string? Text(string field, int max, bool required = false)
    {
        if (Errors.ContainsKey(field)) return null;
        if (!Values.TryGetValue(field, out var value) || value.Length == 0)
        {
            if (required) Errors[field] = "This is required.";
            return null;
        }
        if (value.Length > max)
        {
            Values[field] = value[..max];
            Errors[field] = $"This was {value.Length:N0} characters; the limit is {max:N0}. It was cut to fit: check the end before saving.";
            return null;
        }
        return value;
    }
}

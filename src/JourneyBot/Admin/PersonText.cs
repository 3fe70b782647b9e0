using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyBot.Domain;

namespace JourneyBot.Admin;

// Finds one person in stored text and writes the erased marker in their place. JSON (charters, parts, payloads,
// snapshots) is parsed: a person record ({aadObjectId, displayName}) with their id becomes the marker, one with
// another id is left alone even if the names are the same, and other strings get the text rules. Text rules: the id
// anywhere (ids are GUIDs, never part of other words); a value that is exactly one of their names; and a name of two
// or more words where it stands as whole words ("Ann Lee said" but not "Ann Leeway"). A one-word name ("Ann", "Sales")
// is replaced only as a whole value, never inside sentences, where it is too often an ordinary word.
public sealed class PersonText
{
    private const string IdProperty = "aadObjectId";
    private static readonly string[] NameProperties = ["displayName", "name"];

    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    // As the names can appear in raw JSON: System.Text.Json escapes non-ASCII and HTML-sensitive characters.
    private readonly List<string> _raw = [];

    public PersonText(string aadObjectId, Person marker)
    {
        AadObjectId = aadObjectId;
        Marker = marker;
    }

    public string AadObjectId { get; }
    public Person Marker { get; }
    public IReadOnlyCollection<string> Names => _names;

    public void AddName(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed is Person.Unnamed or ErasedPerson.DisplayName) return;
        if (!_names.Add(trimmed)) return;
        _raw.Add(trimmed);
        var escaped = JsonEncodedText.Encode(trimmed, JavaScriptEncoder.Default).Value;
        if (escaped != trimmed) _raw.Add(escaped);
    }

    // A cheap test before parsing: whether the raw text could mention the person at all.
    public bool Mentions(string? text) =>
        text is not null && (text.Contains(AadObjectId, StringComparison.OrdinalIgnoreCase)
            || _raw.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)));

    public bool MentionsId(string? text) => text?.Contains(AadObjectId, StringComparison.OrdinalIgnoreCase) == true;

    // The names the text's person records with this id carry, so text elsewhere that names them is found too.
    public void CollectNames(string? text)
    {
        if (!MentionsId(text) || Json(text!) is not { } node) return;
        foreach (var person in PersonRecords(node).Where(IsTheirs))
        {
            foreach (var property in NameProperties) AddName(StringOf(person[property]));
        }
    }

    // The text with the person replaced, or null when it does not mention them.
    public string? Rewrite(string? text)
    {
        if (!Mentions(text)) return null;
        if (Json(text!) is { } node)
        {
            var replaced = Walk(node);
            return replaced ? node.ToJsonString(ProgramFile.Options) : null;
        }
        var plain = Plain(text!);
        return plain == text ? null : plain;
    }

    public byte[]? RewriteUtf8(byte[] json)
    {
        var text = System.Text.Encoding.UTF8.GetString(json);
        return Rewrite(text) is { } rewritten ? System.Text.Encoding.UTF8.GetBytes(rewritten) : null;
    }

    // Replaces in place; true when anything changed.
    private bool Walk(JsonNode node)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject o:
                var theirs = IsTheirs(o);
                if (theirs)
                {
                    o[IdProperty] = Marker.AadObjectId;
                    foreach (var property in NameProperties.Where(o.ContainsKey)) o[property] = Marker.DisplayName;
                    // When a source last named them says nothing about the marker.
                    o.Remove("namedAt");
                    changed = true;
                }
                // Another person's record keeps its name, even one equal to this person's.
                var someoneElse = !theirs && o[IdProperty] is JsonValue;
                foreach (var (key, value) in o.ToList())
                {
                    if (someoneElse && NameProperties.Contains(key)) continue;
                    if (value is null) continue;
                    if (value is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        var plain = Plain(s);
                        if (plain != s)
                        {
                            o[key] = plain;
                            changed = true;
                        }
                    }
                    else changed |= Walk(value);
                    if (MentionsId(key))
                    {
                        var renamed = ReplaceId(key);
                        o[renamed] = o[key]?.DeepClone();
                        o.Remove(key);
                        changed = true;
                    }
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        var plain = Plain(s);
                        if (plain == s) continue;
                        a[i] = plain;
                        changed = true;
                    }
                    else if (a[i] is { } item) changed |= Walk(item);
                }
                break;
        }
        return changed;
    }

    private string Plain(string text)
    {
        var result = ReplaceId(text);
        if (_names.Contains(result.Trim())) return Marker.DisplayName;
        foreach (var name in _names.Where(n => n.Any(char.IsWhiteSpace)).OrderByDescending(n => n.Length))
        {
            result = WholeWords(result, name, Marker.DisplayName);
        }
        return result;
    }

    private string ReplaceId(string text) =>
        text.Replace(AadObjectId, Marker.AadObjectId, StringComparison.OrdinalIgnoreCase);

    private static string WholeWords(string text, string name, string by)
    {
        var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return text;
        var builder = new System.Text.StringBuilder(text.Length);
        var from = 0;
        while (at >= 0)
        {
            var end = at + name.Length;
            var whole = (at == 0 || !char.IsLetterOrDigit(text[at - 1]))
                && (end == text.Length || !char.IsLetterOrDigit(text[end]));
            builder.Append(text, from, at - from).Append(whole ? by : text.Substring(at, name.Length));
            from = end;
            at = text.IndexOf(name, from, StringComparison.OrdinalIgnoreCase);
        }
        return builder.Append(text, from, text.Length - from).ToString();
    }

    private bool IsTheirs(JsonObject o) =>
        StringOf(o[IdProperty]) is { } id && string.Equals(id.Trim(), AadObjectId, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<JsonObject> PersonRecords(JsonNode node)
    {
        var pending = new Stack<JsonNode>([node]);
        while (pending.TryPop(out var current))
        {
            if (current is JsonObject o)
            {
                if (o.ContainsKey(IdProperty)) yield return o;
                foreach (var (_, value) in o) if (value is JsonObject or JsonArray) pending.Push(value);
            }
            else if (current is JsonArray a)
            {
                foreach (var item in a) if (item is JsonObject or JsonArray) pending.Push(item);
            }
        }
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static JsonNode? Json(string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.Length == 0 || start[0] is not ('{' or '[')) return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Azure.Data.Tables;
using JourneyBot.Storage;

namespace JourneyBot.Admin;

public sealed record BackupHeader(DateTimeOffset TakenAt, string? Tenant);

public sealed record BackupRow(string Table, TableEntity Entity);

public sealed record BackupTrailer(IReadOnlyDictionary<string, long> Rows, string Sha256);

public sealed class BackupFormatException(string message) : Exception(message);

// A backup is a faithful dump of table rows, one JSON object a line (NDJSON), so any size streams in and out and a
// restore writes back exactly what was read — snapshot chunks, planned markers and scheduled sends included, which
// the program file format does not carry. Line 1 is the header, then one line per row, then an "end" line with
// the row count per table and a SHA-256 of every byte before it: a file cut short or changed is known before a
// restore writes anything. Each property keeps its Table storage type, so a row reads back as the app wrote it.
public static class BackupFormat
{
    public const string Name = "journeybot-backup/1";

    // In the order a restore writes them: how to reach people first, the programs, who sees them, and the schedule
    // (the sends) last, so nothing is sent before what it is about exists. Idempotency is left out: its rows guard
    // a day of redeliveries only and name no tenant. So is the Schedule's "instances" partition (live heartbeats).
    public static readonly IReadOnlyList<string> Tables =
    [
        StorageTables.ConversationsName, StorageTables.ServiceUrlsName, StorageTables.ProgramsName,
        StorageTables.MembershipsName, StorageTables.ScheduleName,
    ];

    // What Table storage accepts ("Understanding the Table service data model" in the Storage REST reference):
    // checked when a backup is read, so a restore never fails half-way on a row the service refuses.
    private const int MaxKeyLength = 1024;
    private const int MaxStringChars = 32 * 1024;
    private const int MaxBinaryBytes = 64 * 1024;
    private const int MaxProperties = 252;

    public static byte[] Header(BackupHeader header) => Line(w =>
    {
        w.WriteString("format", Name);
        w.WriteString("takenAt", header.TakenAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        if (header.Tenant is null) w.WriteNull("tenant");
        else w.WriteString("tenant", header.Tenant);
        w.WriteStartArray("tables");
        foreach (var table in Tables) w.WriteStringValue(table);
        w.WriteEndArray();
    });

    public static byte[] Row(string table, TableEntity entity) => Line(w =>
    {
        w.WriteString("table", table);
        w.WriteString("pk", entity.PartitionKey);
        w.WriteString("rk", entity.RowKey);
        w.WriteStartObject("properties");
        foreach (var (name, value) in entity.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" || value is null) continue;
            w.WriteStartObject(name);
            WriteValue(w, name, value);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    });

    public static byte[] Trailer(IReadOnlyDictionary<string, long> rows, string sha256) => Line(w =>
    {
        w.WriteStartObject("end");
        w.WriteStartObject("rows");
        foreach (var table in Tables) w.WriteNumber(table, rows.GetValueOrDefault(table));
        w.WriteEndObject();
        w.WriteString("sha256", sha256);
        w.WriteEndObject();
    });

    public static BackupHeader ReadHeader(string line)
    {
        using var json = Parse(line, "not a JourneyBot backup: the first line");
        var root = json.RootElement;
        var format = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String
            ? f.GetString()
            : null;
        if (format != Name)
        {
            throw new BackupFormatException(format is null
                ? "not a JourneyBot backup (no \"format\" on the first line)"
                : $"format '{format}' is not one this version restores ({Name})");
        }
        if (!root.TryGetProperty("takenAt", out var at) || at.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(at.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal,
                out var takenAt))
        {
            throw new BackupFormatException("the header's \"takenAt\" is not a date and time");
        }
        var tenant = root.TryGetProperty("tenant", out var t) ? t : default;
        if (tenant.ValueKind is not (JsonValueKind.String or JsonValueKind.Null or JsonValueKind.Undefined))
        {
            throw new BackupFormatException("the header's \"tenant\" is neither a tenant id nor null");
        }
        return new BackupHeader(takenAt, tenant.ValueKind == JsonValueKind.String ? tenant.GetString() : null);
    }

    // A row line, or null for the end line (then trailer is set).
    public static BackupRow? ReadRowOrTrailer(string line, out BackupTrailer? trailer)
    {
        trailer = null;
        using var json = Parse(line, "a row");
        var root = json.RootElement;
        if (root.TryGetProperty("end", out var end))
        {
            trailer = ReadTrailer(end);
            return null;
        }
        var table = String(root, "table");
        if (!Tables.Contains(table)) throw new BackupFormatException($"table '{table}' is not one JourneyBot backs up");
        var entity = new TableEntity(Key(root, "pk"), Key(root, "rk"));
        if (!root.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            throw new BackupFormatException("the row has no \"properties\" object");
        }
        foreach (var property in properties.EnumerateObject())
        {
            if (property.Name is "PartitionKey" or "RowKey" or "Timestamp" || property.Name.Length is 0 or > 255)
            {
                throw new BackupFormatException($"property name '{property.Name}' cannot be written");
            }
            if (!entity.TryAdd(property.Name, ReadValue(property.Name, property.Value)))
            {
                throw new BackupFormatException($"property '{property.Name}' appears twice");
            }
        }
        if (entity.Count - 2 > MaxProperties) throw new BackupFormatException("the row has too many properties");
        return new BackupRow(table, entity);
    }

    private static BackupTrailer ReadTrailer(JsonElement end)
    {
        if (end.ValueKind != JsonValueKind.Object || !end.TryGetProperty("rows", out var rows)
            || rows.ValueKind != JsonValueKind.Object)
        {
            throw new BackupFormatException("the end line has no row counts");
        }
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in rows.EnumerateObject())
        {
            if (!table.Value.TryGetInt64(out var count)) throw new BackupFormatException("a row count is not a number");
            counts[table.Name] = count;
        }
        return new BackupTrailer(counts, String(end, "sha256"));
    }

    private static void WriteValue(Utf8JsonWriter w, string name, object value)
    {
        switch (value)
        {
            case string s: w.WriteString("type", "String"); w.WriteString("value", s); break;
            case byte[] b: w.WriteString("type", "Binary"); w.WriteBase64String("value", b); break;
            case BinaryData d: w.WriteString("type", "Binary"); w.WriteBase64String("value", d.ToArray()); break;
            case bool b: w.WriteString("type", "Boolean"); w.WriteBoolean("value", b); break;
            case DateTimeOffset d: w.WriteString("type", "DateTime"); w.WriteString("value", Utc(d)); break;
            case DateTime d:
                w.WriteString("type", "DateTime");
                w.WriteString("value", Utc(new DateTimeOffset(d)));
                break;
            case Guid g: w.WriteString("type", "Guid"); w.WriteString("value", g.ToString("D")); break;
            case int i: w.WriteString("type", "Int32"); w.WriteNumber("value", i); break;
            // As a string, as OData writes it: JSON readers that hold numbers as doubles lose digits past 2^53.
            case long l:
                w.WriteString("type", "Int64");
                w.WriteString("value", l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                w.WriteString("type", "Double");
                if (double.IsFinite(d)) w.WriteNumber("value", d);
                else w.WriteString("value", d.ToString(CultureInfo.InvariantCulture));
                break;
            default: throw new InvalidOperationException($"Property '{name}' has a type ({value.GetType()}) " +
                "Table storage does not hold.");
        }
    }

    private static string Utc(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static object ReadValue(string name, JsonElement typed)
    {
        if (typed.ValueKind != JsonValueKind.Object || !typed.TryGetProperty("type", out var type)
            || !typed.TryGetProperty("value", out var value))
        {
            throw new BackupFormatException($"property '{name}' is not {{\"type\": …, \"value\": …}}");
        }
        object? read = (type.ValueKind == JsonValueKind.String ? type.GetString() : null) switch
        {
            "String" when value.ValueKind == JsonValueKind.String && value.GetString()!.Length <= MaxStringChars =>
                value.GetString(),
            "Binary" when value.ValueKind == JsonValueKind.String && value.TryGetBytesFromBase64(out var bytes)
                && bytes.Length <= MaxBinaryBytes => bytes,
            "Boolean" when value.ValueKind is JsonValueKind.True or JsonValueKind.False => value.GetBoolean(),
            "DateTime" when value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(),
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) => date,
            "Guid" when value.ValueKind == JsonValueKind.String
                && Guid.TryParse(value.GetString(), out var guid) => guid,
            "Int32" when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) => i,
            "Int64" when value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(),
                NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
            "Double" when value.ValueKind == JsonValueKind.Number => value.GetDouble(),
            "Double" when value.ValueKind == JsonValueKind.String && value.GetString() is "NaN" or "Infinity"
                or "-Infinity" => double.Parse(value.GetString()!, CultureInfo.InvariantCulture),
            _ => null,
        };
        var typeName = type.ValueKind == JsonValueKind.String ? type.GetString() : "?";
        return read ?? throw new BackupFormatException($"property '{name}' has no valid value of type {typeName}");
    }

    private static string Key(JsonElement row, string name)
    {
        var key = String(row, name);
        if (key.Length > MaxKeyLength || key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new BackupFormatException($"\"{name}\" is not a key Table storage accepts");
        }
        return key;
    }

    private static string String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new BackupFormatException($"\"{name}\" is missing or not a string");

    private static JsonDocument Parse(string line, string what)
    {
        try
        {
            var json = JsonDocument.Parse(line);
            if (json.RootElement.ValueKind == JsonValueKind.Object) return json;
            json.Dispose();
        }
        catch (JsonException)
        {
        }
        throw new BackupFormatException(what == "a row"
            ? "a row is not a JSON object (the file is cut short or damaged)"
            : $"{what} is not a backup header");
    }

    private static byte[] Line(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        // Unescaped non-ASCII text: a backup is a file, never HTML, and escaping would only make it larger.
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            w.WriteStartObject();
            write(w);
            w.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}

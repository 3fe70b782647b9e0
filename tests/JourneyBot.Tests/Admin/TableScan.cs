using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace JourneyBot.Tests.Admin;

// One property of one row as text: strings as stored and, when they hold JSON, every string in it unescaped; binary
// properties of snapshot chunks gunzipped, the chunks of one write joined first.
public sealed record ScannedText(string Table, string PartitionKey, string RowKey, string Property, string Text)
{
    public override string ToString() => $"{Table}/{PartitionKey}/{RowKey}/{Property}";
}

// Every property of every row of every table in the account, read the way someone looking for a person would.
public static class TableScan
{
    public static async Task<List<ScannedText>> EveryTextAsync(string connectionString)
    {
        var service = new TableServiceClient(connectionString);
        var texts = new List<ScannedText>();
        await foreach (var table in service.QueryAsync())
        {
            var chunks = new Dictionary<(string, string), MemoryStream>();
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                void Add(string property, string text) =>
                    texts.Add(new ScannedText(table.Name, row.PartitionKey, row.RowKey, property, text));
                Add("PartitionKey", Uri.UnescapeDataString(row.PartitionKey));
                Add("RowKey", Uri.UnescapeDataString(row.RowKey));
                foreach (var (key, value) in row)
                {
                    if (value is string s) Add(key, s + "\n" + JsonStrings(s));
                    else if (value is byte[] or BinaryData)
                    {
                        var bytes = value is byte[] b ? b : ((BinaryData)value).ToArray();
                        var write = (row.PartitionKey, row.RowKey[..(row.RowKey.LastIndexOf('|') + 1)]);
                        if (!chunks.TryGetValue(write, out var data)) chunks[write] = data = new MemoryStream();
                        data.Write(bytes);
                    }
                }
            }
            foreach (var ((partition, write), data) in chunks)
            {
                var json = Gunzip(data.ToArray());
                var text = json + "\n" + JsonStrings(json);
                texts.Add(new ScannedText(table.Name, partition, write, "Data (gunzipped)", text));
            }
        }
        return texts;
    }

    // Each row as one line (keys, every property, the timestamp), to see whether anything was written.
    public static async Task<List<string>> EveryRowAsync(string connectionString)
    {
        var service = new TableServiceClient(connectionString);
        var rows = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows.Add($"{table.Name}/{row.PartitionKey}/{row.RowKey}/" + string.Join("|", row
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => $"{p.Key}={(p.Value is byte[] b ? Convert.ToBase64String(b) : p.Value)}")));
            }
        }
        return rows.Order(StringComparer.Ordinal).ToList();
    }

    private static string JsonStrings(string text)
    {
        var start = text.TrimStart();
        if (start.Length == 0 || start[0] is not ('{' or '[')) return "";
        try
        {
            var strings = new List<string>();
            Collect(JsonNode.Parse(text), strings);
            return string.Join("\n", strings);
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static void Collect(JsonNode? node, List<string> strings)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    strings.Add(key);
                    Collect(value, strings);
                }
                break;
            case JsonArray a:
                foreach (var item in a) Collect(item, strings);
                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                strings.Add(s);
                break;
        }
    }

    private static string Gunzip(byte[] data)
    {
        using var input = new MemoryStream(data);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        try
        {
            gzip.CopyTo(output);
        }
        catch (InvalidDataException)
        {
        }
        return Encoding.UTF8.GetString(output.ToArray());
    }
}

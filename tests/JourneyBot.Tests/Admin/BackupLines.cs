using System.IO.Compression;
using Azure.Data.Tables;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Admin;

// What the backup tests read and run: a backup's lines, every row of an account, the deployable's commands.
public static class BackupLines
{
    // The text of a backup, gzipped or not.
    public static async Task<string> TextAsync(string path)
    {
        await using var file = File.OpenRead(path);
        Stream input = path.EndsWith(".gz", StringComparison.Ordinal)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
        await using (input)
        {
            using var reader = new StreamReader(input);
            return await reader.ReadToEndAsync();
        }
    }

    // The row lines: neither the header (it has the time) nor the end line.
    public static async Task<List<string>> RowsAsync(string path)
    {
        var lines = (await TextAsync(path)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines[1..^1].ToList();
    }

    // Every property of every row of every table, as text, with the tables that exist.
    public static async Task<List<string>> EveryRowAsync(string connectionString)
    {
        var service = new TableServiceClient(connectionString);
        var rows = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            rows.Add("table " + table.Name);
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows.Add($"{table.Name}/{row.PartitionKey}/{row.RowKey}/" + string.Join("|", row
                    .Where(p => p.Key is not ("Timestamp" or "odata.etag"))
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => $"{p.Key}={(p.Value is byte[] b ? Convert.ToBase64String(b) : p.Value)}")));
            }
        }
        return rows;
    }

    public static async Task<ToolResult> RunAsync(string connectionString, params string[] args) =>
        await Tool.RunAppAsync(new Dictionary<string, string> { ["ConnectionStrings__Storage"] = connectionString },
            args);

    // `export --all` into a folder of its own; the backup it wrote.
    public static async Task<string> ExportAsync(string connectionString, string folder, params string[] more)
    {
        var result = await RunAsync(connectionString, ["export", "--all", "--out", folder, .. more]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return Assert.Single(Directory.GetFiles(folder, "journeybot-backup-*.ndjson.gz"));
    }
}

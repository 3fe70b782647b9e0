using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyBot.Storage;

// Storage can come back empty while the app runs (a new account, a restore, a deleted table). The tables are made
// at start-up, so without this every turn would fail with "table not found" until a restart. On the client's
// pipeline, a request that meets one of our tables missing creates it and is sent once more, so the turn goes
// through. Requests that meet the same missing table share one create, and a request that went out before the
// table came back is only sent again: a table costs one create, not one per request.
//
// What a missing table looks like (checked against Azurite): a single-entity request or a query answers 404 with
// `x-ms-error-code: TableNotFound` (and that code in the body); an entity-group transaction answers 202 with a
// multipart body whose changeset response is `HTTP/1.1 404` with code TableNotFound, and no error header.
public sealed partial class TableRecreation : HttpPipelinePolicy
{
    private const string TableNotFound = "TableNotFound";

    private readonly Dictionary<string, Table> _tables;
    private readonly ILogger _log;
    private long _creates;

    private sealed class Table(string name)
    {
        public string Name { get; } = name;
        public Lock Gate { get; } = new();
        public Task<bool>? Creating { get; set; }
        // Stopwatch timestamp of the last time the table was seen to exist after a create.
        public long CreatedAt { get; set; } = long.MinValue;
    }

    // direct must not have this policy on its pipeline: creates go through it, and health looks through it (a
    // probe through the recreating client would mend the table before it could be reported missing).
    public TableRecreation(TableServiceClient direct, IEnumerable<string> tables, ILogger? log = null)
    {
        Direct = direct;
        _tables = tables.ToDictionary(t => t, t => new Table(t), StringComparer.OrdinalIgnoreCase);
        _log = log ?? NullLogger.Instance;
    }

    public TableServiceClient Direct { get; }

    // Create requests sent; for tests, and for anyone wondering how often storage came back empty.
    public long Creates => Interlocked.Read(ref _creates);

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var sentAt = Stopwatch.GetTimestamp();
        await ProcessNextAsync(message, pipeline);
        if (await MissingTableAsync(message, async: true) is not { } table) return;
        if (!await RecreateAsync(table, sentAt).WaitAsync(message.CancellationToken)) return;
        ReleaseResponse(message);
        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var sentAt = Stopwatch.GetTimestamp();
        ProcessNext(message, pipeline);
        if (MissingTableAsync(message, async: false).GetAwaiter().GetResult() is not { } table) return;
        if (!RecreateAsync(table, sentAt).WaitAsync(message.CancellationToken).GetAwaiter().GetResult()) return;
        ReleaseResponse(message);
        ProcessNext(message, pipeline);
    }

    // Health found the table missing: make it again without waiting for a turn to need it (an orchestrator may
    // have taken this instance out of rotation on that very answer, and then no turn would come).
    public void RecreateInBackground(string table, long seenMissingAt)
    {
        if (_tables.TryGetValue(table, out var known)) _ = RecreateAsync(known, seenMissingAt);
    }

    // True when the table exists again (made by us or anyone else) after sentAt.
    private Task<bool> RecreateAsync(Table table, long sentAt)
    {
        lock (table.Gate)
        {
            // Made again after this request went out: the request met the absence from before, so it only needs
            // sending again.
            if (table.CreatedAt > sentAt) return Task.FromResult(true);
            return table.Creating ??= Task.Run(() => CreateAsync(table));
        }
    }

    private async Task<bool> CreateAsync(Table table)
    {
        var exists = false;
        try
        {
            Interlocked.Increment(ref _creates);
            await Direct.CreateTableAsync(table.Name);
            exists = true;
            LogRecreated(table.Name);
        }
        catch (RequestFailedException e) when (e.Status == 409 && e.ErrorCode == "TableAlreadyExists")
        {
            // Another instance made it first.
            exists = true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Storage down again, or (in Azure) the table is still being deleted: the request keeps its 404, and
            // the next request to meet the table tries again.
            LogRecreateFailed(table.Name, e.Message);
        }
        finally
        {
            lock (table.Gate)
            {
                table.Creating = null;
                if (exists) table.CreatedAt = Stopwatch.GetTimestamp();
            }
        }
        return exists;
    }

    private async ValueTask<Table?> MissingTableAsync(HttpMessage message, bool async)
    {
        var path = message.Request.Uri.Path;
        var isBatch = path.EndsWith("/$batch", StringComparison.Ordinal);
        if (!MetMissingTable(message, isBatch)) return null;
        // Only a body that can be written again may be sent again; the SDK's bodies are in memory (its own retries
        // rely on that too), so this holds for every request it makes.
        if (message.Request.Content is { } content && !content.TryComputeLength(out _)) return null;
        var name = isBatch ? await TableOfBatchAsync(message.Request.Content, async, message.CancellationToken) : TableOfPath(path);
        // Only the app's own tables: a request for anything else keeps its 404.
        return name is not null && _tables.TryGetValue(name, out var table) ? table : null;
    }

    private static bool MetMissingTable(HttpMessage message, bool isBatch)
    {
        if (!message.HasResponse) return false;
        var response = message.Response;
        return response.Status switch
        {
            404 => response.Headers.TryGetValue("x-ms-error-code", out var code)
                ? code == TableNotFound
                : BodyMentions(response, "TableNotFound"u8),
            202 when isBatch => BodyMentions(response, "HTTP/1.1 404"u8) && BodyMentions(response, "TableNotFound"u8),
            _ => false,
        };
    }

    private static void ReleaseResponse(HttpMessage message) => message.Response.ContentStream?.Dispose();

    // Error bodies and transaction responses are buffered by the pipeline; a streamed body is not ours to read.
    private static bool BodyMentions(Response response, ReadOnlySpan<byte> text) =>
        response.ContentStream is MemoryStream && response.Content.ToMemory().Span.IndexOf(text) >= 0;

    // ".../devstoreaccount1/Programs(PartitionKey='a',RowKey='b')" (Azurite) or "/Programs()" (Azure) → Programs.
    private static string? TableOfPath(string path)
    {
        var open = path.IndexOf('(');
        var head = open < 0 ? path : path[..open];
        var name = head[(head.LastIndexOf('/') + 1)..];
        return name.Length == 0 ? null : name;
    }

    // An entity-group transaction names its table in the request lines of its changeset, all the same table.
    private static async ValueTask<string?> TableOfBatchAsync(RequestContent? content, bool async, CancellationToken cancellationToken)
    {
        if (content is null) return null;
        using var buffer = new MemoryStream();
        if (async) await content.WriteToAsync(buffer, cancellationToken);
        else content.WriteTo(buffer, cancellationToken);
        var match = RequestLine().Match(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        return match.Success && Uri.TryCreate(match.Groups[1].Value, UriKind.Absolute, out var uri) ? TableOfPath(uri.AbsolutePath) : null;
    }

    [GeneratedRegex(@"^(?:POST|PUT|PATCH|MERGE|DELETE|GET) (\S+) HTTP/1\.1\r?$", RegexOptions.Multiline)]
    private static partial Regex RequestLine();

    [LoggerMessage(LogLevel.Warning, "Table {Table} was missing from table storage (a new or restored account, or a deleted table) and was created again; rows it held are gone")]
    private partial void LogRecreated(string table);

    [LoggerMessage(LogLevel.Warning, "Table {Table} is missing from table storage and could not be created again yet: {Reason}")]
    private partial void LogRecreateFailed(string table, string reason);
}

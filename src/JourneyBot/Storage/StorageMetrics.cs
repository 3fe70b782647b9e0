using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace JourneyBot.Storage;

// Counts every request sent to table storage (each retry included): what the storage bill and the
// "transactions per turn" figures are made of.
public sealed class StorageMetrics : HttpPipelinePolicy
{
    public const string MeterName = "JourneyBot.Storage";
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("journeybot.storage.requests", description: "Requests sent to table storage");
    private static long _total;
    private long _count;

    // Every request this process sent, and the ones sent through the client this policy instance belongs to.
    public static long Total => Interlocked.Read(ref _total);
    public long Count => Interlocked.Read(ref _count);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message)
    {
        Interlocked.Increment(ref _total);
        Interlocked.Increment(ref _count);
        Requests.Add(1, new KeyValuePair<string, object?>("method", message.Request.Method.ToString()));
    }
}

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

    public static long Total => Interlocked.Read(ref _total);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
    }

    private static void Count(HttpMessage message)
    {
        Interlocked.Increment(ref _total);
        Requests.Add(1, new KeyValuePair<string, object?>("method", message.Request.Method.ToString()));
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace JourneyBot.Protocol;

public static class BotMetrics
{
    public const string MeterName = "JourneyBot.Bot";
    public static readonly Meter Meter = new(MeterName);
    public static readonly ActivitySource Tracing = new(MeterName);

    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("journeybot.turns", description: "Activities handled, by type and outcome");
    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("journeybot.turn.duration", unit: "ms", description: "Time to handle one activity");
    // Turns that failed, by cause: "code" is a fault in JourneyBot itself (alert on any), "dependency" is storage,
    // the connector or a token service not answering (alert on a rate).
    public static readonly Counter<long> FailedTurns = Meter.CreateCounter<long>("journeybot.turns.failed", description: "Turns that failed, by cause: code or dependency");
    public static readonly Counter<long> Rejected = Meter.CreateCounter<long>("journeybot.requests.rejected", description: "Inbound requests refused before the handler ran");
}

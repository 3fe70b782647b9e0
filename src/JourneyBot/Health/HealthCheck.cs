using System.Text.Json.Serialization;
using JourneyBot.Domain;

namespace JourneyBot.Health;

// One map-health check: how it stands, the figure behind it, what it is measured against, and what to do next.
// Why is the source article's point in one line; Command is the chat command that does the next step. A check
// not judged yet says why in Figure and what would make it apply in NextStep.
public sealed record HealthCheck(
    [property: JsonConverter(typeof(HealthCheckIdJson))] HealthCheckId Id,
    string Title,
    HealthStatus Status,
    string Figure,
    string Threshold,
    string NextStep,
    IReadOnlyList<string>? Details = null)
{
    public string Why { get; init; } = "";
    [JsonConverter(typeof(HealthCommandJson))]
    public HealthCommand? Command { get; init; }
}

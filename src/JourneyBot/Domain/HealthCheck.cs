namespace JourneyBot.Domain;

public enum HealthStatus { Ok, Warn, Fail }

// One map-health check: how it stands, the figure behind it, what it is measured against, and what to do next.
// Why is the source article's point in one line; Command is the chat command that does the next step.
public sealed record HealthCheck(
    string Id,
    string Title,
    HealthStatus Status,
    string Figure,
    string Threshold,
    string NextStep,
    IReadOnlyList<string>? Details = null)
{
    public string Why { get; init; } = "";
    public string? Command { get; init; }
}

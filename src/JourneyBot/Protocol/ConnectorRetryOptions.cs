namespace JourneyBot.Protocol;

public sealed record ConnectorRetryOptions
{
    public int MaxAttempts { get; init; } = 5;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);
    // A Retry-After longer than this is not waited for inside a turn; the call fails and the caller decides.
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);
    // One request's wait for an answer (not the wait for its turn with the pacer, nor the pauses between attempts).
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

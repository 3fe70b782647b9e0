namespace JourneyBot.Storage;

// Optimistic writes: each is conditional on the version read, and the loser of a race reads again and retries,
// after a short random pause so writers that keep colliding fall out of step. Past Attempts the caller gives a
// deliberate answer (a merge, "changed meanwhile" with the input kept, or "try again later"); it never throws.
public static class Contention
{
    public const int Attempts = 24;

    public static Task PauseAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(Random.Shared.Next(2, 12 + Math.Min(attempt, 8) * 12), cancellationToken);
}

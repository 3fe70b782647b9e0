using System.Collections.Concurrent;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Reviews;

namespace JourneyBot.FollowUps;

// What the send-time re-check of a digest reads, shared by the sends of one claim batch: a program's charter and
// its reviews are read once per program within Fresh, not once per send (a batch of a thousand reminders of one
// program cost a thousand reads before). A review held within Fresh before a send may still see its reminder go
// out; the send's own wait for its turn with Teams' rate limit was already a window of that size.
public sealed class RecheckReads(ProgramStore programs, ReviewStore reviews, TimeProvider clock)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(2);
    // Far more programs than one instance sends for at once: past this, everything is read afresh.
    private const int MostKept = 10_000;

    private readonly ConcurrentDictionary<(string Tenant, string Program),
        (Task<ProgramHeader?> Read, DateTimeOffset At)> _headers = new();
    private readonly ConcurrentDictionary<string, (Task<IReadOnlyList<Review>> Read, DateTimeOffset At)> _reviews =
        new(StringComparer.Ordinal);

    public Task<ProgramHeader?> HeaderAsync(string tenantId, string programId, CancellationToken cancellationToken) =>
        Shared(_headers, (tenantId, programId), () => programs.LoadHeaderAsync(tenantId, programId, cancellationToken));

    public Task<IReadOnlyList<Review>> ReviewsAsync(string programId, CancellationToken cancellationToken) =>
        Shared(_reviews, programId,
            async () => (IReadOnlyList<Review>)await reviews.AllAsync(programId, cancellationToken));

    // A read still on its way is shared too; a failed one is never kept.
    private Task<T> Shared<TKey, T>(ConcurrentDictionary<TKey, (Task<T> Read, DateTimeOffset At)> cache, TKey key,
        Func<Task<T>> read) where TKey : notnull
    {
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(key, out var kept) && now - kept.At < Fresh
            && !kept.Read.IsFaulted && !kept.Read.IsCanceled)
        {
            return kept.Read;
        }
        if (cache.Count > MostKept) cache.Clear();
        var fresh = read();
        cache[key] = (fresh, now);
        return fresh;
    }
}

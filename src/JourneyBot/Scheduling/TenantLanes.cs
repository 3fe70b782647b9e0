namespace JourneyBot.Scheduling;

// Claimed rows waiting to be sent, one queue per tenant. Teams limits each tenant separately, so each queue has
// senders of its own: a tenant waiting for its rate limit never holds up another's sends. All senders together
// stay within the instance's parallelism.
internal sealed class TenantLanes(int parallelism, Func<int> sendersPerTenant, Func<ScheduleRow, CancellationToken, Task<bool?>> perform, Action<string, int> drained,
    Action<ScheduleRow>? abandoned = null)
{
    private sealed class Lane
    {
        public readonly Queue<(ScheduleRow Row, LaneBatch Batch)> Waiting = new();
        public int Senders;
        // Rows taken off the queue and on their way.
        public int Sending;
        public int Held => Waiting.Count + Sending;
        // Rows queued (for all tenants) when this tenant's last rows came: a tenant absent from many rows since has
        // probably nothing more due, so it stops asking for more.
        public long SeenAt;
    }

    private long _queued;
    // Rows held per audience (person or conversation), across tenants.
    private readonly Dictionary<string, int> _audiences = new(StringComparer.Ordinal);

    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly HashSet<Task> _senders = [];
    private readonly SemaphoreSlim _slots = new(parallelism);
    private readonly Lock _lock = new();

    // Rows this instance holds for the tenant: waiting and being sent.
    public int Held(string tenantId)
    {
        lock (_lock) return _lanes.TryGetValue(tenantId, out var lane) ? lane.Held : 0;
    }

    // How many rows a read should take to bring every tenant still seen in the last `activeWithin` rows up to
    // `target`, whether any of them is down to `low` or fewer, and how many rows are held in all. A read takes a
    // sample of what is due, in which the active tenants come about alike: the sum of their shortfalls would bring
    // the neediest up by only its part of that sum, so a read takes at least half the neediest's shortfall for each
    // of them (the whole of it would overfill the others, and a claim then leaves what they cannot hold unclaimed).
    public (int Rows, bool AnyLow, int Held) Shortfall(int target, int low, int activeWithin)
    {
        lock (_lock)
        {
            var shortfall = 0;
            var neediest = 0;
            var active = 0;
            var anyLow = false;
            var heldInAll = 0;
            foreach (var (tenant, lane) in _lanes.ToList())
            {
                var held = lane.Held;
                heldInAll += held;
                if (_queued - lane.SeenAt < activeWithin)
                {
                    active++;
                    shortfall += Math.Max(0, target - held);
                    neediest = Math.Max(neediest, target - held);
                    anyLow |= held <= low;
                }
                else if (held == 0)
                {
                    _lanes.Remove(tenant);
                }
            }
            return (Math.Max(shortfall, neediest * active / 2), anyLow, heldInAll);
        }
    }

    public int HeldFor(string audience)
    {
        lock (_lock) return _audiences.GetValueOrDefault(audience);
    }

    public bool IsActive(string tenantId, int activeWithin)
    {
        lock (_lock) return _lanes.TryGetValue(tenantId, out var lane) && _queued - lane.SeenAt < activeWithin;
    }

    // Queues claimed rows; the batch completes when every one of them is sent, put back or abandoned.
    public LaneBatch Add(IReadOnlyCollection<ScheduleRow> rows, CancellationToken stopping)
    {
        var batch = new LaneBatch(rows.Count);
        lock (_lock)
        {
            _queued += rows.Count;
            foreach (var row in rows)
            {
                if (!_lanes.TryGetValue(row.TenantId, out var lane)) _lanes[row.TenantId] = lane = new Lane();
                lane.SeenAt = _queued;
                lane.Waiting.Enqueue((row, batch));
                _audiences[row.Audience] = _audiences.GetValueOrDefault(row.Audience) + 1;
            }
            foreach (var tenant in rows.Select(r => r.TenantId).Distinct(StringComparer.Ordinal)) StartSenders(tenant, _lanes[tenant], stopping);
        }
        return batch;
    }

    // Every sender's current row finished (after stopping, the rows not yet started go to abandoned, to be handed back).
    public Task WhenSentAsync()
    {
        lock (_lock) return Task.WhenAll(_senders.ToList());
    }

    private void StartSenders(string tenantId, Lane lane, CancellationToken stopping)
    {
        while (lane.Senders < Math.Min(lane.Held, Math.Max(1, sendersPerTenant())))
        {
            lane.Senders++;
            var sender = Task.Run(() => SendAsync(tenantId, lane, stopping));
            _senders.Add(sender);
            _ = sender.ContinueWith(done =>
            {
                lock (_lock) _senders.Remove(done);
            }, TaskScheduler.Default);
        }
    }

    private async Task SendAsync(string tenantId, Lane lane, CancellationToken stopping)
    {
        while (true)
        {
            var slot = false;
            try
            {
                await _slots.WaitAsync(stopping);
                slot = true;
            }
            catch (OperationCanceledException)
            {
            }
            (ScheduleRow Row, LaneBatch Batch) next;
            lock (_lock)
            {
                // Leaving and being counted out happen together, so rows added meanwhile always find a sender.
                if (!slot || stopping.IsCancellationRequested || !lane.Waiting.TryDequeue(out next))
                {
                    if (stopping.IsCancellationRequested) AbandonAllLocked(lane);
                    lane.Senders--;
                    if (slot) _slots.Release();
                    return;
                }
                lane.Sending++;
            }
            bool? outcome;
            try
            {
                outcome = await perform(next.Row, stopping);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The row stays claimed and is tried again when its lease ends.
                outcome = false;
            }
            finally
            {
                _slots.Release();
            }
            next.Batch.Record(outcome);
            int held;
            lock (_lock)
            {
                lane.Sending--;
                held = lane.Held;
                Release(next.Row.Audience);
            }
            drained(tenantId, held);
        }
    }

    private void AbandonAllLocked(Lane lane)
    {
        while (lane.Waiting.TryDequeue(out var waiting))
        {
            waiting.Batch.Record(null);
            Release(waiting.Row.Audience);
            abandoned?.Invoke(waiting.Row);
        }
    }

    private void Release(string audience)
    {
        if (_audiences.TryGetValue(audience, out var held) && held > 1) _audiences[audience] = held - 1;
        else _audiences.Remove(audience);
    }
}

// Claimed rows on their way: true = finished, false = put back for later, null = abandoned (instance stopping).
internal sealed class LaneBatch(int count)
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining = count;
    private int _done;
    private int _postponed;

    public static LaneBatch Empty => new(0);

    public int Count { get; } = count;
    public int Done => Volatile.Read(ref _done);
    public int Postponed => Volatile.Read(ref _postponed);
    public Task Finished => Count == 0 ? Task.CompletedTask : _finished.Task;

    public void Record(bool? outcome)
    {
        if (outcome == true) Interlocked.Increment(ref _done);
        else if (outcome == false) Interlocked.Increment(ref _postponed);
        if (Interlocked.Decrement(ref _remaining) == 0) _finished.TrySetResult();
    }
}

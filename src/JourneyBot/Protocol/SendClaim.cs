namespace JourneyBot.Protocol;

// A scheduled message may go out only while this instance still holds its claim on it. The scheduler states the
// claim once, around the work that sends (Scheduling/SendLifecycle); the pacer checks it after each turn is given
// and right before every attempt, retries included, so none of the layers in between carries it. Outside a
// scheduled send (a reply in a turn) there is no claim and the check passes.
public static class SendClaim
{
    private static readonly AsyncLocal<Func<Task>?> Current = new();

    // ensureHeld throws when the claim was lost, which stops the attempt before anything is posted.
    public static Scope Hold(Func<Task> ensureHeld)
    {
        var previous = Current.Value;
        Current.Value = ensureHeld;
        return new Scope(previous);
    }

    public static Task EnsureHeldAsync() => Current.Value?.Invoke() ?? Task.CompletedTask;

    public readonly struct Scope(Func<Task>? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}

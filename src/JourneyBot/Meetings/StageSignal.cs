using System.Collections.Concurrent;

namespace JourneyBot.Meetings;

// Wakes the stage streams of this instance the moment a meeting change is saved here. Changes saved by another
// instance are found by the streams' own short poll of the meeting's version (MeetingStream), so this is only the
// fast path, never the only one.
public sealed class StageSignal
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waits = new(StringComparer.Ordinal);

    public void Changed(string programId)
    {
        if (_waits.TryRemove(programId, out var wait)) wait.TrySetResult();
    }

    // Completes on the next change to the program, or when the timeout or the caller ends it.
    public async Task WaitAsync(string programId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var wait = _waits.GetOrAdd(programId,
            _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await wait.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
        }
    }
}

namespace JourneyBot.Scheduling;

// Performs one kind of scheduled item. Several features register one each, so this is a seam by nature.
public interface IScheduledWork
{
    string Kind { get; }
    Task<WorkResult> RunAsync(ScheduledItem item, CancellationToken cancellationToken);
}

public enum WorkOutcome { Done, RetryLater }

public sealed record WorkResult(WorkOutcome Outcome, string? Reason = null, DateTimeOffset? NotBefore = null)
{
    public static readonly WorkResult Done = new(WorkOutcome.Done);
    // Outside the person's working hours, say: the item waits, with no attempt counted.
    public static WorkResult Later(DateTimeOffset notBefore, string reason) => new(WorkOutcome.RetryLater, reason, notBefore);
}

namespace JourneyBot.Domain;

public enum ActionStatus { Open, InProgress, Done, Dropped }

public sealed record ImprovementAction
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? TouchpointId { get; init; }
    public required Person Owner { get; init; }
    public required DateOnly DueOn { get; init; }
    public ActionStatus Status { get; init; } = ActionStatus.Open;
    public string? MetricId { get; init; }
    // Who gave the action to its owner (and gets it back if the owner hands it back), and when the owner took it on.
    public Person? AssignedBy { get; init; }
    public DateOnly? AcceptedOn { get; init; }
    // The pain point (on TouchpointId) this action addresses; actions from before items existed lack it.
    public string? PainPointId { get; init; }
    // When work on it began (first marked in progress, or done straight away) and when it was marked done; actions
    // from before these were kept lack them, and their impact is not judged.
    public DateOnly? StartedOn { get; init; }
    public DateOnly? DoneOn { get; init; }

    public bool IsClosed() => Status is ActionStatus.Done or ActionStatus.Dropped;
    public bool IsOverdue(DateOnly asOf) => !IsClosed() && DueOn < asOf;
}

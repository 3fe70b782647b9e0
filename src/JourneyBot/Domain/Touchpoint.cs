namespace JourneyBot.Domain;

public enum TouchpointChannel { Web, Email, Phone, InPerson, MobileApp, Chat, Letter, Other }

public enum Evidence { CustomerInterview, SurveyOrNps, Analytics, SupportTickets, EmployeeObservation, Assumption }

// The employee's side of a touchpoint: who delivers it, with what, and what makes it hard for them.
public sealed record Backstage(string? DeliveredBy = null, string? SystemOrProcess = null, string? EmployeePain = null)
{
    public bool IsCaptured() => !string.IsNullOrWhiteSpace(DeliveredBy)
        && (!string.IsNullOrWhiteSpace(SystemOrProcess) || !string.IsNullOrWhiteSpace(EmployeePain));
}

public sealed record Touchpoint
{
    public required string Id { get; init; }
    public required string StageId { get; init; }
    public required string DepartmentId { get; init; }
    public required TouchpointChannel Channel { get; init; }
    public required string CustomerAction { get; init; }
    public IReadOnlyList<string> PersonaIds { get; init; } = [];
    // -2 (very negative) .. +2 (very positive); null when nobody has said.
    public int? Emotion { get; init; }
    public string? PainPoints { get; init; }
    public Evidence Evidence { get; init; } = Evidence.Assumption;
    public string? SourceLink { get; init; }
    public string? Verbatim { get; init; }
    public Backstage? Backstage { get; init; }
    public required Person CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateOnly? LastVerifiedOn { get; init; }
    public bool Retired { get; init; }
    // Null for touchpoints retired before this was kept, and for active ones.
    public DateOnly? RetiredOn { get; init; }

    public bool HasPainPoints() => !string.IsNullOrWhiteSpace(PainPoints);
}

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

    public bool IsClosed() => Status is ActionStatus.Done or ActionStatus.Dropped;
    public bool IsOverdue(DateOnly asOf) => !IsClosed() && DueOn < asOf;
}

// A completed review, with the program's figures as they stood when it completed.
public sealed record Review(string Id, DateOnly CompletedOn, Person By, Snapshot? Snapshot = null);

// A progress card sent to a sponsor, and whether (when) they acknowledged it.
public sealed record ProgressUpdate(string SponsorAadObjectId, DateOnly SentOn, DateOnly? AcknowledgedOn = null, Snapshot? Snapshot = null);

namespace JourneyBot.Domain;

public enum TouchpointChannel { Web, Email, Phone, InPerson, MobileApp, Chat, Letter, Other }

// NotRecorded (nobody said how we know) is not the same as Assumption (someone said it is a guess).
public enum Evidence { CustomerInterview, SurveyOrNps, Analytics, SupportTickets, EmployeeObservation, Assumption, NotRecorded }

// One pain point on a touchpoint, so an improvement action can name the one it addresses.
public sealed record PainPoint(string Id, string Text)
{
    // Pain points typed as one text, one per line (a leading "- " bullet dropped) or separated by semicolons,
    // become items "{touchpointId}-p1", ...
    public static IReadOnlyList<PainPoint> Split(string touchpointId, string? text) =>
        string.IsNullOrWhiteSpace(text) ? []
        : text.Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Length > 2 && p[0] is '-' or '*' or '•' && p[1] == ' ' ? p[2..].Trim() : p).Where(p => p.Length > 0)
            .Select((p, i) => new PainPoint($"{touchpointId}-p{i + 1}", p)).ToList();

    // After an edit, a pain point whose text is still there keeps its id wherever it now stands, so an action that
    // addresses it goes on naming it; new ones get numbers never used on this touchpoint, so an action that
    // addressed a removed one never silently points at another.
    public static IReadOnlyList<PainPoint> KeepIds(string touchpointId, IReadOnlyList<PainPoint> before, IReadOnlyList<PainPoint> after)
    {
        var free = before.ToList();
        var used = before.Select(p => Number(touchpointId, p.Id)).DefaultIfEmpty(0).Max();
        var kept = new List<PainPoint>();
        foreach (var item in after)
        {
            var same = free.FirstOrDefault(p => string.Equals(p.Text, item.Text, StringComparison.Ordinal));
            if (same is not null) free.Remove(same);
            kept.Add(same is not null ? item with { Id = same.Id } : item with { Id = $"{touchpointId}-p{++used}" });
        }
        return kept;
    }

    // Whether the id is one this touchpoint gives its pain points (now or before an edit).
    public static bool IsIdOf(string touchpointId, string id) => Number(touchpointId, id) > 0;

    private static int Number(string touchpointId, string id) =>
        id.StartsWith(touchpointId + "-p", StringComparison.Ordinal) && int.TryParse(id.AsSpan(touchpointId.Length + 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
}

// The employee's side of a touchpoint: who delivers it, with what, and what makes it hard for them.
public sealed record Backstage(string? DeliveredBy = null, string? SystemOrProcess = null, string? EmployeePain = null)
{
    public bool IsCaptured() => !string.IsNullOrWhiteSpace(DeliveredBy)
        && (!string.IsNullOrWhiteSpace(SystemOrProcess) || !string.IsNullOrWhiteSpace(EmployeePain));

    // Who delivers it and with which system: the backstage as health measures it.
    public bool NamesWhoAndWith() => !string.IsNullOrWhiteSpace(DeliveredBy) && !string.IsNullOrWhiteSpace(SystemOrProcess);

    public bool HasEmployeePain() => !string.IsNullOrWhiteSpace(EmployeePain);
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
    // The pain points as typed; PainPointItems holds them one by one (rows written before items existed lack them).
    public string? PainPoints { get; init; }
    public IReadOnlyList<PainPoint> PainPointItems { get; init; } = [];
    public Evidence Evidence { get; init; } = Evidence.NotRecorded;
    public string? SourceLink { get; init; }
    // Who wrote the Teams message this touchpoint was taken from ("Add as touchpoint"); SourceLink is that message.
    public Person? SourceAuthor { get; init; }
    public string? Verbatim { get; init; }
    public Backstage? Backstage { get; init; }
    public required Person CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateOnly? LastVerifiedOn { get; init; }
    // The day its content was last edited (a review outcome counts it as an update); null when never edited.
    public DateOnly? ChangedOn { get; init; }
    public bool Retired { get; init; }
    // Null for touchpoints retired before this was kept, and for active ones.
    public DateOnly? RetiredOn { get; init; }

    public bool HasPainPoints() => PainPointList().Count > 0;

    // The pain points as one text for reading: as typed, or the items joined when only items were imported.
    public string PainText() => !string.IsNullOrWhiteSpace(PainPoints) ? PainPoints : string.Join("; ", PainPointList().Select(p => p.Text));

    public IReadOnlyList<PainPoint> PainPointList() => PainPointItems.Count > 0 ? PainPointItems : PainPoint.Split(Id, PainPoints);

    public bool HasEvidence() => Evidence is not (Evidence.Assumption or Evidence.NotRecorded);
}

namespace JourneyBot.Domain;

public enum FollowUpKind { ReviewDue, ReviewReminder, DepartmentGaps, Unverified, ActionOverdue, Progress, ReadingDue, ActionNeverMoved }

// One message a person should get about a program. The key names the occasion (which review, which period),
// so planning the same day twice, or on several instances, yields the same keys and nobody hears twice.
public sealed record FollowUp(string Key, FollowUpKind Kind, Person Recipient, string Text)
{
    public string? DepartmentId { get; init; }
    public string? ActionId { get; init; }
    // For a progress card: the card this sponsor's copy belongs to, shared by every sponsor's copy.
    public string? CardId { get; init; }
    // For a metric's reading: the metric, and the day its figure fell due.
    public string? MetricId { get; init; }
    public DateOnly? DueOn { get; init; }
}

// How long to wait before nudging; documented in README beside the health thresholds.
public sealed record FollowUpRules
{
    public int GapNudgeAfterDays { get; init; } = 7;
    public int SecondReminderAfterDays { get; init; } = 3;
    public int ActionNudgeEveryDays { get; init; } = 7;
}

// What each person should be told about a program on a given day. Pure: the caller stores what was sent.
public static class FollowUpPlan
{
    // The day the next review is due: the cadence after the last held review (or after collection opened), unless
    // the latest decision since was to postpone it to a date. A cancelled review leaves the due date where it was.
    public static DateOnly? NextReviewDue(JourneyProgram program)
    {
        var held = program.Reviews.Where(r => r.WasHeld()).Select(r => (DateOnly?)r.CompletedOn).Max();
        var from = held ?? program.CollectionOpenedOn;
        var postponed = program.Reviews.Where(r => r.Outcome == ReviewOutcome.Postponed && r.PostponedTo is not null && (from is null || r.CompletedOn >= from))
            .OrderBy(r => r.CompletedOn).LastOrDefault();
        return postponed?.PostponedTo ?? from?.AddDays(program.Charter.ReviewCadenceDays);
    }

    public static IReadOnlyList<FollowUp> Due(JourneyProgram program, DateOnly today, FollowUpRules rules)
    {
        if (program.CollectionOpenedOn is not { } opened) return [];
        var charter = program.Charter;
        var cadence = Math.Max(1, charter.ReviewCadenceDays);
        var due = new List<FollowUp>();

        if (NextReviewDue(program) is { } reviewDue && today >= reviewDue)
        {
            var late = today >= reviewDue.AddDays(rules.SecondReminderAfterDays);
            foreach (var owner in charter.Owners)
            {
                due.Add(new FollowUp($"review|{reviewDue:yyyyMMdd}|1|{owner.AadObjectId}", FollowUpKind.ReviewDue, owner,
                    $"The review of {charter.Name} is due ({reviewDue:d MMM}): walk through the touchpoints and confirm, update or retire each."));
                if (late)
                {
                    due.Add(new FollowUp($"review|{reviewDue:yyyyMMdd}|2|{owner.AadObjectId}", FollowUpKind.ReviewReminder, owner,
                        $"Reminder: the review of {charter.Name} was due on {reviewDue:d MMM} and has not been done. Sponsors will see it as overdue."));
                }
            }
        }

        var active = program.ActiveTouchpoints().ToList();
        var gapsFrom = opened.AddDays(rules.GapNudgeAfterDays);
        foreach (var department in charter.Departments)
        {
            var mine = active.Where(t => t.DepartmentId == department.Id).ToList();
            if (today >= gapsFrom)
            {
                var empty = charter.Stages.Where(s => mine.All(t => t.StageId != s.Id)).Select(s => s.Name).ToList();
                if (empty.Count > 0)
                {
                    var period = (today.DayNumber - gapsFrom.DayNumber) / cadence;
                    var text = mine.Count == 0
                        ? $"{department.Name} has no touchpoints in {charter.Name} yet. Add what the customer hears or sees from you, stage by stage."
                        : $"{department.Name} has nothing yet in {Words.Count(empty.Count, "stage")} of {charter.Name}: {string.Join(", ", empty.Take(6))}{(empty.Count > 6 ? "…" : "")}. What does the customer hear or see from you there?";
                    due.AddRange(department.Contacts.Select(c => new FollowUp($"gaps|{department.Id}|{period}|{c.AadObjectId}", FollowUpKind.DepartmentGaps, c, text) { DepartmentId = department.Id }));
                }
            }
            var stale = mine.Count(t => (t.LastVerifiedOn ?? DateOnly.FromDateTime(t.CreatedAt.UtcDateTime)).AddDays(cadence) < today);
            if (stale > 0)
            {
                var period = (today.DayNumber - opened.DayNumber) / cadence;
                var text = $"{Words.Count(stale, "touchpoint")} of {department.Name} in {charter.Name} {(stale == 1 ? "was" : "were")} not verified in the last {cadence} days. Confirm, update or retire {(stale == 1 ? "it" : "them")}.";
                due.AddRange(department.Contacts.Select(c => new FollowUp($"verify|{department.Id}|{period}|{c.AadObjectId}", FollowUpKind.Unverified, c, text) { DepartmentId = department.Id }));
            }
        }

        foreach (var action in program.Actions.Where(a => a.IsOverdue(today)))
        {
            var period = (today.DayNumber - action.DueOn.DayNumber - 1) / Math.Max(1, rules.ActionNudgeEveryDays);
            due.Add(new FollowUp($"action|{action.Id}|{period}", FollowUpKind.ActionOverdue, action.Owner,
                $"Your improvement action \"{action.Title}\" in {charter.Name} was due on {action.DueOn:d MMM}. Mark it done, or tell the team where it stands.") { ActionId = action.Id });
        }

        due.AddRange(Readings(program, today));
        due.AddRange(NeverMoved(program));

        var cards = (today.DayNumber - opened.DayNumber) / cadence;
        if (cards >= 1)
        {
            due.AddRange(charter.Sponsors.Select(s => new FollowUp($"progress|{cards}|{s.AadObjectId}", FollowUpKind.Progress, s, $"Progress of {charter.Name}") { CardId = $"cadence-{cards}" }));
        }
        // Erased people stay in the charter and on actions so counts add up; nobody is there to be told anything.
        return due.Where(f => !ErasedPerson.Is(f.Recipient)).ToList();
    }

    // Each metric's figure, asked of its owner (or the program's owners) once it falls due, and again each cadence
    // it stays unanswered.
    private static IEnumerable<FollowUp> Readings(JourneyProgram program, DateOnly today)
    {
        var charter = program.Charter;
        foreach (var metric in charter.Metrics)
        {
            if (ReadingSchedule.NextDue(program, metric) is not { } dueOn || today < dueOn) continue;
            var period = (today.DayNumber - dueOn.DayNumber) / metric.DaysBetweenReadings();
            var last = ReadingSchedule.Latest(program, metric.Id);
            var lastText = last is null
                ? metric.Baseline is { } baseline ? $"no reading yet (baseline {ImpactWords.Figure(baseline, metric.Unit)})" : "no reading yet"
                : $"last {ImpactWords.Figure(last.Value, metric.Unit)} on {last.On:d MMM yyyy}";
            var target = metric.Target is { } t ? $"; target {ImpactWords.Figure(t, metric.Unit)}" : "";
            var text = $"{metric.Name} in {charter.Name}: what is this period's figure? {char.ToUpperInvariant(lastText[0])}{lastText[1..]}{target}.";
            foreach (var person in ReadingSchedule.AskedOf(charter, metric))
            {
                yield return new FollowUp($"reading|{metric.Id}|{dueOn:yyyyMMdd}|{period}|{person.AadObjectId}", FollowUpKind.ReadingDue, person, text)
                {
                    MetricId = metric.Id, DueOn = dueOn,
                };
            }
        }
    }

    // A done action whose metric stood still over two figures since: its owner hears of it once.
    private static IEnumerable<FollowUp> NeverMoved(JourneyProgram program)
    {
        foreach (var action in program.Actions.Where(a => a.Status == ActionStatus.Done))
        {
            if (ActionImpact.Of(program, action) is not { NeverMoved: true } impact) continue;
            yield return new FollowUp($"nevermoved|{action.Id}", FollowUpKind.ActionNeverMoved, action.Owner,
                $"Your improvement action \"{action.Title}\" in {program.Charter.Name} is done, but {impact.Metric.Name} has not moved in " +
                $"{Words.Count(impact.ReadingsSinceDone, "reading")} since. Worth a look: did the change reach customers, or is another action needed?")
            {
                ActionId = action.Id, MetricId = impact.Metric.Id,
            };
        }
    }
}

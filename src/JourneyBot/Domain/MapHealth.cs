using System.Globalization;
using static JourneyBot.Domain.HealthThresholds;

namespace JourneyBot.Domain;

// The map-health checks: a pure function of a program and a date. Each check measures one pitfall the source
// articles (README, "Map health") describe, quotes the sentence it traces to, and flags only what a practitioner
// would call that pitfall: a figure, the threshold, why it matters and one next step a chat command does.
public static class MapHealth
{
    // Chat commands a next step can press (Command on the check).
    public const string CharterCommand = "program";
    public const string ReviewCommand = "review";
    public const string NewActionCommand = "new action";
    public const string ActionsCommand = "actions";
    public const string MapCommand = "map";
    public const string AddTouchpointCommand = "add touchpoint";
    public const string SendProgressCommand = "send progress";
    // Not a command: the charter's departments step, where contacts are added and then invited.
    public const string DepartmentsCommand = "program departments";

    public static IReadOnlyList<HealthCheck> Evaluate(JourneyProgram program, DateOnly asOf)
    {
        var active = program.ActiveTouchpoints().ToList();
        var charter = program.Charter;
        return
        [
            Objective(charter),
            OutcomeMetrics(charter),
            OutputHeavy(charter),
            Resources(charter),
            Sponsor(charter),
            SponsorEngagement(program, asOf),
            Scope(charter),
            Silo(program, active, asOf),
            Personas(charter, active),
            EvidenceCheck(active),
            Emotion(active),
            Verbatims(active),
            EmployeeSide(active),
            Stale(program, active, asOf),
            Actions(program, active),
            OverdueActions(program, asOf),
            Contributors(active),
        ];
    }

    // 003: "many people rush into this initiative without a clear focus on what they’re actually trying to achieve."
    // 003: "this needs to be treated as a true project with a clear mission statement, a “definition of done”"
    private static HealthCheck Objective(Charter charter)
    {
        var objective = CharterRules.StatementProblem(charter.Objective);
        var done = CharterRules.StatementProblem(charter.DefinitionOfDone);
        var problems = new List<string>();
        if (objective is not null) problems.Add($"objective is {objective}");
        if (done is not null) problems.Add($"definition of done is {done}");
        return Make("objective", "Clear objective and definition of done",
            problems.Count == 0 ? HealthStatus.Ok : HealthStatus.Fail,
            problems.Count == 0 ? "both stated" : string.Join("; ", problems),
            $"each a statement of at least {MinStatementWords} words, not a placeholder",
            problems.Count == 0 ? "Keep them in view at every review." : $"Write {(objective is not null ? "what the program will achieve" : "how you will know it is done")} in a sentence in the charter.",
            "Without a clear objective nobody knows what the map is for or when it is done.", CharterCommand);
    }

    // 000: "the really important measures that tell you a Successful Customer Outcome is being achieved will only be a
    // small proportion. What you measure is what you get"
    private static HealthCheck OutcomeMetrics(Charter charter)
    {
        var withTarget = charter.Metrics.Count(m => m.Kind == MetricKind.Outcome && m.Target is not null);
        var outcomes = charter.Metrics.Count(m => m.Kind == MetricKind.Outcome);
        return Make("outcome-metrics", "Outcome metrics with targets", withTarget > 0 ? HealthStatus.Ok : HealthStatus.Fail,
            $"{Words.Count(withTarget, "outcome metric")} with a target{(outcomes > withTarget ? $" ({outcomes - withTarget} without)" : "")}",
            "at least one outcome metric with a target",
            withTarget > 0 ? "Report outcomes first in every review." : "Add an outcome metric with a target: what changes for the customer or the business.",
            "What you measure is what you get: without an outcome measure the program cannot show it helped customers.", CharterCommand);
    }

    // 000: "Usually, the balance will be 80% output metrics (like calls answered, Average Handle Times, Abandoned
    // Rates, Projects completed on time to budget etc.)."
    private static HealthCheck OutputHeavy(Charter charter)
    {
        var outcome = charter.Metrics.Count(m => m.Kind == MetricKind.Outcome);
        var output = charter.Metrics.Count - outcome;
        var share = charter.Metrics.Count == 0 ? 0 : (double)output / charter.Metrics.Count;
        // No outcome metric at all is the outcome-metrics check's flag, not this one's.
        var flagged = outcome > 0 && share > OutputMetricShareMax;
        return Make("output-heavy", "Outcomes outweigh outputs", flagged ? HealthStatus.Warn : HealthStatus.Ok,
            $"{outcome} outcome, {output} output ({Percent(share)} output)", $"output KPIs at most {Percent(OutputMetricShareMax)} of the metrics",
            flagged ? "Tie each output KPI to the outcome it should move, or drop it from the charter." : "Keep outcomes the measures that count.",
            "Output KPIs (calls answered, handle time) crowd out the measures of customer outcomes.", CharterCommand);
    }

    // 003: "No additional funding or resources are provided." 001: "You’ll need a budget, people, technology and
    // leadership oversight."
    private static HealthCheck Resources(Charter charter)
    {
        // A format-1 budget note counts unless it is a placeholder ("none", "TBD").
        var hasBudget = charter.Funding is { Amount: > 0 }
            || (charter.Funding is null && CharterRules.StatementProblem(charter.Budget) is null or "too short");
        var roles = charter.Team.Sum(m => m.TimePercent) / 100.0;
        var problems = new List<string>();
        if (!hasBudget) problems.Add(charter.Funding is { Amount: 0 } ? "no budget (charter says none)" : "no budget recorded");
        if (roles < MinTeamFullTimeRoles) problems.Add($"people's time adds up to {roles.ToString("0.##", CultureInfo.InvariantCulture)} of a full-time role");
        var budget = charter.Funding is { Amount: > 0 } f ? $"{f.Amount.ToString("#,0", CultureInfo.InvariantCulture)} {f.Currency}" : hasBudget ? "budget noted" : "no budget";
        return Make("resources", "Budget and people's time", problems.Count == 0 ? HealthStatus.Ok : problems.Count == 2 ? HealthStatus.Fail : HealthStatus.Warn,
            $"{budget}; {roles.ToString("0.##", CultureInfo.InvariantCulture)} full-time roles from {Words.Count(charter.Team.Count, "person", "people")}",
            $"a budget, and people's time adding up to at least {MinTeamFullTimeRoles.ToString("0.##", CultureInfo.InvariantCulture)} of a full-time role",
            problems.Count == 0 ? "Review the budget and time with the sponsor as the program grows." : $"Agree {string.Join(" and ", problems.Select(p => p.StartsWith("no budget") ? "a budget" : "time set aside"))} with the sponsor and record it in the charter.",
            "Mapping done on top of an overflowing day job, with no funding, stalls.", CharterCommand, problems);
    }

    // 001: "strong executive sponsorship is a must from day one."
    private static HealthCheck Sponsor(Charter charter)
    {
        var sponsors = CharterRules.SponsorsOtherThanOwners(charter);
        var ownersOnly = charter.Sponsors.Count > 0 && sponsors.Count == 0;
        return Make("sponsor", "A sponsor outside the team", sponsors.Count > 0 ? HealthStatus.Ok : HealthStatus.Fail,
            sponsors.Count > 0 ? Words.Count(sponsors.Count, "sponsor") : ownersOnly ? "the only sponsor is an owner" : "no sponsor",
            "at least one sponsor who is not an owner",
            sponsors.Count > 0 ? "Keep the sponsors updated on outcomes." : "Ask an executive to sponsor the program and name them in the charter.",
            "Without executive backing from day one the program loses out to everyday work.", CharterCommand);
    }

    // 001: "always keep your chief sponsors and stakeholders updated on your progress." A sponsor who stops reading
    // the updates is no longer backing the program; one card left unread during a busy week is not that.
    private static HealthCheck SponsorEngagement(JourneyProgram program, DateOnly asOf)
    {
        var sponsors = CharterRules.SponsorsOtherThanOwners(program.Charter);
        var threshold = $"fewer than {UnacknowledgedCardsInARow} progress cards in a row that no sponsor acknowledged (a card counts {AcknowledgeGraceDays} days after it was sent)";
        const string why = "Sponsors who stop following progress stop backing the program.";
        if (sponsors.Count == 0) return Make("sponsor-engagement", "Sponsors read the progress cards", HealthStatus.Ok, "no sponsor to update", threshold,
            "Name a sponsor in the charter; they get a progress card every review cadence.", why, CharterCommand);
        // Most recent first; a card still within its grace days is neither missed nor acknowledged.
        var cards = program.ProgressUpdates
            .Where(c => c.IsAcknowledged() || asOf.DayNumber - c.SentOn.DayNumber > AcknowledgeGraceDays)
            .OrderByDescending(c => c.SentOn).ToList();
        var unread = cards.TakeWhile(c => !c.IsAcknowledged()).ToList();
        var flagged = unread.Count >= UnacknowledgedCardsInARow;
        var lastRead = cards.FirstOrDefault(c => c.IsAcknowledged());
        var figure = cards.Count == 0 ? "no progress card sent yet"
            : unread.Count == 0 ? $"the latest card was acknowledged ({Words.Count(cards.Count(c => c.IsAcknowledged()), "card")} of {cards.Count} acknowledged)"
            : $"{Words.Count(unread.Count, "card")} in a row unacknowledged{(lastRead is null ? ", none ever acknowledged" : $" since {lastRead.SentOn:yyyy-MM-dd}")}";
        return Make("sponsor-engagement", "Sponsors read the progress cards", flagged ? HealthStatus.Fail : HealthStatus.Ok, figure, threshold,
            flagged ? $"Send the sponsors a progress card now, then talk to {string.Join(", ", sponsors.Select(s => s.DisplayName))} in person: the last {unread.Count} went unread."
                : "Keep sending progress cards.",
            why, SendProgressCommand, flagged ? unread.Select(c => $"sent {c.SentOn:yyyy-MM-dd} to {Words.Count(c.SentTo.Count, "sponsor")}").ToList() : null);
    }

    // 003: "Which journey are you trying to understand? ... The best way to avoid this mess is to focus on a critical
    // but distinct business process."
    private static HealthCheck Scope(Charter charter)
    {
        var problems = new List<string>();
        var journeys = (charter.Journey is null ? 0 : 1) + charter.MoreJourneys.Count;
        if (journeys > 1) problems.Add($"{journeys} journeys recorded");
        if (charter.Journey is not { } j || string.IsNullOrWhiteSpace(j.StartTrigger) || string.IsNullOrWhiteSpace(j.End))
        {
            problems.Add("the journey has no start trigger or no end");
        }
        if (charter.Stages.Count > MaxFocusedStages) problems.Add($"{charter.Stages.Count} stages");
        return Make("scope", "One focused journey", problems.Count == 0 ? HealthStatus.Ok : HealthStatus.Warn,
            $"{Words.Count(journeys, "journey")}, {Words.Count(charter.Stages.Count, "stage")}",
            $"one journey with a start and an end, at most {MaxFocusedStages} stages",
            problems.Count == 0 ? "Keep work on a different journey in its own program." : "Pick the one journey this program maps, from its trigger to its end, and start another program for the rest.",
            "Mapping every journey at once boils the ocean; a distinct process gets finished.", CharterCommand, problems);
    }

    // 003: "Make sure that ALL functions are represented on your journey" 000: "A hindrance is silo-based thinking"
    private static HealthCheck Silo(JourneyProgram program, List<Touchpoint> active, DateOnly asOf)
    {
        var charter = program.Charter;
        var byDepartment = active.GroupBy(t => t.DepartmentId).ToDictionary(g => g.Key, g => g.Count());
        var contributing = charter.Departments.Count(d => byDepartment.ContainsKey(d.Id));
        var problems = new List<string>();
        if (active.Count == 0) return NothingYet("silo", "Departments contribute", $"at least {MinContributingDepartments} departments", "Departments working alone see only their own touchpoints.");
        if (contributing < MinContributingDepartments) problems.Add($"only {Words.Count(contributing, "department")} contributed");
        var top = charter.Departments.Select(d => (d.Name, Count: byDepartment.GetValueOrDefault(d.Id))).MaxBy(d => d.Count);
        var topShare = (double)top.Count / active.Count;
        if (topShare > MaxOneDepartmentShare) problems.Add($"{top.Name} wrote {Percent(topShare)} of the map");
        var settled = program.CollectionOpenedOn is { } opened && asOf.DayNumber - opened.DayNumber >= SilentDepartmentGraceDays;
        var silent = charter.Departments.Where(d => !byDepartment.ContainsKey(d.Id)).Select(d => d.Name).ToList();
        if (settled && silent.Count > 0) problems.Add($"{string.Join(", ", silent)} contributed nothing");
        return Make("silo", "Departments contribute", problems.Count == 0 ? HealthStatus.Ok : HealthStatus.Warn,
            $"{contributing} of {charter.Departments.Count} departments contributed; the largest wrote {Percent(topShare)}",
            $"at least {MinContributingDepartments} departments, none above {Percent(MaxOneDepartmentShare)} of the map, every charter department within {SilentDepartmentGraceDays} days",
            problems.Count == 0 ? "A sparse stage x department map is normal; keep asking what else the customer meets."
                : silent.Count > 0 ? $"Check that {string.Join(", ", silent)} {(silent.Count == 1 ? "has" : "have")} contacts who meet the customer, in the charter's departments step (contacts added while collection is open are invited as they are saved); contacts are nudged about their gaps."
                : "Open the coverage map to see the stages where only one department speaks, and ask the others what the customer hears or sees from them there.",
            "One department's view misses what the customer meets from the others.", silent.Count > 0 && problems.Count > 0 ? DepartmentsCommand : MapCommand, problems);
    }

    // 002: "Tailoring CJM to specific customer segments is key for authentic insights and targeted improvements."
    // 003: "making sure you have a clear understanding of what personas are involved in the journey"
    private static HealthCheck Personas(Charter charter, List<Touchpoint> active)
    {
        var problems = new List<string>();
        var personaIds = charter.Personas.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        if (charter.Personas.Count < MinPersonas) problems.Add($"{Words.Count(charter.Personas.Count, "persona")} in the charter");
        var untagged = active.Count(t => !t.PersonaIds.Any(personaIds.Contains));
        var everyPersona = charter.Personas.Count < MinPersonas ? 0 : active.Count(t => personaIds.All(t.PersonaIds.Contains));
        var unused = charter.Personas.Where(p => !active.Any(t => t.PersonaIds.Contains(p.Id))).Select(p => p.Name).ToList();
        if (active.Count >= MinTouchpointsToJudge)
        {
            if ((double)untagged / active.Count > MaxUntaggedShare) problems.Add($"{untagged} of {active.Count} touchpoints name no persona");
            if (charter.Personas.Count >= MinPersonas && (double)everyPersona / active.Count > MaxAllPersonasShare) problems.Add($"{everyPersona} of {active.Count} touchpoints are tagged with every persona");
            if (unused.Count > 0 && charter.Personas.Count >= MinPersonas) problems.Add($"no touchpoint applies to {string.Join(", ", unused)}");
        }
        var status = problems.Count == 0 ? HealthStatus.Ok : charter.Personas.Count < MinPersonas ? HealthStatus.Fail : HealthStatus.Warn;
        return Make("personas", "Personas really used", status,
            $"{Words.Count(charter.Personas.Count, "persona")}; {untagged} untagged, {everyPersona} tagged with all",
            $"at least {MinPersonas} personas; at most {Percent(MaxUntaggedShare)} untagged and {Percent(MaxAllPersonasShare)} tagged with all; each persona on a touchpoint",
            problems.Count == 0 ? "Compare the personas' emotion curves on the map." : charter.Personas.Count < MinPersonas ? "Name the customer segments whose journeys differ, in the charter." : "Start a review and tag each touchpoint with the personas who really meet it (Details and changes, then Edit).",
            "A one-size-fits-all map hides the segments whose journeys differ.", charter.Personas.Count < MinPersonas ? CharterCommand : ReviewCommand, problems);
    }

    // 004: "Another mistake that companies make is relying on assumptions instead of gathering data."
    private static HealthCheck EvidenceCheck(List<Touchpoint> active)
    {
        const string why = "A map built on assumptions shows what we believe, not what customers meet.";
        var threshold = $"at least {Percent(EvidenceShareMin)} of touchpoints backed by evidence (fail below {Percent(EvidenceShareFail)})";
        if (active.Count < MinTouchpointsToJudge) return NothingYet("evidence", "Evidence over assumptions", threshold, why);
        var backed = active.Count(t => t.HasEvidence());
        var assumed = active.Count(t => t.Evidence == Evidence.Assumption);
        var share = (double)backed / active.Count;
        var status = share >= EvidenceShareMin ? HealthStatus.Ok : share >= EvidenceShareFail ? HealthStatus.Warn : HealthStatus.Fail;
        return Make("evidence", "Evidence over assumptions", status,
            $"{backed} of {active.Count} backed by evidence ({Percent(share)}); {assumed} assumed, {active.Count - backed - assumed} not recorded", threshold,
            status == HealthStatus.Ok ? "Name the source for new touchpoints too." : "Pick the assumed touchpoints and check them against interviews, tickets or analytics.",
            why, ReviewCommand);
    }

    // 002: "Combine technology with a deep understanding of customer emotions and motivations for a holistic approach."
    // 001: "you want to provide an emotional context for the data you collect."
    private static HealthCheck Emotion(List<Touchpoint> active)
    {
        const string why = "Without the customer's feelings the map cannot show where the journey hurts.";
        var threshold = $"at least {Percent(EmotionShareMin)} of touchpoints with the customer's emotion, not one value everywhere";
        if (active.Count < MinTouchpointsToJudge) return NothingYet("emotion", "Customer emotion", threshold, why);
        var values = active.Where(t => t.Emotion is not null).Select(t => t.Emotion!.Value).ToList();
        var share = (double)values.Count / active.Count;
        var problems = new List<string>();
        if (share < EmotionShareMin) problems.Add($"emotion on {values.Count} of {active.Count} touchpoints");
        if (values.Count >= MinTouchpointsToJudge && values.Distinct().Count() == 1) problems.Add($"every emotion is {values[0]:+0;-0;0}: a flat curve");
        return Make("emotion", "Customer emotion", problems.Count == 0 ? HealthStatus.Ok : HealthStatus.Warn,
            $"{values.Count} of {active.Count} ({Percent(share)}), {values.Distinct().Count()} distinct values", threshold,
            problems.Count == 0 ? "Read the emotion curve stage by stage at the next review." : "Start a review and set how the customer really feels at each touchpoint (-2 to +2), asking the contributors where unsure.",
            why, ReviewCommand, problems);
    }

    // 001: "You need to hear from customers — in their own words and voices — across many audience segments."
    private static HealthCheck Verbatims(List<Touchpoint> active)
    {
        const string why = "Customers' own words keep the map honest and from the customer's side.";
        var threshold = $"at least {Percent(VerbatimShareMin)} of touchpoints with a customer verbatim";
        if (active.Count < MinTouchpointsToJudge) return NothingYet("verbatims", "Customers' own words", threshold, why);
        var with = active.Count(t => !string.IsNullOrWhiteSpace(t.Verbatim));
        var share = (double)with / active.Count;
        return Make("verbatims", "Customers' own words", share >= VerbatimShareMin ? HealthStatus.Ok : HealthStatus.Warn,
            $"{with} of {active.Count} ({Percent(share)})", threshold,
            share >= VerbatimShareMin ? "Keep quoting customers." : "Add what customers said, in their own words, to the touchpoints that matter most.",
            why, ReviewCommand);
    }

    // 002: "Neglecting the employee experience can result in service delivery gaps." 000: "the processes and systems
    // that underpin those connections."
    private static HealthCheck EmployeeSide(List<Touchpoint> active)
    {
        const string why = "The customer's experience is delivered by employees and systems; ignoring them leaves gaps.";
        var threshold = $"at least {Percent(BackstageShareMin)} of touchpoints name who delivers them and with which system; employees' pain recorded somewhere";
        if (active.Count < MinTouchpointsToJudge) return NothingYet("employee-side", "Employee side", threshold, why);
        var backstage = active.Count(t => t.Backstage?.NamesWhoAndWith() == true);
        var pain = active.Count(t => t.Backstage?.HasEmployeePain() == true);
        var share = (double)backstage / active.Count;
        var problems = new List<string>();
        if (share < BackstageShareMin) problems.Add($"backstage on {backstage} of {active.Count} touchpoints");
        if (pain == 0) problems.Add("no employee pain recorded");
        return Make("employee-side", "Employee side", problems.Count == 0 ? HealthStatus.Ok : HealthStatus.Warn,
            $"backstage on {backstage} of {active.Count} ({Percent(share)}); employee pain on {pain}", threshold,
            problems.Count == 0 ? "Bring the employees' pain points to the actions too."
                : share < BackstageShareMin ? "Fill in who delivers each touchpoint and with which system." : "Start a review and record, with the people who deliver the touchpoints, what makes them hard for employees.",
            why, ReviewCommand, problems);
    }

    // 002: "Embrace the dynamic nature of the journey by regularly revisiting and adapting your maps to stay aligned
    // with customer expectations." 000: "CJM is not a single-time task but rather an ongoing effort"
    private static HealthCheck Stale(JourneyProgram program, List<Touchpoint> active, DateOnly asOf)
    {
        var cadence = program.Charter.ReviewCadenceDays;
        var threshold = $"a cadence of at most {MaxLivingCadenceDays} days; a held review within the cadence + {Percent(ReviewGrace)}; {Percent(FreshShareMin)} of touchpoints verified in the last {FreshWindowCadences} cadences";
        var problems = new List<string>();
        var status = HealthStatus.Ok;
        if (cadence > MaxLivingCadenceDays) { problems.Add($"reviews every {cadence} days"); status = HealthStatus.Warn; }
        var lastHeld = program.Reviews.Where(r => r.WasHeld()).Select(r => (DateOnly?)r.CompletedOn).Max();
        var since = lastHeld ?? program.CollectionOpenedOn;
        var figure = "collection not open yet";
        if (since is { } from)
        {
            var days = asOf.DayNumber - from.DayNumber;
            figure = lastHeld is null ? $"{days} days open, no review held" : $"last review held {days} days ago";
            var skipped = program.Reviews.Count(r => !r.WasHeld() && r.CompletedOn > from);
            if (skipped > 0) figure += $" ({Words.Count(skipped, "review")} postponed or cancelled since)";
            if (days > cadence * ReviewLateFail) { problems.Add($"no review held for {days} days"); status = HealthStatus.Fail; }
            else if (days > cadence * (1 + ReviewGrace)) { problems.Add($"no review held for {days} days"); status = Worse(status, HealthStatus.Warn); }
        }
        if (active.Count >= MinTouchpointsToJudge)
        {
            var oldest = asOf.AddDays(-cadence * FreshWindowCadences);
            var fresh = active.Count(t => (t.LastVerifiedOn ?? DateOnly.FromDateTime(t.CreatedAt.UtcDateTime)) >= oldest);
            figure += $"; {fresh} of {active.Count} touchpoints verified recently";
            if ((double)fresh / active.Count < FreshShareMin) { problems.Add($"{active.Count - fresh} touchpoints not verified in {cadence * FreshWindowCadences} days"); status = Worse(status, HealthStatus.Warn); }
        }
        return Make("stale", "A living map", status, figure, threshold,
            problems.Count == 0 ? "Keep reviewing on cadence." : cadence > MaxLivingCadenceDays && problems.Count == 1 ? "Set a review cadence of a quarter or less in the charter." : "Run a review now: confirm, update or retire each touchpoint.",
            "A map made once goes out of date as customers and the business change.", cadence > MaxLivingCadenceDays && problems.Count == 1 ? CharterCommand : ReviewCommand, problems);
    }

    // 004: "The fourth mistake that companies make is not using the insights gained from customer journey mapping to
    // drive change and improve the customer experience."
    private static HealthCheck Actions(JourneyProgram program, List<Touchpoint> active)
    {
        var live = program.Actions.Where(a => a.Status != ActionStatus.Dropped).ToList();
        var painPoints = active.SelectMany(t => t.PainPointList().Select(p => (Touchpoint: t, PainPoint: p))).ToList();
        var critical = painPoints.Where(p => p.Touchpoint.Emotion <= CriticalEmotionMax).ToList();
        // An action addresses a pain point it names, or (actions from before pain-point items) every pain point of its touchpoint.
        bool Addressed((Touchpoint Touchpoint, PainPoint PainPoint) p) => live.Any(a => a.PainPointId == p.PainPoint.Id
            || (a.PainPointId is null && a.TouchpointId == p.Touchpoint.Id));
        var addressed = critical.Count(Addressed);
        var share = critical.Count == 0 ? 1 : (double)addressed / critical.Count;
        var problems = new List<string>();
        var status = HealthStatus.Ok;
        if (painPoints.Count > 0 && live.Count == 0) { problems.Add($"{Words.Count(painPoints.Count, "pain point")} and no action"); status = HealthStatus.Fail; }
        else if (share < CriticalWithActionMin) { problems.Add($"{critical.Count - addressed} of {critical.Count} critical pain points without an action"); status = HealthStatus.Warn; }
        var unaddressed = critical.Where(p => !Addressed(p)).Select(p => p.PainPoint.Text).ToList();
        return Make("actions", "Pain points turned into actions", status,
            $"{Words.Count(painPoints.Count, "pain point")} ({critical.Count} critical, {addressed} with an action); {Words.Count(live.Count, "action")}",
            $"pain points lead to actions; at least {Percent(CriticalWithActionMin)} of critical pain points (emotion {CriticalEmotionMax} or lower) have one",
            status == HealthStatus.Ok ? "Follow the actions through to the outcome metrics." : "Turn the worst pain points into actions with an owner and a due date.",
            "A map that changes nothing is an end in itself, not a means to better experiences.", NewActionCommand, unaddressed);
    }

    // 004: "The goal is to identify areas for improvement and take action to make changes that will benefit the customer."
    private static HealthCheck OverdueActions(JourneyProgram program, DateOnly asOf)
    {
        var live = program.Actions.Where(a => !a.IsClosed()).ToList();
        var late = live.Where(a => asOf.DayNumber - a.DueOn.DayNumber > OverdueGraceDays).OrderBy(a => a.DueOn).ToList();
        var share = live.Count == 0 ? 0 : (double)late.Count / live.Count;
        var longLate = late.Where(a => asOf.DayNumber - a.DueOn.DayNumber > LongOverdueDays).ToList();
        var problems = new List<string>();
        if (share > OverdueShareMax) problems.Add($"{late.Count} of {live.Count} open actions overdue");
        if (longLate.Count > 0) problems.Add($"{Words.Count(longLate.Count, "action")} more than {LongOverdueDays} days late");
        return Make("overdue-actions", "Actions move", problems.Count == 0 ? HealthStatus.Ok : share > OverdueShareMax && longLate.Count > 0 ? HealthStatus.Fail : HealthStatus.Warn,
            live.Count == 0 ? "no open actions" : $"{late.Count} of {live.Count} open actions over {OverdueGraceDays} days late ({Percent(share)})",
            $"at most {Percent(OverdueShareMax)} of open actions over {OverdueGraceDays} days late, none over {LongOverdueDays} days",
            problems.Count == 0 ? "Keep actions moving." : $"Open the actions: mark what is done, drop what will not happen, and chase {late[0].Owner.DisplayName} about \"{late[0].Title}\" (due {late[0].DueOn:yyyy-MM-dd}).",
            "Actions that never move make the program look busy while nothing changes for customers.", ActionsCommand,
            late.Select(a => $"{a.Title} (due {a.DueOn:yyyy-MM-dd}, {a.Owner.DisplayName})").ToList());
    }

    // 004: "Involving every stakeholder is important." 000: "It calls for the participation and collaboration of all
    // levels of the organization."
    private static HealthCheck Contributors(List<Touchpoint> active)
    {
        const string why = "A map typed by a few people carries their blind spots.";
        var threshold = $"at least {MinContributors} people, none writing more than {Percent(MaxOnePersonShare)}";
        if (active.Count < MinTouchpointsToJudge) return NothingYet("contributors", "Many voices", threshold, why);
        var byPerson = active.GroupBy(t => t.CreatedBy.AadObjectId).Select(g => (Name: g.First().CreatedBy.DisplayName, Count: g.Count())).OrderByDescending(p => p.Count).ToList();
        var topShare = (double)byPerson[0].Count / active.Count;
        var problems = new List<string>();
        if (byPerson.Count < MinContributors) problems.Add($"{Words.Count(byPerson.Count, "person", "people")} wrote the whole map");
        if (topShare > MaxOnePersonShare) problems.Add($"{byPerson[0].Name} wrote {Percent(topShare)}");
        return Make("contributors", "Many voices", problems.Count == 0 ? HealthStatus.Ok : HealthStatus.Warn,
            $"{Words.Count(byPerson.Count, "person", "people")}; the most active wrote {Percent(topShare)}", threshold,
            problems.Count == 0 ? "Keep inviting the people who meet customers." : "Add more of the people who meet customers as department contacts: while collection is open they are invited as they are saved.",
            why, DepartmentsCommand, problems);
    }

    private static HealthCheck NothingYet(string id, string title, string threshold, string why) =>
        Make(id, title, HealthStatus.Ok, $"too few touchpoints to judge (fewer than {MinTouchpointsToJudge})", threshold,
            "Open collection so departments add their touchpoints.", why, AddTouchpointCommand);

    private static HealthCheck Make(string id, string title, HealthStatus status, string figure, string threshold, string next,
        string why, string? command, IReadOnlyList<string>? details = null) =>
        new(id, title, status, figure, threshold, next, details is { Count: > 0 } ? details : null) { Why = why, Command = command };

    private static HealthStatus Worse(HealthStatus a, HealthStatus b) => a > b ? a : b;

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}

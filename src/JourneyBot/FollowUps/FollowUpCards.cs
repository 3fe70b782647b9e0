using JourneyBot.Actions;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Readings;
using JourneyBot.Reviews;
using JourneyBot.Outreach;

namespace JourneyBot.FollowUps;

// Nudges and reminders: one card for a single follow-up, a digest when a person has several on one day.
public static class FollowUpCards
{
    public const int DigestEntriesShown = 8;

    public static AdaptiveCard For(IReadOnlyList<DigestEntry> entries) => entries.Count == 1 ? Single(entries[0]) : Digest(entries);

    private static AdaptiveCard Single(DigestEntry entry) => new AdaptiveCard { FallbackText = entry.Text }
        .Add(
            new TextBlock(Title(entry.Kind)) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(CardText.Literal(entry.Text)),
            new TextBlock($"Program: {CardText.Literal(entry.ProgramName)}") { IsSubtle = true, Size = TextSize.Small })
        .AddActions(Actions(entry).ToArray());

    private static AdaptiveCard Digest(IReadOnlyList<DigestEntry> entries)
    {
        var card = new AdaptiveCard { FallbackText = $"{entries.Count} things in your journey-mapping programs need you today" };
        card.Add(
            new TextBlock($"{entries.Count} things need you today") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock("Your journey-mapping programs, in one message.") { IsSubtle = true });
        foreach (var entry in entries.OrderBy(e => e.Kind).Take(DigestEntriesShown))
        {
            card.Add(new Container([
                new TextBlock($"{Title(entry.Kind)} · {CardText.Literal(CardText.Shorten(entry.ProgramName, 60))}") { Weight = TextWeight.Bolder },
                new TextBlock(CardText.Literal(CardText.Shorten(entry.Text, 400))) { Spacing = "none" },
                new ActionSet(Actions(entry).ToList()),
            ]) { Separator = true });
        }
        if (entries.Count > DigestEntriesShown)
        {
            card.Add(new TextBlock($"And {entries.Count - DigestEntriesShown} more: type **review**, **add touchpoint** or **actions**.") { IsSubtle = true });
        }
        return card;
    }

    private static string Title(FollowUpKind kind) => kind switch
    {
        FollowUpKind.ReviewDue => "Review due",
        FollowUpKind.ReviewReminder => "Review overdue",
        FollowUpKind.DepartmentGaps => "Gaps in your department's touchpoints",
        FollowUpKind.Unverified => "Touchpoints to verify",
        FollowUpKind.ActionOverdue => "Improvement action overdue",
        FollowUpKind.ReadingDue => "A metric's figure is due",
        FollowUpKind.ActionNeverMoved => "Done, but the metric has not moved",
        _ => "Journey mapping",
    };

    public const string HoldInMeetingTitle = "Hold it in a meeting";

    // Reviews go better with the departments in one room. JourneyBot does not create the meeting (that would need
    // Graph's OnlineMeetings.ReadWrite for the owner, see README); these are the steps to bring it into one.
    public static AdaptiveCard HoldInMeeting() => new AdaptiveCard().Add(
        new TextBlock("Review it together in a Teams meeting") { Weight = TextWeight.Bolder },
        Step(1, "Schedule a Teams meeting with the program's department contacts (Calendar, New meeting)."),
        Step(2, "In the meeting, select Apps (+ Add an app), choose JourneyBot, pick this program and Save. " +
            "Type @JourneyBot hello in the meeting chat, so the review's summary can be posted there."),
        Step(3, "During the meeting, open JourneyBot in the side panel: each contact marks their department's " +
            "touchpoints verified, proposes changes or retires what no longer happens."),
        Step(4, "As an owner, select Share to stage so everyone sees the progress, then Complete the review " +
            "in the side panel: it records who took part."));

    private static TextBlock Step(int number, string text) => new($"Step {number}: {text}") { Spacing = "small" };

    private static IEnumerable<CardAction> Actions(DigestEntry entry)
    {
        var data = new Dictionary<string, string> { [CardData.ProgramId] = entry.ProgramId };
        switch (entry.Kind)
        {
            case FollowUpKind.ReviewDue or FollowUpKind.ReviewReminder:
                yield return new CardExecuteAction("Start the review", CardVerbs.ReviewStart) { Style = "positive", Data = data };
                yield return new CardShowAction("Postpone", PostponeCards.Form(entry.ProgramId));
                yield return new CardShowAction("Cancel this review", CancelCards.Form(entry.ProgramId));
                yield return new CardShowAction(HoldInMeetingTitle, HoldInMeeting());
                break;
            case FollowUpKind.DepartmentGaps:
                yield return new CardExecuteAction("Add a touchpoint", CardVerbs.TouchpointStart) { Style = "positive", Data = data };
                break;
            case FollowUpKind.Unverified:
                yield return new CardExecuteAction("Review them", CardVerbs.ReviewStart)
                {
                    Style = "positive",
                    Data = new Dictionary<string, string>(data) { [CardData.DepartmentId] = entry.DepartmentId ?? "" },
                };
                break;
            case FollowUpKind.ActionOverdue:
                yield return new CardExecuteAction("Mark done", CardVerbs.ActionStatus)
                {
                    Style = "positive",
                    Data = new Dictionary<string, string>(data) { [CardData.ActionId] = entry.ActionId ?? "", ["status"] = "done" },
                };
                yield return new CardExecuteAction("Open actions", CardVerbs.ActionsList) { Data = data };
                break;
            case FollowUpKind.ReadingDue when entry.MetricId is { } metricId:
                // The figure is typed where the reminder is; the card shows the metric's name from the reminder.
                yield return new CardShowAction("Record the figure", ReadingCards.Form(entry.ProgramId, metricId));
                yield return new CardExecuteAction("Last figure and target", CardVerbs.ReadingOpen)
                {
                    Data = new Dictionary<string, string>(data) { [CardData.MetricId] = metricId },
                };
                break;
            case FollowUpKind.ActionNeverMoved:
                yield return new CardExecuteAction("Open actions", CardVerbs.ActionsList) { Data = data };
                break;
        }
    }
}

using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Outreach;

namespace JourneyBot.Charters;

public static class InvitationCards
{
    // Sent to each department contact when collection opens.
    public static AdaptiveCard Invitation(ProgramHeader program, Department department)
    {
        var charter = program.Charter;
        return new AdaptiveCard { FallbackText = $"You're invited to map {charter.Name}" }
            .Add(
                new TextBlock($"{CardText.Literal(department.Name)}: your touchpoints are needed") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
                new TextBlock($"The program \"{CardText.Literal(charter.Name)}\" maps the journey from " +
                              $"\"{CardText.Literal(CardText.Shorten(charter.Journey?.StartTrigger ?? "", 120))}\" to \"{CardText.Literal(CardText.Shorten(charter.Journey?.End ?? "", 120))}\"."),
                new TextBlock($"Objective: {CardText.Literal(CardText.Shorten(charter.Objective ?? "", 300))}"),
                new TextBlock("Stages: " + CardText.Literal(string.Join(" → ", charter.Stages.Select(s => CardText.Shorten(s.Name, 24))))) { IsSubtle = true },
                new TextBlock("Add every moment the customer hears, sees or deals with your department on this journey, and what it is like for your colleagues who deliver it."))
            .AddActions(new CardExecuteAction("Add a touchpoint", CardVerbs.TouchpointStart)
            {
                Style = "positive",
                Data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id },
            });
    }


    // The owner's card after opening collection: how far the invitations have gone, updated as they go out.
    public static AdaptiveCard Progress(ProgramHeader program, InvitationProgress progress, IReadOnlyList<string>? refreshUserIds = null)
    {
        var data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id };
        var card = new AdaptiveCard
        {
            FallbackText = "Collection is open",
            Refresh = refreshUserIds is { Count: > 0 } ? new CardRefresh(new CardExecuteAction("Show progress", CardVerbs.CollectionProgress) { Data = data }, refreshUserIds) : null,
        };
        card.Add(
            new TextBlock($"Collection is open: {CardText.Literal(program.Charter.Name)}") { Size = TextSize.Medium, Weight = TextWeight.Bolder, Color = TextColor.Good },
            new TextBlock(progress.Total == 0
                ? "No department has a contact yet, so nobody was invited."
                : $"Invitations: {progress.Sent} of {progress.Total} sent" + (progress.Pending > 0 ? $", {progress.Pending} on their way. This card updates as they go out." : ".")));
        if (progress.Unreachable.Count > 0) card.Add(Unreachable(program.Charter, progress.Unreachable, MaxUnreachableShown));
        if (progress.Pending > 0) card.AddActions(new CardExecuteAction("Show progress", CardVerbs.CollectionProgress) { Data = data });
        return card;
    }

    private const int MaxUnreachableShown = 15;

    // Who could not be reached, named with their departments, why in plain words, and what the owner can do.
    public static Container Unreachable(Charter charter, IReadOnlyList<UnreachablePerson> unreachable, int shown)
    {
        var items = new List<CardElement>
        {
            new TextBlock($"JourneyBot could not reach {Words.Count(unreachable.Count, "person", "people")}:") { Weight = TextWeight.Bolder, Color = TextColor.Warning },
        };
        foreach (var u in unreachable.OrderByDescending(u => u.At).Take(shown))
        {
            var departments = charter.Departments.Where(d => d.Contacts.Any(c => c.AadObjectId == u.Person.AadObjectId)).Select(d => CardText.Shorten(d.Name, 40)).ToList();
            var name = string.IsNullOrWhiteSpace(u.Person.DisplayName) ? "Someone whose name Teams has not given JourneyBot" : CardText.Shorten(u.Person.DisplayName, 60);
            var who = departments.Count > 0 ? $"{name} ({string.Join(", ", departments)})" : name;
            items.Add(new TextBlock($"• {CardText.Literal(who)}, since {u.At:d MMM}: {CardText.Literal(CardText.Shorten(u.Reason, 300))}") { Size = TextSize.Small, Spacing = "none" });
        }
        if (unreachable.Count > shown) items.Add(new TextBlock($"And {unreachable.Count - shown} more.") { IsSubtle = true, Size = TextSize.Small, Spacing = "none" });
        items.Add(new TextBlock("What to do: ask them to open JourneyBot once in Teams (Apps → JourneyBot → Add), or ask your Teams admin to install it for them; then an owner types **open collection** again: only the invitations that did not get through are sent.") { IsSubtle = true, Size = TextSize.Small });
        return new Container(items) { Separator = true };
    }
}

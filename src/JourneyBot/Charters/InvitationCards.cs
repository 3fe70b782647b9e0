using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Touchpoints;

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
            .AddActions(new CardExecuteAction("Add a touchpoint", TouchpointCards.StartVerb)
            {
                Style = "positive",
                Data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id },
            });
    }

    public static AdaptiveCard Outcome(ProgramHeader program, int invited, IReadOnlyList<(Person Person, string Department, string Reason)> unreachable)
    {
        var card = new AdaptiveCard { FallbackText = "Collection is open" }
            .Add(
                new TextBlock($"Collection is open: {CardText.Literal(program.Charter.Name)}") { Size = TextSize.Medium, Weight = TextWeight.Bolder, Color = TextColor.Good },
                new TextBlock($"{Words.Count(invited, "department contact")} got their invitation."));
        if (unreachable.Count > 0)
        {
            card.Add(
                new TextBlock($"{unreachable.Count} could not be reached yet:") { Weight = TextWeight.Bolder, Color = TextColor.Warning, Separator = true },
                new FactSet(unreachable.Take(15).Select(u => new Fact(CardText.Literal(CardText.Shorten(u.Person.DisplayName, 40)), CardText.Literal($"{CardText.Shorten(u.Department, 40)}: {u.Reason}"))).ToList()),
                new TextBlock("What to do: ask them to open JourneyBot once in Teams (Apps → JourneyBot → Add), or ask your Teams admin to install it for them; then an owner types **open collection** again: only the invitations that did not get through are sent.") { IsSubtle = true });
        }
        return card;
    }
}

using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Deletion;

// `delete program`: owners delete a program in chat, confirming by its name, with a day to undo.
public sealed class DeletionCommands(ProgramSessions sessions, DeletionRequests requests, TimeProvider clock)
    : ICommandSource
{
    private const string OwnersOnly = "Only the program's owners delete it.";

    public IEnumerable<BotCommand> Commands =>
    [
        new("delete program", "Delete this program after a day's grace, confirming with its name (owners).", AskAsync),
    ];

    public IEnumerable<CardVerb> Verbs =>
    [
        new(CardVerbs.ProgramDelete, DeleteAsync),
        new(CardVerbs.ProgramDeleteUndo, UndoAsync),
    ];

    private async Task AskAsync(TurnContext turn, string _, CancellationToken cancellationToken)
    {
        var (session, problem) = await sessions.ResolveAsync(turn, null, cancellationToken);
        if (session is null)
        {
            await turn.SendTextAsync(problem!.Message, cancellationToken);
            return;
        }
        var program = session.Program;
        var card = !session.Can(ProgramRole.Owner)
            ? ProgramCards.Refusal(OwnersOnly)
            : await requests.DueAtAsync(program.Id, cancellationToken) is { } dueAt
                ? DeletionCards.Pending(program.Id, program.Charter.Name, dueAt)
                : DeletionCards.Ask(program.Id, program.Charter.Name);
        await turn.SendActivityAsync(card.ToActivity(), cancellationToken);
    }

    private async Task<InvokeResponse> DeleteAsync(TurnContext turn, AdaptiveCardAction action,
        CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, ProgramRole.Owner, OwnersOnly);
        if (opened.Session is not { } session) return opened.Refusal!;
        var program = session.Program;
        if (await requests.DueAtAsync(program.Id, cancellationToken) is { } pending)
        {
            return Card(DeletionCards.Pending(program.Id, program.Charter.Name, pending));
        }
        var typed = action.GetString(DeletionCards.ConfirmInput) ?? "";
        if (!string.Equals(typed.Trim(), program.Charter.Name.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            var kept = typed.Length > TextLimits.Name ? typed[..TextLimits.Name] : typed;
            return Card(DeletionCards.Ask(program.Id, program.Charter.Name, kept, typed.Trim().Length == 0
                ? "Type the program's name to confirm. Nothing was deleted."
                : "That is not this program's name, so nothing was deleted. Type it as it is shown above."));
        }
        var dueAt = await requests.RequestAsync(program.TenantId, program.Id, clock.GetUtcNow(), cancellationToken);
        return Card(DeletionCards.Pending(program.Id, program.Charter.Name, dueAt));
    }

    private async Task<InvokeResponse> UndoAsync(TurnContext turn, AdaptiveCardAction action,
        CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, ProgramRole.Owner, OwnersOnly);
        if (opened.Session is not { } session) return opened.Refusal!;
        await requests.UndoAsync(session.Program.Id, cancellationToken);
        return Card(DeletionCards.Undone(session.Program.Charter.Name));
    }
}

using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Protocol;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Programs;

// programs and use <name>: finding a program to work on.
public sealed class ProgramCommands(MembershipStore memberships, ProgramSessions sessions, ActiveProgramStore active) : ICommandSource
{
    public IEnumerable<BotCommand> Commands =>
    [
        new("programs", "List the journey-mapping programs you belong to.", ListAsync),
        new("use", "Work on a program in this conversation: use followed by the program's name.", UseAsync) { TakesArgument = true },
    ];

    public IEnumerable<CardVerb> Verbs =>
    [
        new(CardVerbs.ProgramUse, UseFromCardAsync),
    ];

    private async Task ListAsync(TurnContext turn, string _, CancellationToken cancellationToken)
    {
        if (await IdentityAsync(turn, cancellationToken) is not { } who) return;
        var mine = await memberships.ProgramsOfAsync(who.TenantId, who.UserId, cancellationToken);
        var current = await active.GetAsync(who.TenantId, turn.Activity.Conversation!.Id!, cancellationToken);
        await turn.SendActivityAsync(ProgramCards.List(mine, current).ToActivity(), cancellationToken);
    }

    private async Task UseAsync(TurnContext turn, string name, CancellationToken cancellationToken)
    {
        if (await IdentityAsync(turn, cancellationToken) is not { } who) return;
        if (name.Length == 0)
        {
            await turn.SendTextAsync("Say which program: **use** and its name. Type **programs** to see yours.", cancellationToken);
            return;
        }
        var mine = await memberships.ProgramsOfAsync(who.TenantId, who.UserId, cancellationToken);
        var matches = mine.Where(m => string.Equals(m.ProgramName, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0) matches = mine.Where(m => m.ProgramName.StartsWith(name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count != 1)
        {
            await turn.SendTextAsync(matches.Count == 0
                ? "None of your programs has that name. Type **programs** to see yours."
                : "Several of your programs start like that. Type **programs** and pick one.", cancellationToken);
            return;
        }
        await sessions.SetActiveAsync(turn, matches[0].RowKey, cancellationToken);
        await turn.SendActivityAsync(ProgramCards.NowUsing(matches[0].ProgramName).ToActivity(), cancellationToken);
    }

    private async Task<InvokeResponse> UseFromCardAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken);
        if (opened.Session is not { } session) return opened.Refusal!;
        await sessions.SetActiveAsync(turn, session.Program.Id, cancellationToken);
        return Card(ProgramCards.NowUsing(session.Program.Charter.Name));
    }

    private static async Task<(string TenantId, string UserId)?> IdentityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.GetTenantId() is { } tenant && ProgramSessions.Caller(turn.Activity) is { } caller) return (tenant, caller.AadObjectId);
        await turn.SendTextAsync("I can't tell which organisation or person this message comes from, so I can't show program data here.", cancellationToken);
        return null;
    }
}

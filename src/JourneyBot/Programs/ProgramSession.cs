using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Protocol;

namespace JourneyBot.Programs;

// Who is asking, in which tenant, about which program, and in what role.
public sealed record ProgramSession(ProgramHeader Program, Person Caller, ProgramRole Roles)
{
    public bool Can(ProgramRole role) => (Roles & role) != 0;
}

public sealed record SessionProblem(string Message);

// A card verb's program, read for a caller allowed to act on it; or the refusal the verb answers with.
public sealed record CardSession(ProgramSession? Session, JourneyProgram? Program, InvokeResponse? Refusal);

public sealed class ProgramSessions(ProgramStore programs, MembershipStore memberships, ActiveProgramStore active)
{
    // The conversation's active program, or the caller's only program; else a problem that says what to do.
    public async Task<(ProgramSession? Session, SessionProblem? Problem)> ResolveAsync(TurnContext turn, string? programId, CancellationToken cancellationToken)
    {
        var (session, _, problem) = await ResolveAsync(turn, programId, withParts: false, cancellationToken);
        return (session, problem);
    }

    // The same, with the program's parts (touchpoints, actions…) read in the same query as its charter.
    public async Task<(ProgramSession? Session, JourneyProgram? Program, SessionProblem? Problem)> ResolveWithPartsAsync(TurnContext turn, string? programId, CancellationToken cancellationToken) =>
        await ResolveAsync(turn, programId, withParts: true, cancellationToken);

    // Every card verb opens here: the program the card names (never the conversation's), the caller's roles
    // checked against those allowed, and one refusal card for everything else. withParts reads the program's
    // parts in the same query.
    public async Task<CardSession> ForCardAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken,
        ProgramRole allowed = ProgramRole.Owner | ProgramRole.Contributor | ProgramRole.Sponsor, string? notAllowed = null, bool withParts = false)
    {
        var (session, program, problem) = await ResolveAsync(turn, action.GetString(CardData.ProgramId) ?? "", withParts, cancellationToken);
        if (session is null) return new CardSession(null, null, Refuse(problem!.Message));
        if (!session.Can(allowed)) return new CardSession(null, null, Refuse(notAllowed ?? "Your role in this program does not allow that."));
        return new CardSession(session, program, null);
    }

    public static InvokeResponse Refuse(string reason) => CardResponses.Card(ProgramCards.Refusal(reason));

    // For typed commands: the conversation's program with its parts; else the person is told why and gets null.
    public async Task<(ProgramSession Session, JourneyProgram Program)?> ResolveOrExplainAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var (session, program, problem) = await ResolveAsync(turn, null, withParts: true, cancellationToken);
        if (session is not null && program is not null) return (session, program);
        await turn.SendTextAsync(problem!.Message, cancellationToken);
        return null;
    }

    private async Task<(ProgramSession? Session, JourneyProgram? Program, SessionProblem? Problem)> ResolveAsync(TurnContext turn, string? programId, bool withParts, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var tenantId = activity.GetTenantId();
        var caller = Caller(activity);
        if (tenantId is null || caller is null) return (null, null, new SessionProblem("I can't tell which organisation or person this message comes from, so I can't show program data here."));

        programId ??= await active.GetAsync(tenantId, activity.Conversation!.Id!, cancellationToken);
        if (programId is null)
        {
            var mine = await memberships.ProgramsOfAsync(tenantId, caller.AadObjectId, cancellationToken);
            if (mine.Count != 1)
            {
                return (null, null, new SessionProblem(mine.Count == 0
                    ? "You are not part of any journey-mapping program yet. A program owner adds you as a department contact, owner or sponsor."
                    : "You are part of several programs. Type **programs** and pick the one to work on here."));
            }
            programId = mine[0].RowKey;
        }

        JourneyProgram? parts = null;
        ProgramHeader? program;
        if (withParts)
        {
            var loaded = await programs.LoadWithHeaderAsync(tenantId, programId, cancellationToken);
            (program, parts) = loaded is { } found ? (found.Header, found.Program) : (null, null);
        }
        else program = await programs.LoadHeaderAsync(tenantId, programId, cancellationToken);
        // Someone else's program reads exactly like no program at all: not even its name is given away.
        var roles = program is null ? ProgramRole.None : ProgramRoles.Of(program.Charter, caller.AadObjectId);
        if (program is null || roles == ProgramRole.None)
        {
            return (null, null, new SessionProblem("That program does not exist, or you are not part of it. Type **programs** to see yours; an owner adds people to a program."));
        }
        return (new ProgramSession(program, caller, roles), parts, null);
    }

    public Task SetActiveAsync(TurnContext turn, string programId, CancellationToken cancellationToken) =>
        active.SetAsync(turn.Activity.GetTenantId(), turn.Activity.Conversation!.Id!, programId, cancellationToken);

    // The name is whatever the client sent: kept within the limit every stored name has.
    public static Person? Caller(Activity activity) =>
        activity.From?.AadObjectId is { Length: > 0 } id
            ? new Person(id, activity.From.Name is { Length: > 0 } name ? name[..Math.Min(name.Length, TextLimits.PersonName)] : "Someone")
            : null;
}

using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using JourneyBot.Touchpoints;
using F = JourneyBot.Touchpoints.TouchpointFields;
using M = JourneyBot.MessageActions.MessageTouchpointFields;

namespace JourneyBot.MessageActions;

// "Add as touchpoint" on any Teams message: the dialog opens on the person's program (a picker when they add to
// several), offers the message's text as the customer's words or a pain point, keeps its author and link as the
// source, and saves with the chat form's rules (TouchpointInput): roles, departments, limits, one save per form.
public sealed class MessageTouchpointHandler(
    TouchpointStore store, ProgramSessions sessions, MembershipStore memberships, ActiveProgramStore active,
    LastUsedStore lastUsed, TimeProvider clock) : ICommandSource
{
    // The manifest's composeExtensions[0].commands[0].id.
    public const string CommandId = "addTouchpoint";

    public const string NotInAProgram = "You are not part of any journey-mapping program yet, so there is nowhere to " +
        "add this. A program owner adds you as the contact of your department; then try again.";

    public const string SponsorOnly = "As a sponsor you follow this program's map; touchpoints are added by owners " +
        "and department contacts. Ask a program owner to add you as the contact of your department, or send them " +
        "the message.";

    public IEnumerable<BotCommand> Commands => [];
    public IEnumerable<CardVerb> Verbs => [];
    public IEnumerable<MessageCommand> MessageCommands => [new(CommandId, FetchAsync, SubmitAsync)];

    private async Task<InvokeResponse> FetchAsync(TurnContext turn, MessageExtensionAction action,
        CancellationToken cancellationToken)
    {
        var message = MessageView.Read(action.MessagePayload);
        var tenantId = turn.Activity.GetTenantId();
        if (tenantId is null || ProgramSessions.Caller(turn.Activity) is not { } caller) return Refuse(Unknown);
        var mine = await memberships.ProgramsOfAsync(tenantId, caller.AadObjectId, cancellationToken);
        var adding = mine.Where(m => Enum.TryParse<ProgramRole>(m.Roles, out var roles)
            && (roles & (ProgramRole.Owner | ProgramRole.Contributor)) != 0).ToList();
        if (adding.Count == 0) return Refuse(mine.Count == 0 ? NotInAProgram : SponsorOnly);
        if (adding.Count == 1) return await FormAsync(turn, adding[0].RowKey, message, cancellationToken);
        // In a conversation that works on one of them (`use`), that one; else they pick, the last one used first.
        var here = await active.GetAsync(tenantId, turn.Activity.Conversation!.Id!, cancellationToken);
        if (adding.Any(m => m.RowKey == here)) return await FormAsync(turn, here!, message, cancellationToken);
        var last = await lastUsed.GetAsync(tenantId, caller.AadObjectId, cancellationToken);
        return Dialog(MessageTouchpointCards.Picker(adding, last?.ProgramId, message));
    }

    private async Task<InvokeResponse> SubmitAsync(TurnContext turn, MessageExtensionAction action,
        CancellationToken cancellationToken)
    {
        var message = MessageView.Read(action.MessagePayload);
        var programId = action.GetString(CardData.ProgramId) ?? "";
        return action.GetString(CardData.Verb) switch
        {
            CardVerbs.MessageTouchpointPick or CardVerbs.MessageTouchpointAnother =>
                await FormAsync(turn, programId, message, cancellationToken),
            CardVerbs.MessageTouchpointSave => await SaveAsync(turn, action, programId, message, cancellationToken),
            CardVerbs.MessageTouchpointDone => InvokeResponse.TaskMessage(
                "Saved. Type \"my touchpoints\" in your chat with JourneyBot to see or edit your touchpoints."),
            _ => Refuse("This dialog is out of date, so nothing was saved. Open \"Add as touchpoint\" on the " +
                "message again."),
        };
    }

    // The form for the program, with what the person last used there and the message offered.
    private async Task<InvokeResponse> FormAsync(TurnContext turn, string programId, MessageView message,
        CancellationToken cancellationToken)
    {
        var (session, refusal) = await ContributorAsync(turn, programId, cancellationToken);
        if (session is null) return refusal!;
        var values = await DefaultsAsync(session, message, cancellationToken);
        return Dialog(MessageTouchpointCards.Form(session.Program, session.Caller, session.Can(ProgramRole.Owner),
            NewFormId(), message, values));
    }

    private async Task<InvokeResponse> SaveAsync(TurnContext turn, MessageExtensionAction action, string programId,
        MessageView message, CancellationToken cancellationToken)
    {
        var (session, refusal) = await ContributorAsync(turn, programId, cancellationToken);
        if (session is null) return refusal!;
        var isOwner = session.Can(ProgramRole.Owner);
        var typed = TouchpointInput.Read(action.Data);
        var offered = MessageInput.Read(action.Data);
        var values = new Dictionary<string, string>(typed.Values);
        foreach (var (field, value) in offered.Values) values[field] = value;
        // Absent (a hand-made submit) is not "emptied by the person": only a field sent empty offers nothing.
        if (!values.ContainsKey(M.MessageText) && !message.IsEmpty) values[M.MessageText] = message.Text;

        var formId = action.GetString(CardData.FormId);
        if (!PlainId.IsValid(formId) || action.GetString(CardData.Version) != F.CurrentVersion)
        {
            return Dialog(MessageTouchpointCards.Form(session.Program, session.Caller, isOwner, NewFormId(), message,
                values, null, "This form was out of date, so nothing was saved. Check the values and save again."));
        }

        // The message's text joins what was typed in the field it was kept as.
        var target = offered.Use == M.AsPain ? F.PainPoints : F.Verbatim;
        var errors = new Dictionary<string, string>(offered.Errors);
        var merged = JsonNode.Parse(action.Data.ValueKind == JsonValueKind.Object ? action.Data.GetRawText() : "{}")!
            .AsObject();
        if (offered.Offered is { } text && errors.Count == 0)
        {
            var already = typed.Values.GetValueOrDefault(target, "");
            var joined = already.Length == 0 ? text : already + "\n" + text;
            if (joined.Length > TextLimits.LongText)
            {
                var label = target == F.Verbatim ? "In the customer's own words" : "Pain points";
                errors[M.MessageText] = $"Together with what is typed under \"{label}\" this is {joined.Length:N0} " +
                    $"characters; the limit is {TextLimits.LongText:N0}. Shorten one of them.";
            }
            else merged[target] = joined;
        }
        var input = TouchpointInput.Read(JsonSerializer.SerializeToElement(merged));
        var touchpoint = input.Validate(session.Program, session.Caller, isOwner, formId!, clock.GetUtcNow());
        foreach (var (field, error) in input.Errors) errors.TryAdd(field, error);
        if (touchpoint is null || errors.Count > 0)
        {
            return Dialog(MessageTouchpointCards.Form(session.Program, session.Caller, isOwner, formId!, message,
                values, errors));
        }
        touchpoint = touchpoint with { SourceAuthor = message.Author };

        // The form id is the touchpoint's id: a double click or a redelivery saves one touchpoint.
        if (await store.AddAsync(session.Program.Id, touchpoint, cancellationToken) is not null)
        {
            var used = new LastUsed(session.Program.Id, touchpoint.StageId, touchpoint.DepartmentId,
                string.Join(",", touchpoint.PersonaIds), offered.Use);
            await lastUsed.SetAsync(session.Program.TenantId, session.Caller.AadObjectId, used, cancellationToken);
            return Dialog(MessageTouchpointCards.Saved(session.Program, touchpoint, offered.Use));
        }
        var saved = await store.GetAsync(session.Program.Id, touchpoint.Id, cancellationToken);
        if (saved is not null && !saved.Touchpoint.Retired
            && saved.Touchpoint.CreatedBy.AadObjectId == session.Caller.AadObjectId
            && TouchpointComparison.SameContent(saved.Touchpoint, touchpoint))
        {
            return Dialog(MessageTouchpointCards.Saved(session.Program, saved.Touchpoint, offered.Use));
        }
        // Saved before with other values (or by someone else): nothing is written over it, and the input stays.
        return Dialog(MessageTouchpointCards.Form(session.Program, session.Caller, isOwner, NewFormId(), message,
            values, null,
            "This form was saved before with other values, so nothing was saved now. Your input is kept: save to " +
            "add it as another touchpoint, or type **my touchpoints** in your chat with JourneyBot to edit the " +
            "first."));
    }

    // The program the dialog names, for a caller who adds touchpoints to it; else the refusal, in the dialog.
    private async Task<(ProgramSession? Session, InvokeResponse? Refusal)> ContributorAsync(TurnContext turn,
        string programId, CancellationToken cancellationToken)
    {
        var (session, problem) = await sessions.ResolveAsync(turn, programId, cancellationToken);
        if (session is null) return (null, Refuse(problem!.Message));
        if (!session.Can(ProgramRole.Owner | ProgramRole.Contributor)) return (null, Refuse(SponsorOnly));
        return (session, null);
    }

    // What the person last used in this program, where it still exists and is theirs to pick; the message's text and
    // link in their fields.
    private async Task<Dictionary<string, string>> DefaultsAsync(ProgramSession session, MessageView message,
        CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>();
        if (!message.IsEmpty) values[M.MessageText] = message.Text;
        if (message.Link is { } link) values[F.SourceLink] = link;
        var last = await lastUsed.GetAsync(session.Program.TenantId, session.Caller.AadObjectId, cancellationToken);
        if (last is null) return values;
        if (last.MessageUse is M.AsWords or M.AsPain) values[M.MessageUse] = last.MessageUse;
        if (last.ProgramId != session.Program.Id) return values;
        var charter = session.Program.Charter;
        if (charter.Stages.Any(s => s.Id == last.StageId)) values[F.Stage] = last.StageId!;
        if (charter.Departments.FirstOrDefault(d => d.Id == last.DepartmentId) is { } department
            && (session.Can(ProgramRole.Owner)
                || department.Contacts.Any(c => c.AadObjectId == session.Caller.AadObjectId)))
        {
            values[F.Department] = department.Id;
        }
        var personas = (last.PersonaIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => charter.Personas.Any(known => known.Id == p)).ToList();
        if (personas.Count > 0) values[F.Personas] = string.Join(",", personas);
        return values;
    }

    private const string Unknown =
        "I can't tell which organisation or person this comes from, so I can't add a touchpoint.";

    private static InvokeResponse Refuse(string reason) => Dialog(ProgramCards.Refusal(reason));

    private static InvokeResponse Dialog(AdaptiveCard card) =>
        InvokeResponse.TaskContinue(MessageTouchpointCards.Title, card.ToJson());

    private static string NewFormId() => Guid.NewGuid().ToString("N");
}

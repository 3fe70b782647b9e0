using System.Text.Json;
using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using JourneyBot.Touchpoints;
using JourneyBot.Outreach;
using JourneyBot.People;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Charters;

// new program, program, and the charter dialog's steps. Only owners change a charter;
// every save is conditional on the version the owner saw.
public sealed class CharterHandler(CharterStore charters, TouchpointStore edits, ProgramSessions sessions, ConversationStore conversations, FollowUpStore followUps, NameLookup names, CollectionOpener opener, TimeProvider clock)
    : ICommandSource
{
    public IEnumerable<BotCommand> Commands =>
    [
        new("new program", "Start a journey-mapping program: objective, scope, metrics, people, departments, stages.", NewProgramAsync) { Step = WorkflowStep.SetUp },
        new("program", "Show the active program's charter and what still blocks collection.", ShowAsync) { Step = WorkflowStep.SetUp },
    ];

    public IEnumerable<CardVerb> Verbs =>
    [
        new(CardVerbs.CharterSave, SaveAsync),
        new(CardVerbs.CharterEdit, EditAsync),
    ];

    public static string NewFormId() => Guid.NewGuid().ToString("N");

    private async Task NewProgramAsync(TurnContext turn, string name, CancellationToken cancellationToken)
    {
        if (ProgramSessions.Caller(turn.Activity) is not { } caller || turn.Activity.GetTenantId() is null)
        {
            await turn.SendTextAsync("I can't tell which organisation or person this message comes from, so I can't start a program here.", cancellationToken);
            return;
        }
        var draft = new Charter { Name = name.Length is > 0 and <= TextLimits.Name ? name : "", Owners = [caller] };
        await turn.SendActivityAsync(CharterCards.Step(CharterSteps.Basics, null, draft, NewFormId()).ToActivity("New program"), cancellationToken);
    }

    private async Task ShowAsync(TurnContext turn, string _, CancellationToken cancellationToken)
    {
        var (session, problem) = await sessions.ResolveAsync(turn, null, cancellationToken);
        if (session is null) await turn.SendTextAsync(problem!.Message, cancellationToken);
        else if (turn.Activity.IsPersonal())
        {
            var isOwner = session.Can(ProgramRole.Owner);
            var unreachable = isOwner ? await followUps.UnreachableAsync(session.Program.Id, cancellationToken) : null;
            await turn.SendActivityAsync(CharterCards.Review(session.Program, isOwner, unreachable: unreachable).ToActivity(), cancellationToken);
        }
        // Shared conversation: everyone sees the read-only card; owners' clients refresh it into their view.
        else await turn.SendActivityAsync(CharterCards.Review(session.Program, isOwner: false, refreshUserIds: await OwnerMrisAsync(turn, session, cancellationToken)).ToActivity(), cancellationToken);
    }

    // Teams names users in refresh.userIds by their Teams ids: known for owners who have chatted with the bot.
    private async Task<IReadOnlyList<string>> OwnerMrisAsync(TurnContext turn, ProgramSession session, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        if (session.Can(ProgramRole.Owner) && turn.Activity.From?.Id is { } callerId) ids.Add(callerId);
        foreach (var owner in session.Program.Charter.Owners.Where(o => o.AadObjectId != session.Caller.AadObjectId).Take(CharterCards.MaxRefreshUsers))
        {
            if (await conversations.GetPersonalChatAsync(session.Program.TenantId, owner.AadObjectId, cancellationToken) is { UserId: { Length: > 0 } id }) ids.Add(id);
        }
        return ids;
    }

    private async Task<InvokeResponse> SaveAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var step = action.GetString(CardData.Step) ?? "";
        var formId = action.GetString(CardData.FormId) ?? "";
        var input = CharterInput.Read(action.Data);
        input.DecimalComma = NumberText.UsesDecimalComma(turn.Activity.Locale);
        if (!CharterSteps.Order.Contains(step) || !PlainId.IsValid(formId) || formId.Length < 8 || action.GetString(CardData.Version) != CharterSteps.Version)
        {
            return Card(ProgramCards.Refusal("This charter card is out of date. Type **program** (or **new program**) for a current one."));
        }
        return (action.GetString(CardData.ProgramId) ?? "").Length == 0
            ? await CreateAsync(turn, step, formId, input, cancellationToken)
            : await UpdateAsync(turn, action, step, formId, input, cancellationToken);
    }

    private async Task<InvokeResponse> CreateAsync(TurnContext turn, string step, string formId, CharterInput input, CancellationToken cancellationToken)
    {
        if (ProgramSessions.Caller(turn.Activity) is not { } caller || turn.Activity.GetTenantId() is not { } tenantId || step != CharterSteps.Basics)
        {
            return Card(ProgramCards.Refusal("A new program starts with its objective and scope. Type **new program**."));
        }
        var draft = new Charter { Name = "", Owners = [caller] };
        var charter = input.Apply(step, draft, TouchpointUse.None, Known(draft, caller), formId);
        if (charter is null) return Card(CharterCards.Step(step, null, draft, formId, input.Values, input.Errors));
        // The form id names the program, so a double-clicked first step creates it once.
        var program = await charters.CreateAsync(formId, tenantId, charter, caller, cancellationToken);
        if (program is null) return Card(ProgramCards.Refusal("This charter card is out of date. Type **new program** to start a program."));
        await sessions.SetActiveAsync(turn, program.Id, cancellationToken);
        return Card(CharterCards.Step(Next(step)!, program, program.Charter, NewFormId(), notice: "Saved. This conversation now works on this program."));
    }

    private async Task<InvokeResponse> UpdateAsync(TurnContext turn, AdaptiveCardAction action, string step, string formId, CharterInput input, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, ProgramRole.Owner, CharterSteps.OnlyOwnersChange);
        if (opened.Session is not { } session) return opened.Refusal!;
        var seenETag = action.GetString(CardData.ETag);
        var directoryNames = action.GetString(CharterSteps.DirectoryNames);

        var program = session.Program;
        // Only the steps that can remove a stage, department or persona need to know what touchpoints use.
        var stored = step is CharterSteps.Departments or CharterSteps.Shape ? await edits.AllAsync(program.Id, cancellationToken) : [];
        var known = Known(program.Charter, session.Caller);
        foreach (var person in DirectoryNames(directoryNames)) known.TryAdd(person.AadObjectId, person);
        if (step is CharterSteps.People or CharterSteps.Departments) await LearnNamesAsync(turn, input, known, cancellationToken);
        var charter = input.Apply(step, program.Charter, TouchpointUse.Of(stored.Select(t => t.Touchpoint)), known, formId);
        if (charter is null) return Card(CharterCards.Step(step, program, program.Charter, formId, input.Values, input.Errors, pending: input.Pending));

        if (seenETag != program.ETag.ToString())
        {
            // Saved meanwhile. If it was this very form (a double click), the charter already holds this input.
            if (SameCharter(charter, program.Charter)) return Card(After(step, program, session));
            return Card(Conflict(step, program, formId, input));
        }
        try
        {
            // Touchpoints move first: if the charter save then fails, nothing points at a stage that is gone.
            await RelocateAsync(program.Id, stored, input.Relocations, session.Caller, WorkingTime.Today(clock.GetUtcNow(), program.Charter), cancellationToken);
            var saved = await charters.SaveAsync(program, charter, session.Caller, cancellationToken);
            var invited = step == CharterSteps.Departments ? await opener.QueueAddedAsync(saved, program.Charter, cancellationToken) : 0;
            return Card(After(step, saved, session, invited == 0 ? "Saved." : $"Saved. Collection is open, so {Words.Count(invited, "new contact")} {(invited == 1 ? "is" : "are")} being invited now."));
        }
        catch (CharterChangedException e)
        {
            return Card(Conflict(step, e.Latest, formId, input));
        }
    }

    private static Cards.AdaptiveCard Conflict(string step, ProgramHeader latest, string formId, CharterInput input) =>
        CharterCards.Step(step, latest, latest.Charter, formId, input.Values, null,
            FormNotices.ChangedMeanwhile(latest.LastEditedBy), savedMeanwhile: latest.Charter);

    private static Cards.AdaptiveCard After(string step, ProgramHeader program, ProgramSession session, string notice = "Saved.") =>
        Next(step) is { } next
            ? CharterCards.Step(next, program, program.Charter, NewFormId(), notice: notice)
            : CharterCards.Review(program, session.Can(ProgramRole.Owner), notice);

    private async Task<InvokeResponse> EditAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken);
        if (opened.Session is not { } session) return opened.Refusal!;
        var step = action.GetString(CardData.Step);
        if (step == "review" || !session.Can(ProgramRole.Owner)) return Card(CharterCards.Review(session.Program, session.Can(ProgramRole.Owner)));
        if (step is null || !CharterSteps.Order.Contains(step)) return Card(ProgramCards.Refusal("That part of the charter is unknown."));
        return Card(CharterCards.Step(step, session.Program, session.Program.Charter, NewFormId()));
    }

    private async Task RelocateAsync(string programId, IReadOnlyList<StoredTouchpoint> stored, IReadOnlyList<Relocation> relocations, Person editor, DateOnly today, CancellationToken cancellationToken)
    {
        foreach (var item in stored.Where(s => !s.Touchpoint.Retired))
        {
            var t = item.Touchpoint;
            foreach (var r in relocations)
            {
                t = r.Kind switch
                {
                    RelocationKind.Stage when t.StageId == r.FromId => r.ToId is null ? t with { Retired = true, RetiredOn = today } : t with { StageId = r.ToId },
                    RelocationKind.Department when t.DepartmentId == r.FromId => r.ToId is null ? t with { Retired = true, RetiredOn = today } : t with { DepartmentId = r.ToId },
                    RelocationKind.Persona when t.PersonaIds.Contains(r.FromId) => t with
                    {
                        PersonaIds = t.PersonaIds.Where(p => p != r.FromId).Concat(r.ToId is null ? [] : [r.ToId]).Distinct().ToList(),
                    },
                    _ => t,
                };
            }
            if (!ReferenceEquals(t, item.Touchpoint)) await edits.UpdateAsync(programId, item, t, editor.DisplayName, cancellationToken);
        }
    }

    private static string? Next(string step)
    {
        var index = CharterSteps.Order.ToList().IndexOf(step);
        return index + 1 < CharterSteps.Order.Count ? CharterSteps.Order[index + 1] : null;
    }

    // The people picker sends ids only. Teams knows the names of this conversation's members, the directory
    // everyone else's; whoever neither knows keeps a placeholder the charter card explains.
    private async Task LearnNamesAsync(TurnContext turn, CharterInput input, Dictionary<string, Person> known, CancellationToken cancellationToken)
    {
        var picked = input.Values.Where(v => v.Key is CharterFields.Owners or CharterFields.Sponsors || v.Key.EndsWith(".contacts", StringComparison.Ordinal))
            .SelectMany(v => v.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(id => !known.ContainsKey(id) && PlainId.IsValid(id)).Distinct().Take(CharterSteps.MaxDepartments).ToList();
        var found = await names.InConversationAsync(turn.Activity.ServiceUrl!, turn.Activity.Conversation!.Id!, turn.Activity.Conversation.TenantId ?? "", picked, cancellationToken);
        foreach (var person in found.Values) known[person.AadObjectId] = person;
    }

    private static IEnumerable<Person> DirectoryNames(string? text) =>
        (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(parts => parts.Length == 2 && PlainId.IsValid(parts[0]) && parts[1].Length is > 0 and <= TextLimits.PersonName)
            .Select(parts => new Person(parts[0], parts[1]));

    private static Dictionary<string, Person> Known(Charter charter, Person caller)
    {
        var known = ProgramRoles.Members(charter).ToDictionary(p => p.AadObjectId);
        known[caller.AadObjectId] = caller;
        return known;
    }

    private static bool SameCharter(Charter a, Charter b) =>
        JsonSerializer.Serialize(a, ProgramFile.Options) == JsonSerializer.Serialize(b, ProgramFile.Options);
}

using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Graph;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Charters;

// "Find contacts in the directory" on the charter's departments step.
public sealed class DirectoryLookupHandler(ProgramSessions sessions, DepartmentDirectory directory) : ICommandSource
{
    public IEnumerable<BotCommand> Commands => [];

    public IEnumerable<CardVerb> Verbs => [new(CardVerbs.CharterLookup, LookupAsync)];

    // Departments typed without contacts get the people the directory lists for them; nothing is saved yet.
    private async Task<InvokeResponse> LookupAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, ProgramRole.Owner, CharterSteps.OnlyOwnersChange);
        if (opened.Session is not { } session) return opened.Refusal!;
        var formId = action.GetString(CardData.FormId) ?? "";
        // New rows take their ids from the form id's first 8 characters, as on save.
        if (!PlainId.IsValid(formId) || formId.Length < 8) return Card(ProgramCards.Refusal("This charter card is out of date. Type **program** for a current one."));
        var values = new Dictionary<string, string>(CharterInput.Read(action.Data).Values, StringComparer.Ordinal);
        var found = new List<Person>();
        var looked = new List<string>();
        string notice;
        try
        {
            foreach (var (key, name) in values.Where(v => v.Key.StartsWith("dept.", StringComparison.Ordinal) && v.Key.EndsWith(".name", StringComparison.Ordinal) && v.Value.Length > 0).ToList())
            {
                var contactsKey = key[..^".name".Length] + ".contacts";
                if (values.GetValueOrDefault(contactsKey, "").Length > 0) continue;
                looked.Add(name);
                var people = (await directory.PeopleInAsync(session.Program.TenantId, name, cancellationToken)).Take(CharterSteps.DirectoryContactsPerDepartment).ToList();
                if (people.Count == 0) continue;
                values[contactsKey] = string.Join(",", people.Select(p => p.AadObjectId));
                found.AddRange(people);
            }
            notice = looked.Count == 0
                ? "Every department named here already has contacts; clear a department's contacts to look it up."
                : found.Count == 0
                    ? $"Nobody in the directory lists {CardText.Literal(string.Join(", ", looked.Take(5)))} as their department; pick contacts by name."
                    : $"Filled in {found.Count} people whose directory profile names their department. Check them, then save.";
        }
        catch (DirectoryUnavailableException e)
        {
            notice = e.Message + " Pick contacts by name instead.";
        }
        return Card(CharterCards.Step(CharterSteps.Departments, session.Program, session.Program.Charter, formId, values, null, notice, directory: found));
    }
}

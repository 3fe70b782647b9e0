using System.Globalization;
using System.Text.Json;
using JourneyBot.Cards;
using JourneyBot.Domain;

namespace JourneyBot.Actions;

// The action form as typed, re-checked against the program; values kept to show again with the errors.
public sealed class ActionInput : FormInput
{
    public const string Title = "title";
    public const string Owner = "owner";
    public const string DueOn = "dueOn";
    public const string Metric = "metricId";
    public static readonly string[] Fields = [Title, Owner, DueOn, Metric];

    public static ActionInput Read(JsonElement data)
    {
        var input = new ActionInput();
        input.ReadFrom(data, Fields, acceptNumbers: false);
        return input;
    }

    protected override int LimitOf(string field) => field switch
    {
        Owner or Metric => TextLimits.Id,
        DueOn => 10,
        _ => base.LimitOf(field),
    };

    public ImprovementAction? Validate(JourneyProgram program, string id, string? touchpointId, DateOnly today)
    {
        var title = Text(Title, TextLimits.Name, required: true);
        Person? owner = null;
        var ownerId = Text(Owner, TextLimits.Id, required: true);
        if (ownerId is not null)
        {
            if (ownerId.Contains(',')) Errors[Owner] = "Pick one person: an action has one owner.";
            else owner = ProgramRoles.Members(program.Charter).FirstOrDefault(p => p.AadObjectId == ownerId)
                         ?? program.Charter.Departments.SelectMany(d => d.Contacts).FirstOrDefault(p => p.AadObjectId == ownerId)
                         ?? new Person(ownerId, Person.Unnamed);
        }
        DateOnly due = default;
        var dueText = Text(DueOn, 10, required: true);
        if (dueText is not null)
        {
            if (!DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out due)) Errors[DueOn] = "Pick a date (yyyy-MM-dd).";
            else if (due < today) Errors[DueOn] = "The due date is in the past; pick today or later.";
        }
        var metric = Values.GetValueOrDefault(Metric, "");
        if (metric.Length > 0 && program.Charter.Metrics.All(m => m.Id != metric)) Errors[Metric] = "Pick one of this program's metrics.";
        if (Errors.Count > 0 || title is null || owner is null) return null;
        return new ImprovementAction { Id = id, Title = title, TouchpointId = touchpointId, Owner = owner, DueOn = due, MetricId = metric.Length > 0 ? metric : null };
    }
}

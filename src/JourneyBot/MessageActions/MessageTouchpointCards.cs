using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Touchpoints;
using F = JourneyBot.Touchpoints.TouchpointFields;
using M = JourneyBot.MessageActions.MessageTouchpointFields;

namespace JourneyBot.MessageActions;

// The "Add as touchpoint" dialog: the program picker, the touchpoint form with the message offered, and what was
// saved. Dialogs submit (Action.Submit); everything from the message or a person is shown literally.
public static class MessageTouchpointCards
{
    public const string Title = "Add as touchpoint";
    private const int Quoted = 300;

    private static readonly Choice[] Uses =
    [
        new("The customer's own words", M.AsWords), new("A pain point", M.AsPain),
    ];

    public static AdaptiveCard Picker(IReadOnlyList<MembershipRow> programs, string? selected, MessageView message)
    {
        var card = new AdaptiveCard { FallbackText = "Which program is this touchpoint for?" };
        card.Add(new TextBlock("Which program is this touchpoint for?")
        {
            Size = TextSize.Medium, Weight = TextWeight.Bolder,
        });
        if (!message.IsEmpty) card.Add(Quote(message));
        var choices = programs.OrderBy(p => p.ProgramName, StringComparer.OrdinalIgnoreCase)
            .Take(ProgramCards.ProgramsPerCard * 5).Select(p => new Choice(p.ProgramName, p.RowKey)).ToList();
        card.Add(new InputChoiceSet(CardData.ProgramId, "Program", choices)
        {
            Value = choices.Any(c => c.Value == selected) ? selected : null, IsRequired = true,
            Expanded = choices.Count <= 6,
            Placeholder = "Pick the program",
        });
        card.AddActions(new CardSubmitAction("Next", CardVerbs.MessageTouchpointPick) { Style = "positive" });
        return card;
    }

    // The chat's touchpoint form, with the message's text offered (editable) as the customer's words or a pain point.
    public static AdaptiveCard Form(ProgramHeader program, Person caller, bool isOwner, string formId,
        MessageView message,
        IReadOnlyDictionary<string, string>? values = null, IReadOnlyDictionary<string, string>? errors = null,
        string? notice = null)
    {
        values ??= new Dictionary<string, string>();
        errors ??= new Dictionary<string, string>();
        var card = TouchpointCards.Form(program, caller, isOwner, formId, values, errors, notice);
        var offered = values.GetValueOrDefault(M.MessageText, message.Text);
        if (!message.IsEmpty || offered.Length > 0)
        {
            var form = new CardForm(card, values, errors, null);
            var parts = new List<CardElement>
            {
                new TextBlock(message.AuthorName is { } author
                    ? $"From {CardText.Literal(author)}'s message"
                    : "From the message")
                {
                    Weight = TextWeight.Bolder, Separator = true,
                },
            };
            if (message.IsCut)
            {
                parts.Add(new TextBlock($"The message is {message.FullLength:N0} characters; the field holds " +
                    $"{TextLimits.LongText:N0}, so it was cut at the last whole word that fits (…). " +
                    "Add what matters from the rest.") { Color = TextColor.Warning });
            }
            parts.AddRange(form.Parts(new InputText(M.MessageText, "The message's text (edit it if you like)")
            {
                Value = offered, IsMultiline = true, MaxLength = TextLimits.LongText,
            }));
            parts.AddRange(form.Parts(new InputChoiceSet(M.MessageUse, "Keep it as", Uses)
            {
                Value = values.GetValueOrDefault(M.MessageUse, M.AsWords), Expanded = true, IsRequired = true,
            }));
            if (message.Link is not null || message.AuthorName is not null)
            {
                var kept = message.AuthorName is { } who
                    ? $", and {CardText.Literal(who)} is kept as its author."
                    : ".";
                parts.Add(new TextBlock("The link to the message is the source link below" + kept) { IsSubtle = true });
            }
            // After the form's title and introduction, before its notices and fields.
            card.Body.InsertRange(2, parts);
        }
        card.Actions.Clear();
        card.AddActions(new CardSubmitAction("Save touchpoint", CardVerbs.MessageTouchpointSave)
        {
            Style = "positive",
            Data = new Dictionary<string, string>
            {
                [CardData.ProgramId] = program.Id, [CardData.FormId] = formId, [CardData.Version] = F.CurrentVersion,
            },
        });
        return card;
    }

    // What was saved, with "Add another" (a fresh form, the message offered again) and "Done" (closes the dialog).
    public static AdaptiveCard Saved(ProgramHeader program, Touchpoint saved, string? messageUse)
    {
        var charter = program.Charter;
        var stage = charter.Stages.FirstOrDefault(s => s.Id == saved.StageId)?.Name ?? saved.StageId;
        var department = charter.Departments.FirstOrDefault(d => d.Id == saved.DepartmentId)?.Name
            ?? saved.DepartmentId;
        var facts = new List<Fact>
        {
            new("Program", CardText.Literal(CardText.Shorten(charter.Name, 80))),
            new("Stage", CardText.Literal(stage)),
            new("Department", CardText.Literal(department)),
            new("Customer", CardText.Literal(CardText.Shorten(saved.CustomerAction, 200))),
        };
        if (messageUse == M.AsPain && saved.HasPainPoints())
        {
            facts.Add(new Fact("Pain points", CardText.Literal(CardText.Shorten(saved.PainText(), 200))));
        }
        else if (saved.Verbatim is { Length: > 0 } words)
        {
            facts.Add(new Fact("In their words", CardText.Literal(CardText.Shorten(words, 200))));
        }
        if (saved.SourceAuthor is { } author) facts.Add(new Fact("From", CardText.Literal(author.DisplayName)));
        if (saved.SourceLink is { } link) facts.Add(new Fact("Source", CardText.Literal(CardText.Shorten(link, 120))));
        var ids = new Dictionary<string, string> { [CardData.ProgramId] = program.Id };
        return new AdaptiveCard { FallbackText = "Touchpoint saved" }
            .Add(
                new TextBlock("Touchpoint saved")
                {
                    Size = TextSize.Medium, Weight = TextWeight.Bolder, Color = TextColor.Good,
                },
                new FactSet(facts),
                new TextBlock("Type **my touchpoints** in your chat with JourneyBot to see or edit it.")
                {
                    IsSubtle = true,
                })
            .AddActions(
                new CardSubmitAction("Add another from this message", CardVerbs.MessageTouchpointAnother)
                {
                    Data = ids,
                },
                new CardSubmitAction("Done", CardVerbs.MessageTouchpointDone) { Data = ids });
    }

    private static TextBlock Quote(MessageView message) =>
        new(CardText.Literal((message.AuthorName is { } author ? author + ": " : "")
            + CardText.Shorten(message.Text, Quoted)))
        {
            IsSubtle = true,
        };
}

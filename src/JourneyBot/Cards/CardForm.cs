namespace JourneyBot.Cards;

// What a form card says about each input: the error that stopped the save and, after a conflict, what someone
// else saved meanwhile where it differs from what this person typed (their input stays in the field).
public sealed class CardForm(AdaptiveCard card, IReadOnlyDictionary<string, string> typed, IReadOnlyDictionary<string, string> errors,
    IReadOnlyDictionary<string, string>? savedMeanwhile)
{
    private const int Shown = 200;

    public void Add(CardInput input) => card.Add([.. Parts(input)]);

    // The input with what is said about it, for forms that lay inputs out in columns.
    public IReadOnlyList<CardElement> Parts(CardInput input)
    {
        var parts = new List<CardElement> { input };
        if (errors.TryGetValue(input.InputId, out var error))
        {
            parts.Add(new TextBlock(error) { Color = TextColor.Attention, Size = TextSize.Small, Spacing = "none" });
        }
        var saved = savedMeanwhile?.GetValueOrDefault(input.InputId) ?? "";
        if (savedMeanwhile is not null && saved != typed.GetValueOrDefault(input.InputId, ""))
        {
            var shown = saved.Length == 0 ? "(empty)" : CardText.Literal(CardText.Shorten(input.Describe(saved), Shown));
            parts.Add(new TextBlock($"Saved meanwhile: {shown}") { Color = TextColor.Warning, Size = TextSize.Small, Spacing = "none" });
        }
        return parts;
    }
}

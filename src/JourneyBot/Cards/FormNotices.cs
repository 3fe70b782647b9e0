namespace JourneyBot.Cards;

// What a form says when it comes back unsaved because what it was built from changed: one wording everywhere.
public static class FormNotices
{
    private const string InputKept = "Your input is kept in the fields, with what is saved now under each one that differs. Save again to apply yours.";

    // The editor's name came from a person, so it is shown literally.
    public static string ChangedMeanwhile(string? editor) => $"Changed by {CardText.Literal(editor ?? "someone")} meanwhile, so nothing was saved. {InputKept}";

    public const string OutOfDate = "This form was out of date, so nothing was saved. " + InputKept;
}

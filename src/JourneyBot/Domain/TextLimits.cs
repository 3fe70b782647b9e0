namespace JourneyBot.Domain;

// How long each kind of text may be. Cards cap their inputs to the same numbers, imports are checked against
// them, and README documents them.
public static class TextLimits
{
    public const int Id = 64;
    public const int Name = 120;
    public const int JourneyEnd = 200;
    public const int LongText = 1000;
    public const int Link = 500;
    public const int PersonName = 200;
    public const int MaxReviewCadenceDays = 365;
}

namespace JourneyBot.Cards;

public static class EnumChoice
{
    // A choice a card sent back, by name only: Enum.TryParse also takes digits ("12345"), which name no choice
    // and cannot be written back out.
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        return text is { Length: > 0 and <= 64 } && !text.Any(c => char.IsAsciiDigit(c) || c is '-' or '+' or ',')
            && Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}

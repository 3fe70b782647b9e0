namespace JourneyBot.Domain;

// Ids of programs, forms, touchpoints, actions and people arrive from cards and commands: anything that is not a
// short plain id names nothing, and never reaches a storage key.
public static class PlainId
{
    public static bool IsValid(string? id) => id is { Length: > 0 and <= TextLimits.Id } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

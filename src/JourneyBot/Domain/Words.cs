namespace JourneyBot.Domain;

public static class Words
{
    // "1 touchpoint", "3 touchpoints", "1 person", "2 people": never "touchpoint(s)".
    public static string Count(int count, string singular, string? plural = null) =>
        count == 1 ? $"1 {singular}" : $"{count:N0} {plural ?? singular + "s"}";
}

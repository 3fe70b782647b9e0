namespace JourneyBot.Bot;

// The languages JourneyBot knows words in, and which one a Teams locale gets: its language when supported
// ("de-AT" and "de-CH" are German), else English.
public static class Languages
{
    public const string English = "en";
    public static readonly IReadOnlyList<string> Supported = [English, "de", "fr", "es", "ja"];

    public static string Of(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return English;
        var language = locale.Trim().Split('-', '_')[0].ToLowerInvariant();
        return Supported.Contains(language) ? language : English;
    }
}

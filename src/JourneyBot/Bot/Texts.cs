using System.Globalization;
using System.Resources;

namespace JourneyBot.Bot;

// One resource file's strings in one of the supported languages: that language's own file, else the neutral
// (English) one. Own() says whether the language's file has the key, for texts with an English fallback elsewhere.
public sealed class Texts(ResourceManager resources, string language)
{
    public string Language => language;

    public string this[string key] => Own(key) ?? resources.GetString(key, CultureInfo.InvariantCulture)
        ?? throw new InvalidOperationException($"No text '{key}' in {resources.BaseName}.");

    public string? Own(string key) => language == Languages.English
        ? null
        : resources.GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false)?.GetString(key);
}

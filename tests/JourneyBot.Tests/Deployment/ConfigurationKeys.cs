using System.Text.RegularExpressions;

namespace JourneyBot.Tests.Deployment;

// The configuration keys the app reads, found in its source the way the code reads them, so a setting added to the
// code is seen without anyone listing it: config["Key"] (or through a const), a local Read("Key") over config,
// GetValue("Key") on the configuration or on GetSection("Section"), and ReadDuration(config, "Key", …).
public static partial class ConfigurationKeys
{
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> ByFile(IReadOnlyDictionary<string, string> source)
    {
        var found = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var (file, text) in source)
        {
            if (!ReadsConfiguration().IsMatch(text)) continue;
            var consts = Const().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match m in IndexerLiteral().Matches(text)) keys.Add(m.Groups["key"].Value);
            foreach (Match m in IndexerConst().Matches(text))
            {
                if (consts.TryGetValue(m.Groups["name"].Value, out var value)) keys.Add(value);
            }
            if (LocalReader().IsMatch(text))
            {
                foreach (Match m in ReadCall().Matches(text)) keys.Add(m.Groups["key"].Value);
            }
            foreach (Match m in DurationCall().Matches(text)) keys.Add(m.Groups["key"].Value);
            foreach (Match m in ConfigurationGetValue().Matches(text)) keys.Add(m.Groups["key"].Value);
            var section = Section().Match(text);
            if (section.Success)
            {
                var name = section.Groups["name"].Value;
                foreach (Match m in SectionGetValue().Matches(text)) keys.Add($"{name}:{m.Groups["key"].Value}");
            }
            found[file] = keys;
        }
        return found;
    }

    // As an environment variable or app setting: ":" is "__".
    public static string AsSetting(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    private const string Receiver = @"\b(?:config|configuration|Configuration)";

    [GeneratedRegex(Receiver + @"(?:\[|\.GetValue|\.GetSection)")]
    private static partial Regex ReadsConfiguration();

    [GeneratedRegex(@"const string (?<name>\w+) = ""(?<value>[^""]+)""")]
    private static partial Regex Const();

    [GeneratedRegex(Receiver + @"\[\s*""(?<key>[^""]+)""\s*\]")]
    private static partial Regex IndexerLiteral();

    [GeneratedRegex(Receiver + @"\[\s*(?<name>[A-Za-z_]\w*)\s*\]")]
    private static partial Regex IndexerConst();

    [GeneratedRegex(@"string\? Read\(string key\) =>.*config\[key\]")]
    private static partial Regex LocalReader();

    [GeneratedRegex(@"\bRead\(""(?<key>[^""]+)""\)")]
    private static partial Regex ReadCall();

    [GeneratedRegex(@"ReadDuration\(config, ""(?<key>[^""]+)""")]
    private static partial Regex DurationCall();

    [GeneratedRegex(Receiver + @"\.GetValue(?:<[^>]+>)?\(\s*""(?<key>[^""]+)""")]
    private static partial Regex ConfigurationGetValue();

    [GeneratedRegex(Receiver + @"\.GetSection\(""(?<name>[^""]+)""\)")]
    private static partial Regex Section();

    [GeneratedRegex(@"\bsection\.GetValue(?:<[^>]+>)?\(\s*""(?<key>[^""]+)""")]
    private static partial Regex SectionGetValue();
}

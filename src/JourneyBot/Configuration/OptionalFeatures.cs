using System.Collections.Concurrent;

namespace JourneyBot.Configuration;

// Optional features a bad setting turns off instead of stopping the whole bot: a mistyped catalog id costs
// self-install, not every conversation. Each says which setting to fix; /healthz and the start-up log show them.
public sealed class OptionalFeatures
{
    private readonly ConcurrentDictionary<string, string> _off = new(StringComparer.Ordinal);

    // feature: a short name ("selfInstall"); why: the setting and what is wrong with it, never its value.
    public void TurnOff(string feature, string why) => _off[feature] = why;

    public IReadOnlyDictionary<string, string> Off => _off;
}

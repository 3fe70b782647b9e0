namespace JourneyBot.Configuration;

// A missing or contradictory setting: start-up stops with this message, which names the key.
public sealed class ConfigurationException(string message) : Exception(message);

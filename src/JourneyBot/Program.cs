using JourneyBot;
using JourneyBot.Protocol;

try
{
    JourneyBotApp.Build(args).Run();
    return 0;
}
catch (Exception e) when (e is ConfigurationException || e.InnerException is ConfigurationException)
{
    e = e as ConfigurationException ?? e.InnerException!;
    // A missing or contradictory setting: say which one, without a stack trace.
    Console.Error.WriteLine($"JourneyBot cannot start: {e.Message}");
    return 1;
}

public partial class Program { }

using JourneyBot;
using JourneyBot.Admin;
using JourneyBot.Configuration;

if (!AdminCommandLine.StartsServer(args))
{
    return await AdminCommandLine.RunAsync(args, Console.Out, Console.Error, TimeProvider.System);
}

try
{
    JourneyBotApp.Build(args).Run();
    return 0;
}
catch (Exception e) when (e is ConfigurationException || e.InnerException is ConfigurationException)
{
    // A missing or contradictory setting: say which one, without a stack trace.
    e = e as ConfigurationException ?? e.InnerException!;
    Console.Error.WriteLine($"JourneyBot cannot start: {e.Message}");
    return 1;
}

public partial class Program { }

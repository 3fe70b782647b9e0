using JourneyBot.Bot;
using JourneyBot.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Help;

public static class HelpSetup
{
    public static IServiceCollection AddHelp(this IServiceCollection services)
    {
        services.AddSingleton<HelpCards>();
        // HelpCards lists every registered command, this one included, so it is resolved when first used.
        services.AddSingleton(sp => new BotCommand("help", "Show this list of what I can do.", (turn, _, ct) =>
            turn.SendActivityAsync(sp.GetRequiredService<HelpCards>().Build().ToActivity("JourneyBot help"), ct)));
        services.AddSingleton(sp => new CardVerb("help", (_, _, _) =>
            Task.FromResult(InvokeResponse.Card(sp.GetRequiredService<HelpCards>().Build().ToJson()))));
        return services;
    }
}

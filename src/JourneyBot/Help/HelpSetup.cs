using JourneyBot.Bot;
using JourneyBot.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Help;

public static class HelpSetup
{
    public static IServiceCollection AddHelp(this IServiceCollection services)
    {
        services.AddSingleton(sp => new HelpLink(ReadHelpUrl(sp.GetRequiredService<IConfiguration>())));
        services.AddSingleton<HelpCards>();
        services.AddSingleton(sp => new Lazy<CommandCatalog>(sp.GetRequiredService<CommandCatalog>));
        services.AddSingleton<ICommandSource, HelpHandler>();
        return services;
    }

    private static Uri? ReadHelpUrl(IConfiguration config)
    {
        var text = config["Bot:HelpUrl"];
        if (string.IsNullOrWhiteSpace(text)) return null;
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
            ? url
            : throw new ConfigurationException("Bot:HelpUrl must be an absolute https URL.");
    }
}

using JourneyBot.Bot;

namespace JourneyBot.Portfolio;

public static class PortfolioSetup
{
    public static IServiceCollection AddPortfolio(this IServiceCollection services)
    {
        services.AddSingleton(sp => PortfolioSettings.Load(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<PortfolioSummaries>();
        services.AddSingleton<PortfolioSource>();
        services.AddSingleton<ICommandSource, PortfolioHandler>();
        return services;
    }
}

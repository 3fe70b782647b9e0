using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Touchpoints;

public static class TouchpointsSetup
{
    public static IServiceCollection AddTouchpoints(this IServiceCollection services)
    {
        services.AddSingleton<TouchpointHandler>();
        services.AddSingleton(sp => sp.GetRequiredService<TouchpointHandler>().Command());
        services.AddSingleton(sp => sp.GetRequiredService<TouchpointHandler>().Verbs().First());
        services.AddSingleton(sp => sp.GetRequiredService<TouchpointHandler>().Verbs().Last());
        return services;
    }
}

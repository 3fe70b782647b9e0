using JourneyBot.Programs;
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
        services.AddSingleton<TouchpointEdits>();
        services.AddSingleton<MyTouchpointsHandler>();
        services.AddSingleton(sp => sp.GetRequiredService<MyTouchpointsHandler>().Command());
        foreach (var verb in new[] { MyTouchpointsCards.ListVerb, MyTouchpointsCards.EditVerb, TouchpointCards.UpdateVerb, MyTouchpointsCards.AskDeleteVerb, MyTouchpointsCards.DeleteVerb })
        {
            services.AddSingleton(sp => sp.GetRequiredService<MyTouchpointsHandler>().Verbs().Single(v => v.Verb == verb));
        }
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Charters;

public static class CharterSetup
{
    public static IServiceCollection AddCharters(this IServiceCollection services)
    {
        services.AddSingleton<CharterStore>();
        services.AddSingleton<CollectionOpener>();
        services.AddSingleton<CharterHandler>();
        foreach (var name in new[] { "new program", "program", "open collection" })
        {
            services.AddSingleton(sp => sp.GetRequiredService<CharterHandler>().Commands().Single(c => c.Name == name));
        }
        foreach (var verb in new[] { CharterSteps.SaveVerb, CharterSteps.EditVerb, CharterSteps.OpenCollectionVerb })
        {
            services.AddSingleton(sp => sp.GetRequiredService<CharterHandler>().Verbs().Single(v => v.Verb == verb));
        }
        return services;
    }
}

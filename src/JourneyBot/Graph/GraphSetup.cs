using JourneyBot.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Graph;

public static class GraphSetup
{
    public static IServiceCollection AddGraph(this IServiceCollection services)
    {
        services.AddSingleton(sp => GraphSettings.Load(sp.GetRequiredService<IConfiguration>(), sp.GetService<OptionalFeatures>()));
        services.AddHttpClient(nameof(GraphClients), c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<GraphClients>();
        services.AddSingleton<AppInstaller>();
        services.AddSingleton<DepartmentDirectory>();
        services.AddSingleton<GroupMembership>();
        return services;
    }
}

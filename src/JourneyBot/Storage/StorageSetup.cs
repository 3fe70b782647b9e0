using JourneyBot.Configuration;
using JourneyBot.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Storage;

public static class StorageSetup
{
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp => StorageConnection.CreateTables(sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<TableRecreation>()));
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<StorageHealth>();
        services.TryAddSingleton<OptionalFeatures>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<IdempotencySweeper>();
        services.AddSingleton<IServiceUrlTrust, ServiceUrlTrustStore>();
        return services;
    }

    public static IEndpointRouteBuilder MapHealthz(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (StorageHealth health, OptionalFeatures features, CancellationToken cancellationToken) =>
        {
            var report = await health.CheckAsync(cancellationToken);
            // Features a bad setting turned off: the app serves, so they do not make it unhealthy, but they show.
            var off = features.Off.Count == 0 ? null : features.Off.ToDictionary(f => f.Key, f => "off: " + f.Value);
            return Results.Json(new { status = report.Status, reason = report.Reason, features = off },
                new System.Text.Json.JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull },
                statusCode: report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}

using JourneyBot.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<IdempotencySweeper>();
        services.AddSingleton<IServiceUrlTrust, ServiceUrlTrustStore>();
        return services;
    }

    public static IEndpointRouteBuilder MapHealthz(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (StorageHealth health, CancellationToken cancellationToken) =>
        {
            var report = await health.CheckAsync(cancellationToken);
            return Results.Json(new { status = report.Status, reason = report.Reason },
                statusCode: report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}

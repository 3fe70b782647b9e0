using JourneyBot.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Storage;

public static class StorageSetup
{
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        var client = StorageConnection.CreateClient(builder.Configuration);
        builder.Services.AddSingleton(new StorageTables(client));
        builder.Services.AddHostedService<StorageInitializer>();
        builder.Services.AddSingleton<StorageHealth>();
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddSingleton<IServiceUrlTrust, ServiceUrlTrustStore>();
        return builder;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
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

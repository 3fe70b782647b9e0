using Azure.Monitor.OpenTelemetry.AspNetCore;
using JourneyBot.Protocol;
using JourneyBot.Storage;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace JourneyBot.Operations;

public static class Telemetry
{
    public const string ApplicationInsightsKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    // Traces, metrics and logs leave the process only when a destination is configured: Application Insights
    // (the Azure Monitor distro, which the template sets up) or, where that is not set, the standard OTLP variables.
    // With neither, telemetry is off.
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var applicationInsights = builder.Configuration[ApplicationInsightsKey];
        var otlp = builder.Configuration[OtlpEndpointKey];
        if (string.IsNullOrWhiteSpace(applicationInsights) && string.IsNullOrWhiteSpace(otlp)) return builder;

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource(BotMetrics.MeterName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                // "Polly": the connector's retries and timeouts (resilience events).
                .AddMeter(BotMetrics.MeterName, StorageMetrics.MeterName, "Polly"));
        if (!string.IsNullOrWhiteSpace(applicationInsights)) telemetry.UseAzureMonitor(o => o.ConnectionString = applicationInsights);
        else telemetry.UseOtlpExporter();
        return builder;
    }
}

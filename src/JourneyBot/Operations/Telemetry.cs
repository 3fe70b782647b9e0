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
        if (!string.IsNullOrWhiteSpace(applicationInsights))
        {
            telemetry.UseAzureMonitor(o =>
            {
                o.ConnectionString = applicationInsights;
                // Every trace, and so every failed turn's logs: the distro's default keeps 5 traces a second and drops
                // the logs of the rest, so a turn someone reports could not be found by its activity id.
                o.SamplingRatio = 1.0f;
                o.TracesPerSecond = null;
            });
        }
        else telemetry.UseOtlpExporter();
        return builder;
    }
}

using JourneyBot.Protocol;
using JourneyBot.Storage;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace JourneyBot.Operations;

public static class Telemetry
{
    // Traces and metrics leave the process only when the standard OTLP variables say where to.
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint)) return builder;

        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource(BotMetrics.MeterName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(BotMetrics.MeterName, StorageMetrics.MeterName))
            .UseOtlpExporter();
        return builder;
    }
}

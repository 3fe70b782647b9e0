using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using JourneyBot.Configuration;
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
    // Azure Monitor's documented variable for Entra ingestion: "Authorization=AAD" plus the user-assigned
    // identity's "ClientId=<guid>" (without it, the system-assigned identity).
    public const string AuthenticationKey = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    // Traces, metrics and logs leave the process only when a destination is configured: Application Insights
    // (the Azure Monitor distro, which the template sets up) or, where that is not set, the standard OTLP variables.
    // With neither, telemetry is off.
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder, OptionalFeatures features)
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
                // With local authentication off on the Application Insights resource, only Entra tokens ingest.
                if (EntraCredential(builder.Configuration[AuthenticationKey], features) is { } credential)
                {
                    o.Credential = credential;
                }
            });
        }
        else telemetry.UseOtlpExporter();
        return builder;
    }

    public static TokenCredential? EntraCredential(string? authentication, OptionalFeatures features)
    {
        if (string.IsNullOrWhiteSpace(authentication)) return null;
        var parts = authentication.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var kind) || !kind.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            features.TurnOff("telemetryEntraSignIn", $"{AuthenticationKey} is not Authorization=AAD;ClientId=<guid>");
            return null;
        }
        if (!parts.TryGetValue("ClientId", out var clientId)) return new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
        if (Guid.TryParse(clientId, out _))
        {
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }
        features.TurnOff("telemetryEntraSignIn", $"{AuthenticationKey}'s ClientId is not a GUID");
        return null;
    }
}

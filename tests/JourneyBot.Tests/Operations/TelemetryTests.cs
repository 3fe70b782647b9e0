using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace JourneyBot.Tests.Operations;

// Telemetry leaves the process only when a destination is configured: Application Insights first, else OTLP.
public sealed class TelemetryTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData("InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/", null, true)]
    [InlineData(null, "http://127.0.0.1:9", true)]
    public async Task TracingIsOnExactlyWhenADestinationIsSet(string? applicationInsights, string? otlp, bool on)
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Storage"] = azurite.ConnectionString,
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = applicationInsights,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp,
        };
        await using var app = new BotApp(settings).Start();

        Assert.Equal(on, app.Services.GetService<TracerProvider>() is not null);
    }
}

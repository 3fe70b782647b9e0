using Azure.Identity;
using JourneyBot.Configuration;
using JourneyBot.Operations;

namespace JourneyBot.Tests.Operations;

// Entra-only ingestion (local authentication off on Application Insights): the exporter signs in as the
// managed identity named by Azure Monitor's documented variable; a malformed one turns only that off.
public sealed class TelemetrySignInTests
{
    [Fact]
    public void TheUserAssignedIdentityNamedInTheVariableSignsIn()
    {
        var features = new OptionalFeatures();

        var credential = Telemetry.EntraCredential(
            "Authorization=AAD;ClientId=5b0c8f0e-3f7a-4d9e-9a51-2f1a6c7d8e90", features);

        Assert.IsType<ManagedIdentityCredential>(credential);
        Assert.Empty(features.Off);
    }

    [Fact]
    public void NoVariableMeansTheConnectionStringsOwnKey()
    {
        var features = new OptionalFeatures();

        Assert.Null(Telemetry.EntraCredential(null, features));
        Assert.Null(Telemetry.EntraCredential("  ", features));
        Assert.Empty(features.Off);
    }

    [Theory]
    [InlineData("Authorization=Key")]
    [InlineData("ClientId=5b0c8f0e-3f7a-4d9e-9a51-2f1a6c7d8e90")]
    [InlineData("Authorization=AAD;ClientId=not-a-guid")]
    [InlineData("<script>")]
    public void AMalformedVariableTurnsOffOnlyEntraSignInAndSaysWhichSetting(string value)
    {
        var features = new OptionalFeatures();

        Assert.Null(Telemetry.EntraCredential(value, features));

        var why = Assert.Single(features.Off).Value;
        Assert.Contains(Telemetry.AuthenticationKey, why);
        Assert.DoesNotContain(value, why);
    }
}

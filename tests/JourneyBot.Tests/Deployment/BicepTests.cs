using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Deployment;

// The Bicep CLI from NuGet (infra/bicep.sh restores it): templates must build and lint with zero warnings.
public sealed class BicepTests
{
    [Theory]
    [InlineData("build", "infra/main.bicep")]
    [InlineData("lint", "infra/main.bicep")]
    [InlineData("build-params", "infra/main.bicepparam")]
    [InlineData("lint", "infra/main.bicepparam")]
    [InlineData("lint", "infra/alerts.bicep")]
    [InlineData("lint", "infra/guid.bicep")]
    [InlineData("lint", "infra/storage-ip.bicep")]
    public async Task InfrastructureCompilesAndLintsClean(string command, string file)
    {
        var arguments = command.StartsWith("build", StringComparison.Ordinal)
            ? new[] { "infra/bicep.sh", command, file, "--stdout" }
            : ["infra/bicep.sh", command, file];

        var result = await Tool.RunAsync("bash", arguments);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.DoesNotContain("Warning", result.Stderr);
        Assert.DoesNotContain("Error", result.Stderr);
        if (command.StartsWith("build", StringComparison.Ordinal)) Assert.Contains("Microsoft.BotService/botServices", result.Stdout);
    }
}

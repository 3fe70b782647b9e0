using System.Text.Json.Nodes;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Deployment;

// README's `adminIpRanges='["<ip>/32"]'` must deploy: the template writes /32 as the bare address Azure Storage takes.
public sealed class StorageIpRuleTests
{
    [Fact]
    public async Task AdminAddressesAreWrittenAsStorageAcceptsThem()
    {
        var result = await Tool.RunAsync("bash", "infra/bicep.sh", "build-params",
            "tests/JourneyBot.Tests/Deployment/Bicep/storage-ip.bicepparam", "--stdout");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.DoesNotContain("Warning", result.Stderr);
        var parameters = JsonNode.Parse(JsonNode.Parse(result.Stdout)!["parametersJson"]!.GetValue<string>())!;
        var rules = parameters["parameters"]!["rules"]!["value"]!.AsArray().Select(r => r!.GetValue<string>());
        Assert.Equal(["203.0.113.7", "203.0.113.7", "198.51.100.9", "203.0.113.0/24", "203.0.113.4/30"], rules);
    }
}

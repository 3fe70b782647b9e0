using System.Text.Json.Nodes;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Deployment;

// A mistyped id or tunable must stop the deployment with a sentence naming it, not deploy a bot that cannot start.
// What Bicep checks offline (types, lengths, allowed values) is run here through `bicep build-params`; the GUID shape
// is guid.bicep's isGuid, evaluated here too. Its pairing with fail() only runs in Azure, so what is tested of that is
// the template's wiring: every use of such a parameter goes through a checked variable that ARM evaluates up front.
public sealed class ParameterValidationTests
{
    [Fact]
    public async Task IsGuidAcceptsGuidsInEitherCaseAndNothingShapedOtherwise()
    {
        var result = await Tool.RunAsync("bash", "infra/bicep.sh", "build-params",
            "tests/JourneyBot.Tests/Deployment/Bicep/guid.bicepparam", "--stdout");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.DoesNotContain("Warning", result.Stderr);
        var parameters = JsonNode.Parse(JsonNode.Parse(result.Stdout)!["parametersJson"]!.GetValue<string>())!;
        var flags = parameters["parameters"]!["flags"]!["value"]!.AsArray().Select(f => f!.GetValue<bool>());
        // Lower and upper case GUIDs; the parameter file's placeholder, a non-hex digit, no hyphens, hyphens moved,
        // braces, a leading space, empty, prose.
        Assert.Equal([true, true, false, false, false, false, false, false, false, false], flags);
    }

    [Theory]
    [InlineData("botAppId", "checkedBotAppId")]
    [InlineData("teamsAppCatalogId", "checkedCatalogId")]
    [InlineData("helpUrl", "checkedHelpUrl")]
    [InlineData("schedulerLeaseSeconds", "checkedLeaseSeconds")]
    [InlineData("appServicePlanCapacity", "checkedCapacity")]
    public async Task EachCheckedParameterIsUsedOnlyThroughItsCheckWhichRunsBeforeAnyResource(
        string parameter, string check)
    {
        var template = await BuiltTemplate.MainAsync();
        var raw = $"parameters('{parameter}')";
        var expression = template["variables"]![check]!.GetValue<string>();

        Assert.Contains("fail('", expression);
        Assert.Contains(raw, expression);
        // Only parameters: ARM evaluates such a variable when it validates the template, before it deploys anything.
        Assert.DoesNotContain("reference(", expression);
        Assert.DoesNotContain(raw, template["resources"]!.ToJsonString());
        Assert.DoesNotContain(raw, template["outputs"]!.ToJsonString());
    }

    [Fact]
    public async Task IdsAreCheckedForTheirShapeAndTheOptionalCatalogIdOnlyWhenSet()
    {
        var variables = (await BuiltTemplate.MainAsync())["variables"]!;

        Assert.StartsWith("[if(__bicep.isGuid(parameters('botAppId'))",
            variables["checkedBotAppId"]!.GetValue<string>());
        Assert.StartsWith(
            "[if(or(empty(parameters('teamsAppCatalogId')), __bicep.isGuid(parameters('teamsAppCatalogId')))",
            variables["checkedCatalogId"]!.GetValue<string>());
    }

    [Fact]
    public async Task AWellFormedParameterFileBuilds()
    {
        var result = await BuildParamsAsync("param botAppId = '1fec8e78-bce4-4aaf-ab1b-5451cc387264'");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.DoesNotContain("Warning", result.Stderr);
    }

    [Theory]
    [InlineData("param botAppId = 'bot'", "botAppId", "BCP333")]
    [InlineData("param botAppId = '1fec8e78-bce4-4aaf-ab1b-5451cc387264-0'", "botAppId", "BCP332")]
    [InlineData("param botLocation = 'northeurope'", "botLocation", "BCP033")]
    [InlineData("param appServicePlanCapacity = 11", "appServicePlanCapacity", "BCP")]
    [InlineData("param storageSku = 'Premium_LRS'", "storageSku", "BCP033")]
    [InlineData("param schedulerParallelism = 0", "schedulerParallelism", "BCP")]
    [InlineData("param tenantSendsPerSecond = 5000", "tenantSendsPerSecond", "BCP")]
    [InlineData("param availabilityTestLocations = ['emea-nl-ams-azr', 'mars']", "availabilityTestLocations", "BCP")]
    public async Task ABadValueIsRefusedOfflineNamingItsLine(string line, string parameter, string code)
    {
        var body = line.StartsWith("param botAppId", StringComparison.Ordinal)
            ? line
            : "param botAppId = '1fec8e78-bce4-4aaf-ab1b-5451cc387264'\n" + line;

        var result = await BuildParamsAsync(body);

        Assert.NotEqual(0, result.ExitCode);
        // The file's first line is its `using`.
        var lineNumber = body.Split('\n').ToList()
            .FindIndex(l => l.StartsWith($"param {parameter} ", StringComparison.Ordinal)) + 2;
        Assert.Matches($@"\({lineNumber},\d+\) : Error {code}", result.Stderr);
    }

    // A parameter file for infra/main.bicep outside the repository, as an admin's own copy would be.
    private static async Task<ToolResult> BuildParamsAsync(string body)
    {
        var dir = Directory.CreateTempSubdirectory("journeybot-params-");
        try
        {
            var main = Path.GetRelativePath(dir.FullName, Path.Combine(RepoPaths.Root, "infra", "main.bicep"));
            var file = Path.Combine(dir.FullName, "env.bicepparam");
            await File.WriteAllTextAsync(file, $"using '{main.Replace('\\', '/')}'\n{body}\n");
            return await Tool.RunAsync("bash", "infra/bicep.sh", "build-params", file, "--stdout");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

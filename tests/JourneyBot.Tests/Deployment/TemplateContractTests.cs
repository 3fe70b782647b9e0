using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Deployment;

// What README's deployment steps and the app rely on in the template: the parameters and outputs the steps name
// exist, every redeploy comes from the environment's parameter file, every setting the code reads is either written by
// the template or documented with its default, and the identity model (one app registration, no secret) holds.
public sealed partial class TemplateContractTests
{
    [Fact]
    public async Task EveryParameterAndOutputTheReadmeNamesExists()
    {
        var template = await BuiltTemplate.MainAsync();
        var parameters = template["parameters"]!.AsObject().Select(p => p.Key).ToHashSet();
        var outputs = template["outputs"]!.AsObject().Select(o => o.Key).ToHashSet();
        var readme = BuiltTemplate.Readme();

        var placeholders = Placeholder().Matches(readme).Select(m => m.Groups["name"].Value).ToHashSet();
        // Values a command takes from the deployment's outputs, and outputs the text points to by name.
        string[] taken = ["webAppName", "webAppHostName", "identityPrincipalId", "federatedCredentialIssuer"];
        foreach (var output in taken)
        {
            Assert.Contains(output, outputs);
            Assert.Contains(output, placeholders);
        }
        foreach (var output in new[] { "mapSsoResource", "mapTabUrl" })
        {
            Assert.Contains(output, outputs);
            Assert.Contains($"`{output}`", readme);
        }
        var named = ParamLine().Matches(readme).Select(m => m.Groups["name"].Value).ToList();
        Assert.Contains("botAppId", named);
        Assert.Contains("teamsAppCatalogId", named);
        Assert.Contains("adminIpRanges", named);
        Assert.All(named, n => Assert.Contains(n, parameters));
    }

    [Fact]
    public void EveryDeploymentInTheReadmeComesFromTheEnvironmentsParameterFile()
    {
        var readme = BuiltTemplate.Readme();
        var deployments = DeploymentCommand().Matches(readme).Select(m => m.Value).ToList();

        Assert.NotEmpty(deployments);
        // A value given on the command line is forgotten by the next deployment, which App Service then wipes.
        Assert.All(deployments, d => Assert.Matches(@"-p @infra/env/[\w<>-]+\.parameters\.json", d));
        Assert.DoesNotMatch(@"-p [A-Za-z]+=", readme);
        Assert.Contains("infra/bicep.sh build-params infra/env/", readme);
    }

    [Fact]
    public async Task TheParameterFileToCopyNamesEveryParameterSoACopyHoldsEveryValue()
    {
        var template = await BuiltTemplate.MainAsync();
        var file = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "infra", "main.bicepparam"));
        var set = BicepParam().Matches(file).Select(m => m.Groups["name"].Value).ToHashSet();
        // Derived from the resource group unless someone has a reason: not a value to keep per environment.
        string[] derived = ["location", "nameSuffix"];

        var missing = template["parameters"]!.AsObject().Select(p => p.Key).Except(derived).Except(set).ToList();

        Assert.True(missing.Count == 0, $"infra/main.bicepparam does not set: {string.Join(", ", missing)}");
    }

    [Fact]
    public void ConfigurationDiscoveryFindsTheKeysItMustAndEveryReaderYieldsSome()
    {
        var byFile = ConfigurationKeys.ByFile(BuiltTemplate.Source());
        var keys = byFile.Values.SelectMany(k => k).ToHashSet();

        // A file that reads configuration in a way the discovery does not know would silently escape the checks below.
        Assert.All(byFile, f => Assert.True(f.Value.Count > 0,
            $"{f.Key} reads configuration; teach ConfigurationKeys how"));
        foreach (var key in new[]
        {
            "MicrosoftAppId", "ConnectionStrings:Storage", "AZURE_CLIENT_ID", "APPLICATIONINSIGHTS_CONNECTION_STRING",
            "Scheduler:TickSeconds", "Bot:TenantSendsPerSecond", "Bot:UnknownKeyRefetchCooldown", "Map:ClientId",
        })
        {
            Assert.Contains(key, keys);
        }
    }

    [Fact]
    public async Task EverySettingTheCodeReadsIsWrittenByTheTemplateOrDocumentedWithItsDefault()
    {
        var settings = BuiltTemplate.AppSettings(await BuiltTemplate.MainAsync());
        var documented = DocumentedSettings();
        var read = ConfigurationKeys.ByFile(BuiltTemplate.Source()).Values.SelectMany(k => k)
            .Select(ConfigurationKeys.AsSetting).ToHashSet(StringComparer.Ordinal);

        var neither = read.Where(k => !settings.ContainsKey(k) && !documented.Contains(k)).Order().ToList();

        Assert.True(neither.Count == 0,
            $"read by the code, in neither the template nor README's table: {string.Join(", ", neither)}");
    }

    [Fact]
    public async Task EveryAppSettingTheTemplateWritesIsReadByTheCodeAndDocumented()
    {
        var settings = BuiltTemplate.AppSettings(await BuiltTemplate.MainAsync());
        var read = ConfigurationKeys.ByFile(BuiltTemplate.Source()).Values.SelectMany(k => k)
            .Select(ConfigurationKeys.AsSetting).ToHashSet(StringComparer.Ordinal);
        var documented = DocumentedSettings();

        Assert.All(settings.Keys,
            s => Assert.True(read.Contains(s), $"no code reads {s}"));
        Assert.All(settings.Keys, s => Assert.True(documented.Contains(s), $"README's configuration table lacks {s}"));
    }

    [Fact]
    public async Task TheTunablesComeFromParametersNotFromTheTemplate()
    {
        var settings = BuiltTemplate.AppSettings(await BuiltTemplate.MainAsync());

        Assert.Contains("variables('checkedHelpUrl')", settings["Bot__HelpUrl"]);
        Assert.Contains("parameters('tenantSendsPerSecond')", settings["Bot__TenantSendsPerSecond"]);
        Assert.Contains("parameters('schedulerEnabled')", settings["Scheduler__Enabled"]);
        Assert.Contains("parameters('schedulerTickSeconds')", settings["Scheduler__TickSeconds"]);
        Assert.Contains("variables('checkedLeaseSeconds')", settings["Scheduler__LeaseSeconds"]);
        Assert.Contains("parameters('schedulerDrainSeconds')", settings["Scheduler__DrainSeconds"]);
        Assert.Contains("parameters('schedulerParallelism')", settings["Scheduler__Parallelism"]);
        Assert.Contains("variables('checkedCatalogId')", settings["Graph__TeamsAppId"]);
    }

    [Fact]
    public async Task OneAppRegistrationIsTheBotTheTabAudienceAndSignsInThroughTheManagedIdentity()
    {
        var template = await BuiltTemplate.MainAsync();
        var bot = BuiltTemplate.Single(template, "Microsoft.BotService/botServices")["properties"]!.AsObject();
        var settings = BuiltTemplate.AppSettings(template);
        const string appId = "[variables('checkedBotAppId')]";

        Assert.Equal("SingleTenant", bot["msaAppType"]!.GetValue<string>());
        Assert.Equal(appId, bot["msaAppId"]!.GetValue<string>());
        Assert.False(bot.ContainsKey("msaAppMSIResourceId"));
        Assert.Equal("SingleTenant", settings["MicrosoftAppType"]);
        Assert.Equal(appId, settings["MicrosoftAppId"]);
        Assert.Equal(appId, settings["Map__ClientId"]);
        Assert.Equal("[tenant().tenantId]", settings["MicrosoftAppTenantId"]);
        Assert.Matches(@"^\[reference\('identity'.*\)\.clientId\]$", settings["MicrosoftAppManagedIdentityClientId"]);
        Assert.Equal(settings["MicrosoftAppManagedIdentityClientId"], settings["AZURE_CLIENT_ID"]);
        Assert.False(settings.ContainsKey("MicrosoftAppPassword"));
        Assert.DoesNotContain("mapClientId", template["parameters"]!.AsObject().Select(p => p.Key));

        var outputs = template["outputs"]!.AsObject();
        Assert.Contains("environment().authentication.loginEndpoint", Value(outputs, "federatedCredentialIssuer"));
        Assert.Contains("tenant().tenantId", Value(outputs, "federatedCredentialIssuer"));
        Assert.Contains("/v2.0", Value(outputs, "federatedCredentialIssuer"));
        Assert.Contains("principalId", Value(outputs, "identityPrincipalId"));
        // api://<host>/<client id>: the form Entra's identifier-URI restrictions accept (botid-<id> they refuse).
        Assert.Matches(@"format\('api://\{0\}/\{1\}',.*variables\('checkedBotAppId'\)\)",
            Value(outputs, "mapSsoResource"));
    }

    [Fact]
    public async Task TheBotCanBeRegional()
    {
        var template = await BuiltTemplate.MainAsync();
        var location = template["parameters"]!["botLocation"]!.AsObject();

        Assert.Equal(["global", "westeurope", "centralindia"],
            location["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>()));
        foreach (var type in new[] { "Microsoft.BotService/botServices", "Microsoft.BotService/botServices/channels" })
        {
            var resource = BuiltTemplate.Single(template, type);
            Assert.Equal("[parameters('botLocation')]", resource["location"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task ProgramDataIsLockedAndItsRedundancyIsAParameter()
    {
        var template = await BuiltTemplate.MainAsync();
        var storage = BuiltTemplate.Single(template, "Microsoft.Storage/storageAccounts");
        var storageLock = BuiltTemplate.Single(template, "Microsoft.Authorization/locks");

        Assert.Equal("[parameters('storageSku')]", storage["sku"]!["name"]!.GetValue<string>());
        Assert.Equal(["Standard_LRS", "Standard_ZRS", "Standard_GRS", "Standard_GZRS"],
            template["parameters"]!["storageSku"]!["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("CanNotDelete", storageLock["properties"]!["level"]!.GetValue<string>());
        Assert.Equal("[parameters('storageDeleteLock')]", storageLock["condition"]!.GetValue<string>());
        Assert.Contains("storageAccounts", storageLock["scope"]!.GetValue<string>());
    }

    private static string Value(JsonObject outputs, string name) => outputs[name]!["value"]!.GetValue<string>();

    // The settings named in the first column of README's configuration table (the first table under "Configuration").
    private static HashSet<string> DocumentedSettings()
    {
        var readme = BuiltTemplate.Readme();
        var start = readme.IndexOf("\n## Configuration", StringComparison.Ordinal);
        var table = readme[start..].Split('\n').SkipWhile(l => !l.StartsWith("| setting", StringComparison.Ordinal))
            .TakeWhile(l => l.StartsWith('|'));
        return table.Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(l => Backticked().Matches(l.Split('|')[1]).Select(m => m.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"<(?<name>[A-Za-z]+)>")]
    private static partial Regex Placeholder();

    // "param x = …" lines README tells the admin to write in the parameter file.
    [GeneratedRegex(@"^param (?<name>\w+) =", RegexOptions.Multiline)]
    private static partial Regex ParamLine();

    [GeneratedRegex(@"^param (?<name>\w+) =", RegexOptions.Multiline)]
    private static partial Regex BicepParam();

    [GeneratedRegex(@"az deployment group create[^\n]*(?:\\\n[^\n]*)*")]
    private static partial Regex DeploymentCommand();

    [GeneratedRegex(@"`(?<name>[A-Za-z_][A-Za-z0-9_]*)`")]
    private static partial Regex Backticked();
}

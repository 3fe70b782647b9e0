using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace JourneyBot.Tests.Deployment;

// The alerts README promises exist in the built template, and the ones that read the app's own telemetry name what the
// code really emits: metric names, tags, the logger category and log texts are read from the source here, so a rename
// on either side breaks this test instead of silencing an alert.
public sealed partial class AlertTests
{
    private const string MetricAlert = "Microsoft.Insights/metricAlerts";
    private const string LogAlert = "Microsoft.Insights/scheduledQueryRules";

    [Fact]
    public async Task PlatformMetricAlertsWatchHealthCheck5xxExceptionsAndStorageThrottling()
    {
        var template = await BuiltTemplate.MainAsync();
        var criteria = BuiltTemplate.OfType(template, MetricAlert)
            .SelectMany(a => a["properties"]!["criteria"]!["allOf"]?.AsArray() ?? [])
            .Select(c => c!.AsObject()).ToList();
        JsonObject Criterion(string metric) => Assert.Single(criteria, c => Text(c["metricName"]) == metric);

        var health = Criterion("HealthCheckStatus");
        Assert.Equal("Microsoft.Web/sites", Text(health["metricNamespace"]));
        Assert.Equal("LessThan", Text(health["operator"]));
        Assert.Equal(100, health["threshold"]!.GetValue<int>());
        Assert.Equal("Microsoft.Web/sites", Text(Criterion("Http5xx")["metricNamespace"]));
        Assert.Equal("microsoft.insights/components", Text(Criterion("exceptions/count")["metricNamespace"]));

        var throttling = Criterion("Transactions");
        Assert.Equal("Microsoft.Storage/storageAccounts/tableServices", Text(throttling["metricNamespace"]));
        var responseType = Assert.Single(throttling["dimensions"]!.AsArray(), d => Text(d!["name"]) == "ResponseType")!;
        var responseTypes = responseType["values"]!.AsArray().Select(Text).ToList();
        Assert.Contains("ServerBusyError", responseTypes);
        Assert.Contains("ClientThrottlingError", responseTypes);
    }

    [Fact]
    public async Task AStandardAvailabilityTestProbesTheHealthEndpointTheAppServesAndHasAnAlert()
    {
        var template = await BuiltTemplate.MainAsync();
        var test = BuiltTemplate.Single(template, "Microsoft.Insights/webtests");
        var module = BuiltTemplate.Module(template, "alerts");
        var source = BuiltTemplate.SourceFile(Path.Combine("Storage", "StorageSetup.cs"));

        Assert.Equal("standard", test["kind"]!.GetValue<string>());
        Assert.Equal("[parameters('healthUrl')]", test["properties"]!["Request"]!["RequestUrl"]!.GetValue<string>());
        Assert.Equal(200, test["properties"]!["ValidationRules"]!["ExpectedHttpStatusCode"]!.GetValue<int>());
        Assert.Equal("[format('https://{0}/healthz', reference('webApp').defaultHostName)]",
            module["properties"]!["parameters"]!["healthUrl"]!["value"]!.GetValue<string>());
        Assert.Contains("MapGet(\"/healthz\"", source);
        Assert.Contains(BuiltTemplate.OfType(template, MetricAlert), a =>
            a["properties"]!["criteria"]!["odata.type"]!.GetValue<string>()
                == "Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria");
    }

    [Fact]
    public async Task FailedTurnsAlertOnAnyFaultInCodeAndOnARateOfDependencyFailures()
    {
        var queries = await LogQueriesAsync();
        var name = MetricName("Protocol/BotMetrics.cs", "FailedTurns");
        var recording = BuiltTemplate.SourceFile(Path.Combine("Protocol", "BotAdapter.cs")).Split('\n')
            .Single(l => l.Contains("BotMetrics.FailedTurns.Add(", StringComparison.Ordinal));

        Assert.Equal("journeybot.turns.failed", name);
        foreach (var cause in new[] { "code", "dependency" })
        {
            Assert.Contains($"\"{cause}\"", recording);
            Assert.Contains(queries, q => q.Contains($"where name == \"{name}\"", StringComparison.Ordinal)
                && q.Contains($"tostring(customDimensions[\"cause\"]) == \"{cause}\"", StringComparison.Ordinal));
        }
        Assert.Contains("{ \"cause\",", recording);
    }

    [Fact]
    public async Task SendsTheSchedulerCouldNotDeliverAreReadFromItsOwnLogs()
    {
        var query = Assert.Single(await LogQueriesAsync(), q => q.StartsWith("traces", StringComparison.Ordinal));
        var scheduler = BuiltTemplate.SourceFile(Path.Combine("Scheduling", "SendLifecycle.cs"));
        var category = Namespace().Match(scheduler).Groups["name"].Value + "."
            + ClassName().Match(scheduler).Groups["name"].Value;
        var templates = LoggerTemplates().Matches(scheduler)
            .ToDictionary(m => m.Groups["method"].Value, m => m.Groups["text"].Value);
        var phrases = Phrase().Matches(query).Select(m => m.Groups["text"].Value).ToList();

        Assert.Equal("JourneyBot.Scheduling.SendLifecycle", category);
        Assert.Contains($"tostring(customDimensions[\"CategoryName\"]) == \"{category}\"", query);
        // The give-up after the last attempt, and the send that left with no answer and is not sent again.
        foreach (var method in new[] { "LogGaveUp", "LogMayHaveArrived" })
        {
            Assert.Contains(phrases, p => templates[method].Contains(p, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task UnreachablePeopleAreCountedFromTheTableWritesThatRecordThem()
    {
        var template = await BuiltTemplate.MainAsync();
        var query = Assert.Single(await LogQueriesAsync(),
            q => q.StartsWith("StorageTableLogs", StringComparison.Ordinal));
        var prefix = ConstValue(BuiltTemplate.SourceFile(Path.Combine("Programs", "ProgramRows.cs")),
            "UnreachablePrefix");
        var table = ConstValue(BuiltTemplate.SourceFile(Path.Combine("Storage", "StorageTables.cs")), "ProgramsName");
        var recording = BuiltTemplate.SourceFile(Path.Combine("Outreach", "FollowUpStore.cs"));

        Assert.Contains($"contains \"{prefix.TrimEnd('|')}\"", query);
        Assert.Contains($"has \"{table}\"", query);
        // Upserts are InsertOrReplace or InsertOrMerge in the table service's log, depending on the mode.
        Assert.Matches(@"RecordUnreachableAsync[^;]*tables\.Programs\.UpsertEntityAsync", recording);
        Assert.Contains("\"InsertOrReplaceEntity\", \"InsertOrMergeEntity\"", query);
        var tableLogs = BuiltTemplate.OfType(template, "Microsoft.Insights/diagnosticSettings")
            .Single(d => d["scope"]!.GetValue<string>().Contains("tableServices", StringComparison.Ordinal));
        Assert.Contains(tableLogs["properties"]!["logs"]!.AsArray(), l => Text(l!["category"]) == "StorageWrite");
    }

    [Fact]
    public async Task EveryAlertNotifiesTheActionGroup()
    {
        var template = await BuiltTemplate.MainAsync();
        var group = BuiltTemplate.Single(template, "Microsoft.Insights/actionGroups");
        var metricAlerts = BuiltTemplate.OfType(template, MetricAlert).ToList();
        var logAlerts = BuiltTemplate.OfType(template, LogAlert).ToList();
        var module = BuiltTemplate.Module(template, "alerts");
        var variables = module["properties"]!["template"]!["variables"]!;
        // The rules name the group through a variable of the module.
        string Resolved(JsonNode node) =>
            node is JsonValue v && VariableReference().Match(v.GetValue<string>()) is { Success: true } m
                ? variables[m.Groups["name"].Value]!.ToJsonString()
                : node.ToJsonString();

        // One email receiver per address in the parameter file; none is still a valid group the rules can name.
        var receivers = Assert.Single(group["properties"]!["copy"]!.AsArray(),
            c => Text(c!["name"]) == "emailReceivers")!;
        Assert.Equal("[length(parameters('alertEmails'))]", Text(receivers["count"]));
        Assert.Equal(5, metricAlerts.Count);
        Assert.Equal(4, logAlerts.Count);
        Assert.All(metricAlerts.Concat(logAlerts),
            a => Assert.Contains("Microsoft.Insights/actionGroups", Resolved(a["properties"]!["actions"]!)));
    }

    [Fact]
    public async Task TelemetryCanBeEntraOnlyAndTheIdentityMayPublishIt()
    {
        var template = await BuiltTemplate.MainAsync();
        var insights = BuiltTemplate.Single(template, "Microsoft.Insights/components");
        var publisher = BuiltTemplate.OfType(template, "Microsoft.Authorization/roleAssignments")
            .Single(r => Text(r["properties"]!["roleDefinitionId"]).Contains("monitoringMetricsPublisherRoleId"));
        var publisherRole = template["variables"]!["monitoringMetricsPublisherRoleId"];

        Assert.Equal("3913510d-42f4-4e42-8a2e-5fba6c2eb2b9", Text(publisherRole));
        Assert.Equal("[parameters('telemetryEntraOnly')]", Text(insights["properties"]!["DisableLocalAuth"]));
        Assert.Contains("microsoft.insights/components", Text(publisher["scope"]), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("[reference('identity').principalId]", Text(publisher["properties"]!["principalId"]));
    }

    private static string Text(JsonNode? node) => node!.GetValue<string>();

    private static async Task<List<string>> LogQueriesAsync() =>
        BuiltTemplate.OfType(await BuiltTemplate.MainAsync(), LogAlert)
            .SelectMany(a => a["properties"]!["criteria"]!["allOf"]!.AsArray())
            .Select(c => c!["query"]!.GetValue<string>().Trim()).ToList();

    private static string MetricName(string file, string field)
    {
        var pattern = $@"\b{field} = Meter\.Create\w+<\w+>\(""(?<name>[^""]+)""";
        var match = Regex.Match(BuiltTemplate.SourceFile(file), pattern);
        Assert.True(match.Success, $"{field} is not created in {file}");
        return match.Groups["name"].Value;
    }

    private static string ConstValue(string source, string name)
    {
        var match = Regex.Match(source, $@"const string {name} = ""(?<value>[^""]+)""");
        Assert.True(match.Success, $"no const {name}");
        return match.Groups["value"].Value;
    }

    [GeneratedRegex(@"^namespace (?<name>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"\bclass (?<name>\w+)")]
    private static partial Regex ClassName();

    [GeneratedRegex(@"\[LoggerMessage\(LogLevel\.\w+, ""(?<text>[^""]+)""\)\]\s*private partial void (?<method>\w+)\(")]
    private static partial Regex LoggerTemplates();

    [GeneratedRegex(@"^\[variables\('(?<name>\w+)'\)\]$")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"message has ""(?<text>[^""]+)""")]
    private static partial Regex Phrase();
}

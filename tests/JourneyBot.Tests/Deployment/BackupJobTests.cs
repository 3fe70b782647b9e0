using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Deployment;

// The nightly backup as deployed: the WebJob that ships with the app runs the deployable's export into the backup
// container, and infra/backup-job.bicep (which makes that container unchangeable for the retention) builds and
// lints clean.
public sealed class BackupJobTests
{
    private static readonly string Job = Path.Combine(AppContext.BaseDirectory, "App_Data", "jobs", "triggered",
        "backup");

    [Theory]
    [InlineData("build")]
    [InlineData("lint")]
    public async Task TheBackupTemplateCompilesAndLintsClean(string command)
    {
        var arguments = command == "build"
            ? new[] { "infra/bicep.sh", command, "infra/backup-job.bicep", "--stdout" }
            : ["infra/bicep.sh", command, "infra/backup-job.bicep"];

        var result = await Tool.RunAsync("bash", arguments);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.DoesNotContain("Warning", result.Stderr);
        Assert.DoesNotContain("Error", result.Stderr);
        if (command != "build") return;
        Assert.Contains("blobServices/containers/immutabilityPolicies", result.Stdout);
        // Storage Blob Data Contributor, on the container only.
        Assert.Contains("ba92f5b4-2d11-453d-a403-e96b0029c9fe", result.Stdout);
    }

    // One deployment path: the container is a module of the main template, so a redeploy from the parameter file
    // keeps it, and README deploys nothing apart.
    [Fact]
    public async Task TheMainTemplateDeploysTheBackupContainerFromItsOwnParameters()
    {
        var template = await BuiltTemplate.MainAsync();
        var module = BuiltTemplate.Module(template, "backups");
        Assert.Equal("Microsoft.Resources/deployments", module["type"]!.GetValue<string>());
        var text = module.ToJsonString();
        Assert.Contains("blobServices/containers/immutabilityPolicies", text);
        var parameters = module["properties"]!["parameters"]!;
        Assert.Equal("[parameters('backupRetentionDays')]", parameters["retentionDays"]!["value"]!.GetValue<string>());
        Assert.Equal("[reference('identity').principalId]",
            parameters["identityPrincipalId"]!["value"]!.GetValue<string>());
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        Assert.DoesNotContain("-f infra/backup-job", readme);
    }

    [Fact]
    public void TheJobShipsWithTheAppAndRunsNightly()
    {
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(Job, "settings.job")))!;
        // App Service's NCRONTAB: six fields, seconds first.
        Assert.Equal(6, settings["schedule"]!.GetValue<string>().Split(' ').Length);
        Assert.True(File.Exists(Path.Combine(Job, "run.sh")));
    }

    [Theory]
    [InlineData("https://stjb123.table.core.windows.net/", "",
        "https://stjb123.blob.core.windows.net/journeybot-backups/")]
    [InlineData("https://stjb123.table.core.windows.net/", "https://other.blob.core.windows.net/kept/",
        "https://other.blob.core.windows.net/kept/")]
    public async Task TheJobExportsEverythingToTheContainerBesideTheTables(string tables, string url, string expected)
    {
        var (app, bin) = FakeDotnet();

        var result = await RunJobAsync(app, bin, tables, url);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal($"{app} JourneyBot.dll export --all --out {expected}", result.Stdout.Trim());
    }

    [Fact]
    public async Task WithoutATableEndpointOrABackupUrlTheJobSaysWhatToSet()
    {
        var (app, bin) = FakeDotnet();

        var result = await RunJobAsync(app, bin, "UseDevelopmentStorage=true", "");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("set Backup__Url", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    private static Task<ToolResult> RunJobAsync(string app, string bin, string tables, string url) =>
        Tool.RunAsync("env", $"PATH={bin}:/usr/bin:/bin", $"ConnectionStrings__Storage={tables}",
            $"Backup__Url={url}", $"JOURNEYBOT_APP={app}", "bash", Path.Combine(Job, "run.sh"));

    // A `dotnet` that prints where it ran and what it was asked.
    private static (string App, string Bin) FakeDotnet()
    {
        var root = Directory.CreateTempSubdirectory("journeybot-job-").FullName;
        var bin = Directory.CreateDirectory(Path.Combine(root, "bin")).FullName;
        var app = Directory.CreateDirectory(Path.Combine(root, "app")).FullName;
        var dotnet = Path.Combine(bin, "dotnet");
        File.WriteAllText(dotnet, "#!/bin/bash\necho \"$PWD $*\"\n");
        // The job is a bash script for App Service on Linux; so is this test.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return (app, bin);
    }
}

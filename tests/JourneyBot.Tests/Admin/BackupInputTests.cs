using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using JourneyBot.Domain;
using JourneyBot.Storage;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Admin;

// What a backup job and a restore meet beside the happy path: a reader role, an account with no tables yet, a file
// cut short or damaged, a tenant that is not there. A bad file is refused whole, before anything is written.
public sealed class BackupInputTests : IAsyncLifetime
{
    private AzuriteServer _azurite = null!;
    private readonly string _dir = Directory.CreateTempSubdirectory("journeybot-backup-input-").FullName;
    private const string Tenant = "tenant-in";

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        var program = SamplePrograms.Full() with { Id = "p" + Guid.NewGuid().ToString("N") };
        var file = Path.Combine(_dir, "program.json");
        await File.WriteAllTextAsync(file, ProgramFile.Write(program));
        var imported = await BackupLines.RunAsync(_azurite.ConnectionString, "import", file, "--tenant", Tenant);
        Assert.True(imported.ExitCode == 0, imported.Stderr);
        // Beside what import writes: a person's conversation, the connector it trusts, and a map snapshot.
        var service = new TableServiceClient(_azurite.ConnectionString);
        await service.GetTableClient("Conversations").AddEntityAsync(new TableEntity($"t:{Tenant}", "u:aad-1")
        {
            ["ServiceUrl"] = "https://smba.trafficmanager.net/emea/", ["Active"] = true,
        });
        await service.GetTableClient("ServiceUrls").AddEntityAsync(new TableEntity("trusted",
            ServiceUrlTrustStore.RowKeyFor("https://smba.trafficmanager.net/emea/"))
        {
            ["ServiceUrl"] = "https://smba.trafficmanager.net/emea/",
        });
        var snapshots = program.Id + "|snapshots";
        await service.GetTableClient("Programs").AddEntityAsync(
            new TableEntity(snapshots, "chunk|r-r1|w1|000") { ["Data"] = new byte[] { 1, 2, 3 } });
        await service.GetTableClient("Programs").AddEntityAsync(
            new TableEntity(snapshots, "head|r-r1") { ["WriteId"] = "w1", ["Chunks"] = 1 });
    }

    public async Task DisposeAsync()
    {
        await _azurite.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private string Folder() => Directory.CreateDirectory(Path.Combine(_dir, Guid.NewGuid().ToString("N"))).FullName;

    // A backup job runs export with the Storage Table Data Reader role: it sends nothing but reads.
    [Fact]
    public async Task ExportSendsOnlyReadsAndWorksWhereNoTableExists()
    {
        await using var readOnly = await StorageProxy.StartAsync(_azurite, StorageProxy.AnythingButReads);
        await using var empty = await AzuriteServer.StartAsync();

        var direct = await BackupLines.ExportAsync(_azurite.ConnectionString, Folder());
        var throughReader = await BackupLines.ExportAsync(readOnly.ConnectionString(_azurite), Folder());
        var ofNothing = await BackupLines.ExportAsync(empty.ConnectionString, Folder());
        var noTenant = await BackupLines.RunAsync(empty.ConnectionString, "export", "--all", "--tenant", "t-none",
            "--out", Folder());

        Assert.Empty(readOnly.Refused);
        Assert.All(readOnly.Requests, r => Assert.StartsWith("GET ", r));
        Assert.Equal(await BackupLines.RowsAsync(direct), await BackupLines.RowsAsync(throughReader));
        Assert.Contains((await BackupLines.RowsAsync(direct)), r => r.Contains("\"table\":\"Schedule\""));
        Assert.Empty(await BackupLines.RowsAsync(ofNothing));
        Assert.Equal(2, noTenant.ExitCode);
        Assert.Contains("No tenant 't-none' in this storage", noTenant.Stderr);
        // Not even a missing table was created.
        Assert.Empty(await BackupLines.EveryRowAsync(empty.ConnectionString));
    }

    public static TheoryData<string> Damage => new()
    {
        "cut-after-a-row", "cut-in-a-row", "changed-text", "bad-type", "bad-base64", "gzip-cut", "not-a-backup",
        "empty", "duplicate-row", "another-tenants-row",
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public async Task ADamagedBackupIsRefusedNamingWhatIsWrongAndNothingIsWritten(string damage)
    {
        var good = await BackupLines.ExportAsync(_azurite.ConnectionString, Folder(), "--tenant", Tenant);
        var text = await BackupLines.TextAsync(good);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var file = Path.Combine(_dir, damage + ".ndjson");
        string? expected;
        switch (damage)
        {
            case "cut-after-a-row":
                await File.WriteAllLinesAsync(file, lines[..^1]);
                expected = "the file is cut short";
                break;
            case "cut-in-a-row":
                await File.WriteAllTextAsync(file, text[..(text.Length * 2 / 3)]);
                expected = "is not a JSON object (the file is cut short or damaged)";
                break;
            case "changed-text":
                await File.WriteAllTextAsync(file, text.Replace("Olivia Owner", "Olivia Other"));
                expected = "the checksum does not match";
                break;
            case "bad-type":
                await File.WriteAllTextAsync(file, text.Replace("\"type\":\"Int32\"", "\"type\":\"Boolean\""));
                expected = "has no valid value of type Boolean";
                break;
            case "bad-base64":
                await File.WriteAllTextAsync(file, ReplaceFirstBinary(text));
                expected = "has no valid value of type Binary";
                break;
            case "gzip-cut":
                file += ".gz";
                var bytes = await File.ReadAllBytesAsync(good);
                await File.WriteAllBytesAsync(file, bytes[..(bytes.Length / 2)]);
                expected = null;
                break;
            case "not-a-backup":
                await File.WriteAllTextAsync(file, ProgramFile.Write(SamplePrograms.Full()));
                expected = "not a JourneyBot backup";
                break;
            case "empty":
                await File.WriteAllTextAsync(file, "");
                expected = "the file is empty";
                break;
            case "duplicate-row":
                await File.WriteAllLinesAsync(file, [lines[0], lines[1], .. lines[1..]]);
                expected = "appears twice";
                break;
            default:
                var other = lines[1].Replace($"t:{Tenant}", "t:tenant-other");
                Assert.NotEqual(lines[1], other);
                await File.WriteAllLinesAsync(file, [lines[0], other, .. lines[2..]]);
                expected = "row of another tenant in a backup of tenant 'tenant-in'";
                break;
        }
        await using var target = await AzuriteServer.StartAsync();

        var restore = await BackupLines.RunAsync(target.ConnectionString, "import", "--replace", file);

        Assert.Equal(2, restore.ExitCode);
        Assert.Contains(file, restore.Stderr);
        Assert.Contains("Nothing was restored.", restore.Stderr);
        if (expected is not null) Assert.Contains(expected, restore.Stderr);
        Assert.Empty(await BackupLines.EveryRowAsync(target.ConnectionString));
    }

    [Fact]
    public async Task AnUnknownTenantOrAProgramOfAnotherTenantStopsTheRestoreBeforeAnythingIsWritten()
    {
        var whole = await BackupLines.ExportAsync(_azurite.ConnectionString, Folder());
        var mine = await BackupLines.ExportAsync(_azurite.ConnectionString, Folder(), "--tenant", Tenant);
        await using var target = await AzuriteServer.StartAsync();
        var before = await BackupLines.EveryRowAsync(target.ConnectionString);
        // The same program id, owned here by another tenant.
        var taken = SamplePrograms.Full() with { Id = ProgramIdIn(await BackupLines.RowsAsync(mine)) };
        var file = Path.Combine(_dir, "taken.json");
        await File.WriteAllTextAsync(file, ProgramFile.Write(taken));
        await using var owned = await AzuriteServer.StartAsync();
        var imported = await BackupLines.RunAsync(owned.ConnectionString, "import", file, "--tenant", "t-x");
        Assert.Equal(0, imported.ExitCode);
        var ownedBefore = await BackupLines.EveryRowAsync(owned.ConnectionString);

        Task<ToolResult> Restore(params string[] args) =>
            BackupLines.RunAsync(target.ConnectionString, ["import", "--replace", .. args]);
        var unknown = await Restore(whole, "--tenant", "t-no");
        var wrong = await Restore(mine, "--tenant", "t-no");
        var missing = await Restore("/no/such.ndjson");
        var program = await Restore(mine, "--program", "p");
        var takeover = await BackupLines.RunAsync(owned.ConnectionString, "import", "--replace", mine);

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("The backup holds nothing of tenant 't-no'. Nothing was restored.", unknown.Stderr);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains($"this is a backup of tenant '{Tenant}', not of tenant 't-no'", wrong.Stderr);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file", missing.Stderr);
        Assert.Equal(2, program.ExitCode);
        Assert.Equal(before, await BackupLines.EveryRowAsync(target.ConnectionString));
        Assert.Equal(2, takeover.ExitCode);
        Assert.Contains($"Program '{taken.Id}' belongs to tenant 't-x' in this storage", takeover.Stderr);
        Assert.Equal(ownedBefore, await BackupLines.EveryRowAsync(owned.ConnectionString));
    }

    // A scheduled job writes its backups to a blob container and a restore reads one from there.
    [Fact]
    public async Task ABackupGoesToABlobContainerWholeNeverOverAnotherAndIsRestoredFromIt()
    {
        var container = new BlobContainerClient(_azurite.BlobConnectionString, "backups",
            new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06));
        await container.CreateIfNotExistsAsync();
        var sas = container.GenerateSasUri(BlobContainerSasPermissions.Read | BlobContainerSasPermissions.Create
            | BlobContainerSasPermissions.Write | BlobContainerSasPermissions.List, DateTimeOffset.UtcNow.AddHours(1));
        string Url(string path) => new UriBuilder(sas) { Path = sas.AbsolutePath + "/" + path }.Uri.ToString();
        var storage = _azurite.ConnectionString;

        var nightly = await BackupLines.RunAsync(storage, "export", "--all", "--tenant", Tenant,
            "--out", Url("nightly/"));
        var named = await BackupLines.RunAsync(storage, "export", "--all", "--out", Url("fixed.ndjson.gz"));
        var again = await BackupLines.RunAsync(storage, "export", "--all", "--out", Url("fixed.ndjson.gz"));

        Assert.True(nightly.ExitCode == 0, nightly.Stderr);
        Assert.DoesNotContain("sig=", nightly.Stdout);
        var blob = Assert.Single(
            container.GetBlobs(BlobTraits.None, BlobStates.None, "nightly/", CancellationToken.None));
        Assert.Matches(@"^nightly/journeybot-backup-\d{8}T\d{6}Z-tenant-in\.ndjson\.gz$", blob.Name);
        Assert.True(named.ExitCode == 0, named.Stderr);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("exists already; nothing was overwritten", again.Stderr);
        var local = Path.Combine(_dir, "from-blob.ndjson.gz");
        await container.GetBlobClient(blob.Name).DownloadToAsync(local);

        await using var target = await AzuriteServer.StartAsync();
        var restored = await BackupLines.RunAsync(target.ConnectionString, "import", "--replace", Url(blob.Name));
        var missing = await BackupLines.RunAsync(target.ConnectionString, "import", "--replace", Url("no/such.gz"));

        Assert.True(restored.ExitCode == 0, restored.Stderr);
        var back = await BackupLines.ExportAsync(target.ConnectionString, Folder(), "--tenant", Tenant);
        Assert.Equal(await BackupLines.RowsAsync(local), await BackupLines.RowsAsync(back));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such blob. Nothing was restored.", missing.Stderr);
        Assert.DoesNotContain("sig=", missing.Stderr);
    }

    private static string ProgramIdIn(IEnumerable<string> rows)
    {
        var charter = rows.First(r => r.Contains("\"table\":\"Programs\"") && r.Contains("\"rk\":\"program\""));
        return System.Text.Json.Nodes.JsonNode.Parse(charter)!["pk"]!.GetValue<string>();
    }

    private static string ReplaceFirstBinary(string text)
    {
        const string marker = "\"type\":\"Binary\",\"value\":\"";
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at > 0, "the backup should hold a binary property (a map snapshot chunk)");
        return text[..(at + marker.Length)] + "*not base64*" + text[(at + marker.Length)..];
    }
}

using JourneyBot.Domain;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Admin;

// `JourneyBot import` and `export` as an administrator runs them: the deployable, against real storage.
public sealed class ProgramTransferTests : IAsyncLifetime
{
    private AzuriteServer _azurite = null!;
    private readonly string _dir = Directory.CreateTempSubdirectory("journeybot-transfer-").FullName;

    public async Task InitializeAsync() => _azurite = await AzuriteServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _azurite.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var result = await Tool.RunAppAsync(new Dictionary<string, string> { ["ConnectionStrings__Storage"] = _azurite.ConnectionString }, args);
        return (result.ExitCode, result.Stdout, result.Stderr);
    }

    [Fact]
    public async Task ImportThenExportKeepsEverything()
    {
        var program = SamplePrograms.Full() with { Id = "p" + Guid.NewGuid().ToString("N") };
        var file = Path.Combine(_dir, "program.json");
        await File.WriteAllTextAsync(file, ProgramFile.Write(program));

        var imported = await RunAsync("import", file, "--tenant", "tenant-b");
        var exported = await RunAsync("export", "--tenant", "tenant-b", "--program", program.Id);

        Assert.True(imported.Code == 0, imported.Err);
        Assert.Contains("1 actions", imported.Out.Replace("1 actions", "1 actions"));
        Assert.True(exported.Code == 0, exported.Err);
        Assert.Equal(ProgramFile.Write(program with { TenantId = "tenant-b" }), exported.Out.TrimEnd());
    }

    [Fact]
    public async Task ListShowsTheTenantsProgramsAndNoOtherTenants()
    {
        var tenant = "tenant-" + Guid.NewGuid().ToString("N")[..8];
        var mine = new[] { SamplePrograms.Full() with { Id = "pa" + Guid.NewGuid().ToString("N") }, SamplePrograms.Full() with { Id = "pb" + Guid.NewGuid().ToString("N") } };
        var theirs = SamplePrograms.Full() with { Id = "pc" + Guid.NewGuid().ToString("N") };
        foreach (var (program, owner) in mine.Select(p => (p, tenant)).Append((theirs, "tenant-other")))
        {
            var file = Path.Combine(_dir, program.Id + ".json");
            await File.WriteAllTextAsync(file, ProgramFile.Write(program));
            Assert.Equal(0, (await RunAsync("import", file, "--tenant", owner)).Code);
        }

        var listed = await RunAsync("list", "--tenant", tenant);

        Assert.True(listed.Code == 0, listed.Err);
        Assert.All(mine, p => Assert.Contains($"{p.Id}\t{p.Charter.Name}\t", listed.Out));
        Assert.DoesNotContain(theirs.Id, listed.Out);
        Assert.Contains($"2 program(s) in tenant '{tenant}'.", listed.Out);
    }

    // A backup job runs export with the Storage Table Data Reader role: list and export never create a table.
    [Fact]
    public async Task ListAndExportOnlyRead()
    {
        await using var empty = await AzuriteServer.StartAsync();
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Storage"] = empty.ConnectionString };

        var listed = await Tool.RunAppAsync(environment, "list", "--tenant", "t1");
        var exported = await Tool.RunAppAsync(environment, "export", "--tenant", "t1", "--program", "p1");

        Assert.True(listed.ExitCode == 0, listed.Stderr);
        Assert.Contains("0 program(s) in tenant 't1'.", listed.Stdout);
        Assert.Equal(2, exported.ExitCode);
        Assert.Contains("No program 'p1'", exported.Stderr);
        var tables = new List<string>();
        await foreach (var table in new Azure.Data.Tables.TableServiceClient(empty.ConnectionString).QueryAsync()) tables.Add(table.Name);
        Assert.Empty(tables);
    }

    // progressUpdates as format-2 files had them before cards had ids: one record per sponsor per card.
    private static string OlderFormatTwo(JourneyProgram program)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(ProgramFile.Write(program))!;
        json["program"]!["progressUpdates"] = System.Text.Json.Nodes.JsonNode.Parse("""
            [{ "sponsorAadObjectId": "sponsor-1", "sentOn": "2026-10-01", "acknowledgedOn": "2026-10-02" },
             { "sponsorAadObjectId": "sponsor-2", "sentOn": "2026-10-01" }]
            """);
        return json.ToJsonString();
    }

    [Fact]
    public async Task AnOlderFormatTwoFileImportsAndExportsAsOneRowPerCard()
    {
        var program = SamplePrograms.Full() with { Id = "p" + Guid.NewGuid().ToString("N") };
        var file = Path.Combine(_dir, "older.json");
        await File.WriteAllTextAsync(file, OlderFormatTwo(program));

        var imported = await RunAsync("import", file, "--tenant", "tenant-e");
        var exported = await RunAsync("export", "--tenant", "tenant-e", "--program", program.Id);

        Assert.True(imported.Code == 0, imported.Err);
        var card = Assert.Single(ProgramFile.Read(exported.Out).ProgressUpdates);
        Assert.Equal("sent-20261001", card.Id);
        Assert.Equal(["sponsor-1", "sponsor-2"], card.SentTo);
        Assert.Equal([new Acknowledgement("sponsor-1", new DateOnly(2026, 10, 2))], card.Acknowledgements);
        Assert.DoesNotContain("acknowledgedOn", exported.Out);
    }

    [Fact]
    public async Task UpgradeRewritesAnOlderFileAsExportWritesItAndLeavesACurrentOneAlone()
    {
        var program = SamplePrograms.Full();
        var file = Path.Combine(_dir, "upgrade.json");
        await File.WriteAllTextAsync(file, OlderFormatTwo(program));

        var first = await RunAsync("upgrade", file);
        var upgraded = await File.ReadAllTextAsync(file);
        var second = await RunAsync("upgrade", file);

        Assert.True(first.Code == 0, first.Err);
        Assert.Contains("upgraded to journeybot-program/2", first.Out);
        Assert.Equal(ProgramFile.Write(ProgramFile.Read(OlderFormatTwo(program))) + "\n", upgraded);
        Assert.Contains("already in journeybot-program/2", second.Out);
        Assert.Equal(upgraded, await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task ImportRefusesToOverwriteAndExportRefusesOtherTenants()
    {
        var program = SamplePrograms.Full() with { Id = "p" + Guid.NewGuid().ToString("N") };
        var file = Path.Combine(_dir, "again.json");
        await File.WriteAllTextAsync(file, ProgramFile.Write(program));
        Assert.Equal(0, (await RunAsync("import", file, "--tenant", "tenant-c")).Code);

        var again = await RunAsync("import", file, "--tenant", "tenant-c");
        var otherTenant = await RunAsync("export", "--tenant", "tenant-d", "--program", program.Id);

        Assert.Equal(2, again.Code);
        Assert.Contains("already exists", again.Err);
        Assert.Equal(2, otherTenant.Code);
        Assert.Contains("No program", otherTenant.Err);
        Assert.Empty(otherTenant.Out);
    }

    [Fact]
    public async Task AnInvalidFileIsRefusedNamingTheFieldAndNothingIsWritten()
    {
        var program = SamplePrograms.Full() with { Id = "p" + Guid.NewGuid().ToString("N") };
        var json = ProgramFile.Write(program).Replace("\"emotion\": -2", "\"emotion\": 7");
        var file = Path.Combine(_dir, "bad.json");
        await File.WriteAllTextAsync(file, json);

        var result = await RunAsync("import", file, "--tenant", "tenant-e");

        Assert.Equal(2, result.Code);
        Assert.Contains("touchpoints[0].emotion", result.Err);
        Assert.Equal(2, (await RunAsync("export", "--tenant", "tenant-e", "--program", program.Id)).Code);
    }
}

using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Admin;

// `JourneyBot delete-program` as an administrator runs it, against real storage: nothing keyed by the program
// remains in any table, and the tenant's other program is untouched.
public sealed class ProgramDeletionTests : IAsyncLifetime
{
    private AzuriteServer _azurite = null!;
    private readonly string _dir = Directory.CreateTempSubdirectory("journeybot-delete-").FullName;

    public async Task InitializeAsync() => _azurite = await AzuriteServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _azurite.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var result = await Tool.RunAppAsync(
            new Dictionary<string, string> { ["ConnectionStrings__Storage"] = _azurite.ConnectionString }, args);
        return (result.ExitCode, result.Stdout, result.Stderr);
    }

    private async Task<JourneyProgram> ImportAsync(string tenant)
    {
        var program = SamplePrograms.Full()
            with { Id = "p" + Guid.NewGuid().ToString("N"), CollectionOpenedOn = SamplePrograms.AsOf };
        var file = Path.Combine(_dir, program.Id + ".json");
        await File.WriteAllTextAsync(file, ProgramFile.Write(program));
        var imported = await RunAsync("import", file, "--tenant", tenant);
        Assert.True(imported.Code == 0, imported.Err);
        return program;
    }

    // Every property of every row of every table, as text.
    private Task<List<string>> EveryRowAsync() => TableScan.EveryRowAsync(_azurite.ConnectionString);

    [Fact]
    public async Task NothingOfTheProgramRemainsAndTheOtherProgramIsUntouched()
    {
        var doomed = await ImportAsync("tenant-d");
        var kept = await ImportAsync("tenant-d");
        var service = new TableServiceClient(_azurite.ConnectionString);
        // A map snapshot, a planned marker and one person's digest with a nudge from each program.
        await service.GetTableClient("Programs").AddEntityAsync(
            new TableEntity(doomed.Id + "|snapshots", "head|r-1") { ["Chunks"] = 1 });
        await service.GetTableClient("Programs").AddEntityAsync(new TableEntity(doomed.Id + "|planned", "planned|k1"));
        var digest = $$$"""{"entries":[{"key":"a","kind":"reviewDue","programId":"{{{doomed.Id}}}","programName":"Doomed","text":"Review","recipient":{"aadObjectId":"u1","displayName":"U"}},{"key":"b","kind":"reviewDue","programId":"{{{kept.Id}}}","programName":"Kept","text":"Review","recipient":{"aadObjectId":"u1","displayName":"U"}}]}""";
        await service.GetTableClient("Schedule").AddEntityAsync(
            new TableEntity("due|202612031000", "0000digest|t|u1|20261203")
            {
                ["Kind"] = "digest", ["Payload"] = digest
            });
        Assert.Contains(await EveryRowAsync(), r => r.Contains(doomed.Id));

        var deleted = await RunAsync("delete-program", "--tenant", "tenant-d", "--program", doomed.Id);

        Assert.True(deleted.Code == 0, deleted.Err);
        Assert.Contains($"Deleted program '{doomed.Id}'", deleted.Out);
        var rows = await EveryRowAsync();
        Assert.DoesNotContain(rows, r => r.Contains(doomed.Id));
        Assert.Contains(rows, r => r.StartsWith($"Programs/{kept.Id}/program/", StringComparison.Ordinal));
        Assert.Contains(rows, r =>
            r.StartsWith("Schedule/due|202612031000/", StringComparison.Ordinal) && r.Contains(kept.Id));
        var exported = await RunAsync("export", "--tenant", "tenant-d", "--program", kept.Id);
        Assert.Equal(ProgramFile.Write(kept with { TenantId = "tenant-d" }), exported.Out.TrimEnd());
    }

    [Fact]
    public async Task AnUnknownProgramOrAnotherTenantsSaysSoAndDeletesNothing()
    {
        var program = await ImportAsync("tenant-e");
        var before = await EveryRowAsync();

        var unknown = await RunAsync("delete-program", "--tenant", "tenant-e", "--program", "p-nope");
        var otherTenant = await RunAsync("delete-program", "--tenant", "tenant-x", "--program", program.Id);
        var missing = await RunAsync("delete-program", "--tenant", "tenant-e");

        Assert.Equal(2, unknown.Code);
        Assert.Contains("No program 'p-nope' in tenant 'tenant-e'. Nothing was deleted.", unknown.Err);
        Assert.Equal(2, otherTenant.Code);
        Assert.Equal(2, missing.Code);
        Assert.Equal(before.Order(), (await EveryRowAsync()).Order());
    }
}

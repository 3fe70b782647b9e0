using Azure.Core;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Touchpoints;
using JourneyBot.Storage;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Programs;

public sealed class ProgramStoreTests : IAsyncLifetime
{
    private AzuriteServer _azurite = null!;
    private StorageMetrics _requests = null!;
    private StorageTables _tables = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        _tables = NewTables(out _requests);
        foreach (var name in StorageTables.All) await _tables.Service.CreateTableIfNotExistsAsync(name);
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    // Its own request counter, so other tests running at the same time do not skew the figures.
    private StorageTables NewTables(out StorageMetrics requests)
    {
        var options = new TableClientOptions();
        requests = new StorageMetrics();
        options.AddPolicy(requests, HttpPipelinePosition.PerRetry);
        return new StorageTables(new TableServiceClient(_azurite.ConnectionString, options));
    }

    private static JourneyProgram NewProgram(int departments = 3) => SamplePrograms.Program(SamplePrograms.CompleteCharter(stages: 4, departments: departments, personas: 2)) with
    {
        Id = "p" + Guid.NewGuid().ToString("N"),
        TenantId = "tenant-" + Guid.NewGuid().ToString("N")[..8],
    };

    [Fact]
    public async Task AnImportedProgramLoadsBackWhole()
    {
        var store = new ProgramStore(_tables, new MembershipStore(_tables), TimeProvider.System);
        var program = SamplePrograms.Full() with { Id = "p" + Guid.NewGuid().ToString("N") };

        await store.ImportAsync(program, CancellationToken.None);
        var loaded = await store.LoadAsync(program.TenantId, program.Id, CancellationToken.None);

        Assert.Equal(ProgramFile.Write(program), ProgramFile.Write(loaded!));
        var counts = await store.LoadCountsAsync(program.TenantId, program.Id, CancellationToken.None);
        Assert.Equal(1, counts.Total);
        Assert.Equal(1, counts.Cells[("s2", "d2")]);
    }

    [Fact]
    public async Task AnotherTenantCannotReadAProgramEvenWithItsId()
    {
        var store = new ProgramStore(_tables, new MembershipStore(_tables), TimeProvider.System);
        var program = NewProgram();
        await store.ImportAsync(program, CancellationToken.None);

        Assert.Null(await store.LoadAsync("another-tenant", program.Id, CancellationToken.None));
        Assert.NotNull(await store.LoadAsync(program.TenantId, program.Id, CancellationToken.None));
    }

    [Fact]
    public async Task ImportingOverAnExistingProgramIsRefusedAndChangesNothing()
    {
        var store = new ProgramStore(_tables, new MembershipStore(_tables), TimeProvider.System);
        var program = NewProgram();
        await store.ImportAsync(program, CancellationToken.None);

        await Assert.ThrowsAsync<ProgramExistsException>(() => store.ImportAsync(program with { Charter = program.Charter with { Name = "Overwritten" } }, CancellationToken.None));

        Assert.Equal(program.Charter.Name, (await store.LoadAsync(program.TenantId, program.Id, CancellationToken.None))!.Charter.Name);
    }

    [Fact]
    public async Task ManyContributorsAddingAtOnceLeaveExactCountsInAtMostTwoTransactionsEach()
    {
        var store = new ProgramStore(_tables, new MembershipStore(_tables), TimeProvider.System);
        var program = NewProgram();
        await store.ImportAsync(program, CancellationToken.None);
        var before = _requests.Count;

        // Three departments with three people each, all at once; each person adds their share one after another,
        // as a person does. 50 touchpoints per department, spread over four stages.
        var people = Enumerable.Range(0, 9).Select(async person =>
        {
            var department = $"d{person % 3 + 1}";
            foreach (var i in Enumerable.Range(0, 150).Where(i => i % 9 == person))
            {
                var touchpoint = SamplePrograms.Touchpoint(i, stage: $"s{i % 4 + 1}", department: department, by: SamplePrograms.PersonNo(person)) with { Id = $"t{i}" };
                Assert.NotNull(await new TouchpointStore(_tables).AddAsync(program.Id, touchpoint, CancellationToken.None));
            }
        });
        await Task.WhenAll(people);
        var transactions = _requests.Count - before;

        var counts = await store.LoadCountsAsync(program.TenantId, program.Id, CancellationToken.None);
        var loaded = await store.LoadAsync(program.TenantId, program.Id, CancellationToken.None);
        Assert.Equal(150, counts.Total);
        Assert.Equal(150, loaded!.Touchpoints.Count);
        foreach (var group in loaded.Touchpoints.GroupBy(t => (t.StageId, t.DepartmentId)))
        {
            Assert.Equal(group.Count(), counts.Cells[group.Key]);
        }
        Assert.All(Enumerable.Range(1, 3), d => Assert.Equal(50, loaded.Touchpoints.Count(t => t.DepartmentId == $"d{d}")));
        Assert.True(transactions <= 2 * 150, $"{transactions} table transactions for 150 touchpoints");
    }

    [Fact]
    public async Task ADoubleClickedSubmitCreatesOneTouchpoint()
    {
        var store = new ProgramStore(_tables, new MembershipStore(_tables), TimeProvider.System);
        var program = NewProgram();
        await store.ImportAsync(program, CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            new TouchpointStore(_tables).AddAsync(program.Id, SamplePrograms.Touchpoint(1) with { Id = "same-form" }, CancellationToken.None)));

        Assert.Single(results, added => added is not null);
        Assert.Single((await store.LoadAsync(program.TenantId, program.Id, CancellationToken.None))!.Touchpoints);
        Assert.Equal(1, (await store.LoadCountsAsync(program.TenantId, program.Id, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task TwoInstancesAddingForTheSamePersonKeepCountsExact()
    {
        // Two instances writing one person's touchpoints: each row stands alone, so nothing can go stale between them.
        var first = new ProgramStore(_tables, new MembershipStore(_tables), TimeProvider.System);
        var secondTables = NewTables(out _);
        var second = new ProgramStore(secondTables, new MembershipStore(secondTables), TimeProvider.System);
        var program = NewProgram();
        await first.ImportAsync(program, CancellationToken.None);

        for (var i = 0; i < 10; i++)
        {
            var store = i % 2 == 0 ? first : second;
            await new TouchpointStore(store == first ? _tables : secondTables).AddAsync(program.Id, SamplePrograms.Touchpoint(i) with { Id = $"t{i}" }, CancellationToken.None);
        }

        Assert.Equal(10, (await first.LoadCountsAsync(program.TenantId, program.Id, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task MembersFindTheProgramsTheyBelongToWithTheirRoles()
    {
        var store = new ProgramStore(_tables, new MembershipStore(_tables), TimeProvider.System);
        var program = NewProgram();
        await store.ImportAsync(program, CancellationToken.None);

        var owner = Assert.Single(await new MembershipStore(_tables).ProgramsOfAsync(program.TenantId, SamplePrograms.Owner.AadObjectId, CancellationToken.None));
        var contact = Assert.Single(await new MembershipStore(_tables).ProgramsOfAsync(program.TenantId, SamplePrograms.PersonNo(101).AadObjectId, CancellationToken.None));

        Assert.Equal("Owner", owner.Roles);
        Assert.Equal("Contributor", contact.Roles);
        Assert.Empty(await new MembershipStore(_tables).ProgramsOfAsync("another-tenant", SamplePrograms.Owner.AadObjectId, CancellationToken.None));
    }
}

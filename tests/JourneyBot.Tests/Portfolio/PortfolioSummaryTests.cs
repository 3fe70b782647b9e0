using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using JourneyBot.Actions;
using JourneyBot.Charters;
using JourneyBot.Domain;
using JourneyBot.Outreach;
using JourneyBot.Portfolio;
using JourneyBot.Programs;
using JourneyBot.Readings;
using JourneyBot.Reviews;
using JourneyBot.Storage;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Touchpoints;

namespace JourneyBot.Tests.Portfolio;

// The portfolio reads each program's summary instead of its partition: built on first sight, trusted while nothing
// changed, and rebuilt after any write that can change the row, a charter edit, a new day, or an hour. Against
// Azurite, through the stores the features write with.
public sealed class PortfolioSummaryTests : IAsyncLifetime
{
    private static readonly Person Owner = SamplePrograms.Owner;
    private static readonly Person Contact = new("contact-oid", "Cy Contact");
    private AzuriteServer _azurite = null!;
    private StorageTables _tables = null!;
    private ProgramStore _programs = null!;
    private readonly ManualClock _clock = new();
    private readonly string _tenant = Guid.NewGuid().ToString();

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        var service = new TableServiceClient(_azurite.ConnectionString);
        foreach (var name in StorageTables.All) await service.CreateTableIfNotExistsAsync(name);
        _tables = new StorageTables(service);
        _programs = new ProgramStore(_tables, new MembershipStore(_tables), _clock);
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    private PortfolioSummaries Summaries => new(_tables, _programs, _clock);

    private async Task<JourneyProgram> ImportAsync(string? id = null)
    {
        var charter = SamplePrograms.CompleteCharter() with
        {
            Name = "Licence renewal", Owners = [Owner],
            Metrics = [new Metric("m1", "Renewal rate", MetricKind.Outcome, 80, 90, "%")],
        };
        charter = charter with { Departments = [charter.Departments[0] with { Contacts = [Contact] }, .. charter.Departments.Skip(1)] };
        var program = SamplePrograms.Program(charter, [SamplePrograms.Touchpoint(1) with { Emotion = 1 }]) with
        {
            Id = id ?? "p" + Guid.NewGuid().ToString("N")[..10], TenantId = _tenant,
        };
        await _programs.ImportAsync(program, CancellationToken.None);
        return program;
    }

    private async Task<ProgramSummaryRow?> StoredAsync(string programId)
    {
        var row = await _tables.Programs.GetEntityIfExistsAsync<ProgramSummaryRow>(programId, ProgramSummaries.RowKey);
        return row.HasValue ? row.Value : null;
    }

    // Rewrites the stored summary's name, so a row that shows it was read from the summary, not rebuilt.
    private async Task TagAsync(string programId)
    {
        var row = (await StoredAsync(programId))!;
        row.Json = row.Json!.Replace("Licence renewal", "FROM THE SUMMARY", StringComparison.Ordinal);
        await _tables.Programs.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
    }

    private async Task<PortfolioRow> RowAsync(string programId, Person? who = null) =>
        (await Summaries.RowAsync(_tenant, programId, (who ?? Owner).AadObjectId, admin: false, CancellationToken.None))!;

    [Fact]
    public async Task TheFirstReadBuildsTheSummaryAndLaterReadsUseItWithEachViewersOwnRoles()
    {
        var program = await ImportAsync();
        Assert.Null(await StoredAsync(program.Id));

        var first = await RowAsync(program.Id);
        Assert.Equal("Licence renewal", first.Name);
        var stored = await StoredAsync(program.Id);
        Assert.NotNull(stored);
        Assert.False(stored.Stale);
        Assert.Equal("2026-11-02", stored.ForDate);
        Assert.DoesNotContain("Olivia", stored.Json);

        await TagAsync(program.Id);
        var owner = await RowAsync(program.Id);
        var contact = await RowAsync(program.Id, Contact);
        Assert.Equal("FROM THE SUMMARY", owner.Name);
        Assert.True(owner.Roles.HasFlag(ProgramRole.Owner));
        Assert.False(contact.Roles.HasFlag(ProgramRole.Owner));
        Assert.True(contact.Roles.HasFlag(ProgramRole.Contributor));
        Assert.Null(await Summaries.RowAsync(_tenant, program.Id, "stranger-oid", admin: false, CancellationToken.None));
        Assert.Null(await Summaries.RowAsync(Guid.NewGuid().ToString(), program.Id, Owner.AadObjectId, admin: false, CancellationToken.None));
    }

    public static TheoryData<string> Writes => new()
    {
        "touchpoint added", "touchpoint changed", "touchpoint deleted", "action added", "action changed",
        "reading added", "reading replaced", "review held", "review note", "progress card sent", "progress card acknowledged",
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task EveryWriteThatCanChangeTheRowMarksTheSummaryStaleAndTheNextReadRebuildsIt(string write)
    {
        var program = await ImportAsync();
        var touchpoints = new TouchpointStore(_tables);
        var actions = new ActionStore(_tables);
        var readings = new ReadingStore(_tables);
        var reviews = new ReviewStore(_tables);
        var followUps = new FollowUpStore(_tables, _clock);
        var today = new DateOnly(2026, 11, 2);
        var action = new ImprovementAction { Id = "a1", Title = "Fix it", TouchpointId = "t1", Owner = Owner, DueOn = today.AddDays(-3) };
        var reading = new MetricReading { MetricId = "m1", Value = 84, On = today.AddDays(-1), RecordedBy = Owner };
        var review = new Review("r1", today, Owner);
        // What each write needs in place before it, written before the summary is built.
        if (write is "action changed") await actions.AddAsync(program.Id, action, Owner.AadObjectId, CancellationToken.None);
        if (write is "reading replaced") await readings.AddAsync(program.Id, reading, CancellationToken.None);
        if (write is "review note") await reviews.AddAsync(program.Id, review, CancellationToken.None);
        if (write is "progress card acknowledged")
        {
            await followUps.RecordProgressSentAsync(program.Id, "c1", "sponsor-oid", today.AddDays(-10),
                new Snapshot { TakenOn = today.AddDays(-10), Touchpoints = 1 }, CancellationToken.None);
        }
        await RowAsync(program.Id);
        await TagAsync(program.Id);
        Assert.Equal("FROM THE SUMMARY", (await RowAsync(program.Id)).Name);

        var tp = (await touchpoints.GetAsync(program.Id, "t1", CancellationToken.None))!;
        switch (write)
        {
            case "touchpoint added":
                await touchpoints.AddAsync(program.Id, SamplePrograms.Touchpoint(2) with { Emotion = -2 }, CancellationToken.None);
                break;
            case "touchpoint changed":
                await touchpoints.UpdateAsync(program.Id, tp, tp.Touchpoint with { Emotion = -2 }, "Olivia Owner", CancellationToken.None);
                break;
            case "touchpoint deleted":
                await touchpoints.DeleteAsync(program.Id, tp, CancellationToken.None);
                break;
            case "action added":
                await actions.AddAsync(program.Id, action, Owner.AadObjectId, CancellationToken.None);
                break;
            case "action changed":
                var stored = (await actions.GetAsync(program.Id, "a1", CancellationToken.None))!;
                await actions.UpdateAsync(program.Id, stored, action with { Status = ActionStatus.Done }, "Olivia Owner", CancellationToken.None);
                break;
            case "reading added":
                await readings.AddAsync(program.Id, reading, CancellationToken.None);
                break;
            case "reading replaced":
                var seen = (await readings.GetAsync(program.Id, "m1", reading.On, CancellationToken.None))!;
                Assert.True(await readings.ReplaceAsync(program.Id, seen.ETag, reading with { Value = 91 }, CancellationToken.None));
                break;
            case "review held":
                await reviews.AddAsync(program.Id, review, CancellationToken.None);
                break;
            case "review note":
                await reviews.SaveNoteAsync(program.Id, "r1", "A note", Owner, CancellationToken.None);
                break;
            case "progress card sent":
                await followUps.RecordProgressSentAsync(program.Id, "c1", "sponsor-oid", today,
                    new Snapshot { TakenOn = today, Touchpoints = 1 }, CancellationToken.None);
                break;
            case "progress card acknowledged":
                var acknowledged = await followUps.AcknowledgeAsync(program.Id, "c1", today.AddDays(-10), "sponsor-oid", today, CancellationToken.None);
                Assert.NotNull(acknowledged.Card);
                break;
        }

        Assert.True((await StoredAsync(program.Id))!.Stale, write);
        var rebuilt = await RowAsync(program.Id);
        Assert.Equal("Licence renewal", rebuilt.Name);
        Assert.False((await StoredAsync(program.Id))!.Stale);
        var fresh = PortfolioRow.Of((await _programs.LoadAsync(_tenant, program.Id, CancellationToken.None))!, rebuilt.Roles, today);
        Assert.Equal(fresh with { Failing = [], Watching = [], Metrics = [] }, rebuilt with { Failing = [], Watching = [], Metrics = [] });
        Assert.Equal(fresh.Failing, rebuilt.Failing);
        Assert.Equal(fresh.Watching, rebuilt.Watching);
        Assert.Equal(fresh.Metrics, rebuilt.Metrics);
    }

    [Fact]
    public async Task ACharterEditANewDayAnHourAndANewFormatEachRebuildTheSummary()
    {
        var program = await ImportAsync();
        await RowAsync(program.Id);

        await TagAsync(program.Id);
        var header = (await _programs.LoadHeaderAsync(_tenant, program.Id, CancellationToken.None))!;
        var charters = new CharterStore(_tables, new MembershipStore(_tables), _programs, _clock);
        await charters.SaveAsync(header, header.Charter with { Name = "Licence renewal, renamed" }, Owner, CancellationToken.None);
        Assert.Equal("Licence renewal, renamed", (await RowAsync(program.Id)).Name);

        var tagged = (await StoredAsync(program.Id))!;
        tagged.Json = tagged.Json!.Replace("Licence renewal, renamed", "FROM THE SUMMARY", StringComparison.Ordinal);
        await _tables.Programs.UpdateEntityAsync(tagged, tagged.ETag, TableUpdateMode.Replace);
        Assert.Equal("FROM THE SUMMARY", (await RowAsync(program.Id)).Name);
        _clock.Now = _clock.Now.AddMinutes(59);
        Assert.Equal("FROM THE SUMMARY", (await RowAsync(program.Id)).Name);
        _clock.Now = _clock.Now.AddMinutes(2);
        Assert.Equal("Licence renewal, renamed", (await RowAsync(program.Id)).Name);

        // The overdue action counts from the program's own day.
        var actions = new ActionStore(_tables);
        await actions.AddAsync(program.Id, new ImprovementAction
        {
            Id = "a1", Title = "Fix it", TouchpointId = "t1", Owner = Owner, DueOn = DateOnly.FromDateTime(_clock.Now.UtcDateTime),
        }, Owner.AadObjectId, CancellationToken.None);
        Assert.Equal(0, (await RowAsync(program.Id)).OverdueActions);
        _clock.Now = _clock.Now.AddDays(1).AddMinutes(-30);
        Assert.Equal(1, (await RowAsync(program.Id)).OverdueActions);

        var old = (await StoredAsync(program.Id))!;
        old.Format = PortfolioSummaries.Format - 1;
        old.Json = old.Json!.Replace("Licence renewal, renamed", "FROM THE SUMMARY", StringComparison.Ordinal);
        await _tables.Programs.UpdateEntityAsync(old, old.ETag, TableUpdateMode.Replace);
        Assert.Equal("Licence renewal, renamed", (await RowAsync(program.Id)).Name);
    }

    // Marks the summary (through its own client) when the whole partition is about to be read (a query on the
    // partition alone, not the charter-and-summary range), as a write landing between a reader's look at the
    // summary and its write-back would.
    private sealed class MarkDuringLoad(Func<Task> mark) : HttpPipelinePolicy
    {
        public int Marks;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Method == RequestMethod.Get && message.Request.Uri.Query.Contains("filter", StringComparison.Ordinal)
                && !message.Request.Uri.Query.Contains("RowKey", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref Marks);
                await mark();
            }
            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The stores call storage asynchronously.");
    }

    [Fact]
    public async Task AWriteLandingWhileTheSummaryIsRebuiltKeepsItStaleAndAnUnreadableOneIsRebuilt()
    {
        var program = await ImportAsync();
        await RowAsync(program.Id);
        await _tables.Programs.MarkChangedAsync(program.Id);

        var racing = new MarkDuringLoad(() => _tables.Programs.MarkChangedAsync(program.Id));
        var options = new TableClientOptions();
        options.AddPolicy(racing, HttpPipelinePosition.PerCall);
        var raced = new StorageTables(new TableServiceClient(_azurite.ConnectionString, options));
        var summaries = new PortfolioSummaries(raced, new ProgramStore(raced, new MembershipStore(raced), _clock), _clock);
        var row = await summaries.RowAsync(_tenant, program.Id, Owner.AadObjectId, admin: false, CancellationToken.None);
        Assert.Equal("Licence renewal", row!.Name);
        Assert.Equal(1, racing.Marks);
        Assert.True((await StoredAsync(program.Id))!.Stale);
        // The next reader, with nothing racing it, keeps its rebuild.
        await RowAsync(program.Id);
        Assert.False((await StoredAsync(program.Id))!.Stale);

        var unreadable = (await StoredAsync(program.Id))!;
        unreadable.Json = "{ not json";
        await _tables.Programs.UpdateEntityAsync(unreadable, unreadable.ETag, TableUpdateMode.Replace);
        Assert.Equal("Licence renewal", (await RowAsync(program.Id)).Name);
        Assert.StartsWith("{\"", (await StoredAsync(program.Id))!.Json);
    }
}

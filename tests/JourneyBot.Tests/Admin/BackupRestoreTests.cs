using System.Net;
using Azure.Data.Tables;
using JourneyBot.Map;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.Map;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Tests.FollowUps.FollowUpWorld;

namespace JourneyBot.Tests.Admin;

// `export --all` then `import --replace` as an administrator runs them (the deployable), against real storage and
// the real app: after a restore into a new, empty account the map, its snapshots, the reviews held and the next
// reminders work, and the bot reaches people again.
public sealed class BackupRestoreTests(BotFixture fixture) : IClassFixture<BotFixture>, IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("journeybot-backup-").FullName;
    private TestEntra _entra = null!;
    private readonly string _clientId = Guid.NewGuid().ToString();

    public async Task InitializeAsync() => _entra = await TestEntra.StartAsync();

    public async Task DisposeAsync()
    {
        await _entra.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private Dictionary<string, string?> MapSettings() => new()
    {
        ["Map:ClientId"] = _clientId,
        ["Map:OpenIdMetadataUrl"] = _entra.MetadataUrl,
    };

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;

    private static async Task<string> PageAsync(BotApp app, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task AfterARestoreIntoAnEmptyAccountTheMapSnapshotsReviewsAndTheNextReminderWork()
    {
        // A program collecting for 30 days: its review is held (a map snapshot is kept), the sponsor's card goes out,
        // and 30 days later the next review reminder is planned for 09:00 but not sent yet.
        await using var world = await StartAsync(fixture);
        await world.MoveToAsync(fixture.Azurite.ConnectionString, MapSettings());
        await world.AtAsync(Start.AddHours(3));
        var reminder = Assert.Single(world.CardsTo(Owner), c => CardJson.Text(c).Contains("Review due"));
        var page = await world.ClickAsync(Owner, "review.start", CardJson.ActionData(reminder, "review.start"));
        page = await world.ClickAsync(Owner, "review.confirmPage", CardJson.ActionData(page, "review.confirmPage"));
        await world.ClickAsync(Owner, "review.complete", CardJson.ActionData(page, "review.complete"));
        var review = Assert.Single((await world.LoadAsync())!.Reviews);
        var snapshot = MapSnapshotStore.ForReview(review.Id);
        await world.AtAsync(Start.AddDays(30));
        Assert.Single(world.CardsTo(Owner), c => CardJson.Text(c).Contains("Review due"));
        var token = _entra.Token(world.TenantId, Owner.AadObjectId, _clientId);
        var mapPath = $"/map/{world.Program.Id}/content";
        var mapBefore = await PageAsync(world.Bot, mapPath, token);
        var snapshotBefore = await PageAsync(world.Bot, $"{mapPath}?at={snapshot}", token);

        var backup = await BackupLines.ExportAsync(fixture.Azurite.ConnectionString, Folder("export"),
            "--tenant", world.TenantId);
        await using var restored = await AzuriteServer.StartAsync();
        var import = await BackupLines.RunAsync(restored.ConnectionString, "import", "--replace", backup);

        Assert.True(import.ExitCode == 0, import.Stderr);
        Assert.Contains($"Restoring tenant '{world.TenantId}'", import.Stdout);
        Assert.Matches(@"Programs: [1-9][\d,]* rows? written, 0 deleted", import.Stdout);
        Assert.Matches(@"Schedule: [1-9][\d,]* rows? written", import.Stdout);
        // What the new account holds is what was backed up, row for row.
        var again = await BackupLines.ExportAsync(restored.ConnectionString, Folder("again"),
            "--tenant", world.TenantId);
        Assert.Equal(await BackupLines.RowsAsync(backup), await BackupLines.RowsAsync(again));

        await world.MoveToAsync(restored.ConnectionString, MapSettings());
        // The map and the map as it was on the review's day, as the tab gets them.
        Assert.Equal(mapBefore, await PageAsync(world.Bot, mapPath, token));
        Assert.Contains("data-touchpoint=\"t3\"", mapBefore);
        var snapshotAfter = await PageAsync(world.Bot, $"{mapPath}?at={snapshot}", token);
        Assert.Equal(snapshotBefore, snapshotAfter);
        Assert.Contains("id=\"as-it-was\"", snapshotAfter);
        var kept = await world.Bot.Services.GetRequiredService<MapSnapshotStore>()
            .LoadAsync(world.Program.Id, snapshot, CancellationToken.None);
        Assert.Equal(3, kept!.Touchpoints.Count);
        // The review's history.
        var program = await world.LoadAsync();
        Assert.Equal([(review.Id, true)], program!.Reviews.Select(r => (r.Id, r.WasHeld())));
        // The reminder planned before the backup goes out at 09:00 from the restored schedule, once, and the
        // sponsor's card reaches the sponsor: the conversations and the trusted connector came back too.
        var sponsorCards = world.CardsTo(Sponsor).Count;
        await world.AtAsync(Start.AddDays(30).AddHours(3));
        Assert.Equal(2, world.CardsTo(Owner).Count(c => CardJson.Text(c).Contains("Review due")));
        Assert.Equal(sponsorCards + 1, world.CardsTo(Sponsor).Count);
        await world.AtAsync(Start.AddDays(30).AddHours(6));
        Assert.Equal(2, world.CardsTo(Owner).Count(c => CardJson.Text(c).Contains("Review due")));
    }

    [Fact]
    public async Task RestoringOneTenantReplacesItsRowsOnlyAndRunningItAgainChangesNothing()
    {
        var (mine, theirs) = (NewTenant(), NewTenant());
        var storage = fixture.Azurite.ConnectionString;
        var kept = await ImportAsync(storage, mine);
        await ImportAsync(storage, theirs);
        var service = new TableServiceClient(storage);
        await service.GetTableClient("Conversations").UpsertEntityAsync(Conversation(mine, "u:aad-1"));
        await service.GetTableClient("Conversations").UpsertEntityAsync(Conversation(theirs, "u:aad-2"));
        var backup = await BackupLines.ExportAsync(storage, Folder("mine"), "--tenant", mine);
        var theirsBefore = await TenantRowsAsync(storage, theirs);

        // After the backup: a program added, a touchpoint added and the charter edited, a conversation added.
        var added = await ImportAsync(storage, mine);
        var programs = service.GetTableClient("Programs");
        await programs.AddEntityAsync(new TableEntity(kept, "tp|later") { ["Json"] = "{}" });
        await programs.UpsertEntityAsync(
            new TableEntity(kept, "program") { ["TenantId"] = mine, ["CharterJson"] = "{}" }, TableUpdateMode.Merge);
        await service.GetTableClient("Conversations").UpsertEntityAsync(Conversation(mine, "u:aad-3"));

        var first = await BackupLines.RunAsync(storage, "import", "--replace", backup);
        var second = await BackupLines.RunAsync(storage, "import", "--replace", backup, "--tenant", mine);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("other tenants' rows and the shared trusted serviceUrls are not touched", first.Stdout);
        Assert.Matches(@"Programs: [\d,]+ rows written, [1-9]\d* deleted", first.Stdout);
        Assert.Contains("Conversations: 1 row written, 1 deleted", first.Stdout);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.DoesNotMatch(@"[1-9]\d* deleted", second.Stdout);
        var now = await BackupLines.ExportAsync(storage, Folder("now"), "--tenant", mine);
        Assert.Equal(await BackupLines.RowsAsync(backup), await BackupLines.RowsAsync(now));
        Assert.DoesNotContain((await BackupLines.EveryRowAsync(storage)), r => r.Contains(added));
        Assert.Equal(theirsBefore, await TenantRowsAsync(storage, theirs));
    }

    [Fact]
    public async Task ARestoreCutShortByAStorageFailureIsFinishedByRunningItAgain()
    {
        var tenant = NewTenant();
        await ImportAsync(fixture.Azurite.ConnectionString, tenant);
        await ImportAsync(fixture.Azurite.ConnectionString, tenant);
        var backup = await BackupLines.ExportAsync(fixture.Azurite.ConnectionString, Folder("cut"), "--tenant", tenant);
        await using var target = await AzuriteServer.StartAsync();
        // Storage starts refusing writes after the tables and a few transactions.
        var writes = 0;
        await using var failing = await StorageProxy.StartAsync(target,
            r => StorageProxy.AnythingButReads(r) && Interlocked.Increment(ref writes) > 10);

        var cut = await BackupLines.RunAsync(failing.ConnectionString(target), "import", "--replace", backup);
        var finished = await BackupLines.RunAsync(target.ConnectionString, "import", "--replace", backup);

        Assert.Equal(1, cut.ExitCode);
        Assert.Contains("Table storage failed", cut.Stderr);
        Assert.NotEmpty(failing.Refused);
        Assert.True(finished.ExitCode == 0, finished.Stderr);
        var now = await BackupLines.ExportAsync(target.ConnectionString, Folder("finished"), "--tenant", tenant);
        Assert.Equal(await BackupLines.RowsAsync(backup), await BackupLines.RowsAsync(now));
    }

    private async Task<string> ImportAsync(string storage, string tenant)
    {
        var program = Domain.SamplePrograms.Full() with { Id = "p" + Guid.NewGuid().ToString("N") };
        var file = Path.Combine(_dir, program.Id + ".json");
        await File.WriteAllTextAsync(file, JourneyBot.Domain.ProgramFile.Write(program));
        var imported = await BackupLines.RunAsync(storage, "import", file, "--tenant", tenant);
        Assert.True(imported.ExitCode == 0, imported.Stderr);
        return program.Id;
    }

    private static string NewTenant() => "tenant-" + Guid.NewGuid().ToString("N")[..8];

    private static TableEntity Conversation(string tenant, string rowKey) =>
        new(JourneyBot.Conversations.ConversationStore.PartitionFor(tenant), rowKey)
        {
            ["ServiceUrl"] = "https://smba.trafficmanager.net/emea/", ["ConversationId"] = "a:" + rowKey,
            ["TenantId"] = tenant, ["Active"] = true,
        };

    private async Task<List<string>> TenantRowsAsync(string storage, string tenant)
    {
        var backup = await BackupLines.ExportAsync(storage, Folder(Guid.NewGuid().ToString("N")), "--tenant", tenant);
        return await BackupLines.RowsAsync(backup);
    }
}

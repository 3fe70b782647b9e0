using System.Net;
using Azure.Data.Tables;
using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.Map;
using JourneyBot.Programs;
using JourneyBot.Storage;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.Map;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Admin;

// `JourneyBot erase-person` as an administrator runs it, against real storage with the app beside it: afterwards no
// property of any row of any table (snapshot chunks gunzipped) holds the person's object id or name, the marker
// stands in their place so the program still adds up and the map and its snapshots still load, and nobody else's
// data changed.
public sealed class PersonErasureTests(MapWorld world) : IClassFixture<MapWorld>
{
    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var result = await Tool.RunAppAsync(
            new Dictionary<string, string> { ["ConnectionStrings__Storage"] = world.Azurite.ConnectionString }, args);
        return (result.ExitCode, result.Stdout, result.Stderr);
    }

    private Task<(int Code, string Out, string Err)> EraseAsync(ErasureSeed seed) =>
        RunAsync("erase-person", "--tenant", seed.TenantId, "--aad", seed.Erased.AadObjectId);

    // What of the person is left in the account, outside the other tenant (whose rows are not theirs to erase).
    private async Task<List<ScannedText>> LeftOfAsync(ErasureSeed seed, params string[] names)
    {
        var elsewhere = TableKey.Encode(seed.Elsewhere.TenantId);
        return (await TableScan.EveryTextAsync(world.Azurite.ConnectionString))
            .Where(t => !t.PartitionKey.StartsWith(seed.Elsewhere.Id, StringComparison.Ordinal)
                && !t.PartitionKey.StartsWith(elsewhere, StringComparison.Ordinal))
            .Where(t => t.Text.Contains(seed.Erased.AadObjectId, StringComparison.OrdinalIgnoreCase)
                || names.Append(seed.Erased.DisplayName)
                    .Any(n => t.Text.Contains(n, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    private async Task<List<string>> RowsOfAsync(string partitionStart) =>
        (await TableScan.EveryRowAsync(world.Azurite.ConnectionString))
            .Where(r => r.Split('/')[1].StartsWith(partitionStart, StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task TheirIdAndNameAreGoneFromEveryTableAndTheProgramStillAddsUp()
    {
        var seed = await ErasureSeed.PlantAsync(world);
        Assert.NotEmpty(await LeftOfAsync(seed));
        var elsewhereBefore = await RowsOfAsync(seed.Elsewhere.Id);

        var erased = await EraseAsync(seed);

        Assert.True(erased.Code == 0, erased.Out + erased.Err);
        var marker = ErasedPerson.For(seed.TenantId, seed.Erased.AadObjectId);
        Assert.Contains($"now {marker.AadObjectId} (\"Erased person\")", erased.Out);
        foreach (var table in StorageTables.All) Assert.Contains($"  {table}", erased.Out);
        Assert.Contains("Programs (2 programs of the tenant):", erased.Out);
        Assert.Contains("map snapshots written again", erased.Out);
        var left = await LeftOfAsync(seed);
        Assert.True(left.Count == 0, "left: " + string.Join(", ", left));
        Assert.Equal(elsewhereBefore, await RowsOfAsync(seed.Elsewhere.Id));

        // The marker stands everywhere they stood, so the counts and the history are those of before.
        var store = world.App.Services.GetRequiredService<ProgramStore>();
        var main = (await store.LoadAsync(seed.TenantId, seed.Main.Id, CancellationToken.None))!;
        Assert.Equal(seed.Main.Touchpoints.Count, main.Touchpoints.Count);
        Assert.Equal(seed.Main.Actions.Count, main.Actions.Count);
        Assert.Equal(seed.Main.Reviews.Count, main.Reviews.Count);
        Assert.Equal(new[] { seed.Owner, marker }, main.Charter.Owners);
        Assert.Equal(marker, main.Charter.Sponsors[1]);
        Assert.Equal(marker, main.Charter.Team[0].Person);
        Assert.Equal(new[] { marker, seed.Contact }, main.Charter.Departments[0].Contacts);
        Assert.Equal(2, main.Touchpoints.Count(t => t.CreatedBy == marker));
        var t1 = main.Touchpoints.Single(t => t.Id == "t1");
        Assert.Equal("Erased person walked me through it", t1.Verbatim);
        Assert.Equal("Erased person", t1.Backstage!.DeliveredBy);
        Assert.Equal("Annual statement arrives", main.Touchpoints.Single(t => t.Id == "t3").CustomerAction);
        Assert.Equal(new[] { marker, seed.Owner }, main.Actions.Select(a => a.Owner));
        Assert.Equal(marker, main.Actions[1].AssignedBy);
        Assert.Equal(marker, main.Reviews[0].By);
        var card = main.ProgressUpdates.Single(c => c.Id == "cadence-1");
        Assert.Contains(marker.AadObjectId, card.SentTo);
        Assert.Equal(marker.AadObjectId, card.AcknowledgementBy(marker.AadObjectId)!.SponsorAadObjectId);
        Assert.Equal(2, main.ProgressUpdates.Count);
        var second = (await store.LoadAsync(seed.TenantId, seed.Second.Id, CancellationToken.None))!;
        Assert.Equal(seed.Second.Touchpoints.Count, second.Touchpoints.Count);
        Assert.Equal(marker, second.Touchpoints.Single(t => t.Id == "t3").CreatedBy);

        // The snapshot was written again, not dropped, and the map draws now and as it was.
        var snapshot = await world.App.Services.GetRequiredService<MapSnapshotStore>()
            .LoadAsync(seed.Main.Id, ErasureSeed.SnapshotId, CancellationToken.None);
        Assert.Equal(seed.Main.Touchpoints.Count, snapshot!.Touchpoints.Count);
        Assert.Equal(marker, snapshot.Touchpoints[0].CreatedBy);
        var token = world.TokenFor(seed.Main, seed.Owner.AadObjectId);
        foreach (var path in new[] { "", $"?at={ErasureSeed.SnapshotId}" })
        {
            var page = await world.GetAsync($"/map/{seed.Main.Id}/content{path}", token);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Erased person", html);
            Assert.DoesNotContain(seed.Erased.DisplayName, html);
        }
        var exported = await RunAsync("export", "--tenant", seed.TenantId, "--program", seed.Main.Id);
        Assert.True(exported.Code == 0, exported.Err);
        Assert.Equal(main.Touchpoints.Count, ProgramFile.Read(exported.Out).Touchpoints.Count);

        // Others keep what they had: the owner's membership, chat and the send that named her, rewritten.
        var tables = world.App.Services.GetRequiredService<StorageTables>();
        var owners = world.App.Services.GetRequiredService<MembershipStore>();
        Assert.Equal(2, (await owners.ProgramsOfAsync(seed.TenantId, seed.Owner.AadObjectId, default)).Count);
        Assert.Empty(await owners.ProgramsOfAsync(seed.TenantId, seed.Erased.AadObjectId, default));
        var conversations = world.App.Services.GetRequiredService<ConversationStore>();
        Assert.NotNull(await conversations.GetPersonalChatAsync(seed.TenantId, seed.Owner.AadObjectId, default));
        var channel = await tables.Conversations.GetEntityAsync<ConversationRow>(
            ConversationStore.PartitionFor(seed.TenantId), ConversationStore.ConversationRowKey(seed.ChannelChat));
        Assert.True(channel.Value.Active);
        Assert.Null(channel.Value.UserAadObjectId);
        Assert.DoesNotContain(await TableScan.EveryTextAsync(world.Azurite.ConnectionString),
            t => t.Table == StorageTables.ConversationsName && t.Text.Contains(seed.PersonalChat));
        var sends = new List<TableEntity>();
        await foreach (var send in tables.Schedule.QueryAsync<TableEntity>($"TenantId eq '{seed.TenantId}'"))
        {
            sends.Add(send);
        }
        Assert.Equal(2, sends.Count);
        Assert.Contains(sends, s => s.GetString("Payload").Contains("Erased person gave you"));
    }

    [Fact]
    public async Task RunningItAgainChangesNothing()
    {
        var seed = await ErasureSeed.PlantAsync(world);
        var first = await EraseAsync(seed);
        Assert.True(first.Code == 0, first.Err);
        var before = await TableScan.EveryRowAsync(world.Azurite.ConnectionString);

        var again = await EraseAsync(seed);

        Assert.True(again.Code == 0, again.Err);
        Assert.Contains("was erased already", again.Out);
        Assert.Contains("nothing to change", again.Out);
        Assert.Equal(before, await TableScan.EveryRowAsync(world.Azurite.ConnectionString));
    }

    // A run that stopped part of the way leaves rows as they were before it; running it again finishes the job.
    [Fact]
    public async Task ARunThatStoppedHalfWayIsFinishedByRunningItAgain()
    {
        var seed = await ErasureSeed.PlantAsync(world);
        var tables = world.App.Services.GetRequiredService<StorageTables>();
        var snapshots = ProgramKeys.SnapshotPartition(seed.Main.Id);
        var kept = new List<(TableClient Table, TableEntity Row)>();
        await foreach (var row in tables.Programs.QueryAsync<TableEntity>(e => e.PartitionKey == seed.Main.Id
            || e.PartitionKey == snapshots))
        {
            if (row.RowKey.StartsWith(ProgramKeys.TouchpointPrefix, StringComparison.Ordinal)
                || row.RowKey.StartsWith(ProgramKeys.SnapshotChunkPrefix, StringComparison.Ordinal))
            {
                kept.Add((tables.Programs, row));
            }
        }
        var chat = await tables.Conversations.GetEntityAsync<TableEntity>(
            ConversationStore.PartitionFor(seed.TenantId), ConversationStore.UserRowKey(seed.Erased.AadObjectId));
        kept.Add((tables.Conversations, chat.Value));
        var first = await EraseAsync(seed);
        Assert.True(first.Code == 0, first.Err);
        foreach (var (table, row) in kept) await table.UpsertEntityAsync(Writable(row), TableUpdateMode.Replace);
        Assert.NotEmpty(await LeftOfAsync(seed));

        var again = await EraseAsync(seed);

        Assert.True(again.Code == 0, again.Out + again.Err);
        Assert.Contains("stale snapshot chunks deleted", again.Out);
        var left = await LeftOfAsync(seed);
        Assert.True(left.Count == 0, "left: " + string.Join(", ", left));
        var main = await world.App.Services.GetRequiredService<ProgramStore>()
            .LoadAsync(seed.TenantId, seed.Main.Id, CancellationToken.None);
        Assert.Equal(seed.Main.Touchpoints.Count, main!.Touchpoints.Count);
        Assert.NotNull(await world.App.Services.GetRequiredService<MapSnapshotStore>()
            .LoadAsync(seed.Main.Id, ErasureSeed.SnapshotId, CancellationToken.None));
    }

    private static TableEntity Writable(TableEntity row)
    {
        var copy = new TableEntity(row.PartitionKey, row.RowKey);
        foreach (var (key, value) in row.Where(p => p.Key is not ("Timestamp" or "PartitionKey" or "RowKey")
            && !p.Key.StartsWith("odata.", StringComparison.Ordinal)))
        {
            copy[key] = value;
        }
        return copy;
    }

    [Fact]
    public async Task AnUnknownPersonOrBadArgumentsExitWithTwoAndChangeNothing()
    {
        var seed = await ErasureSeed.PlantAsync(world);
        var before = await TableScan.EveryRowAsync(world.Azurite.ConnectionString);

        var unknown = await RunAsync("erase-person", "--tenant", seed.TenantId, "--aad", Guid.NewGuid().ToString());
        var otherTenant = await RunAsync("erase-person", "--tenant", Guid.NewGuid().ToString(),
            "--aad", seed.Erased.AadObjectId);
        var missing = await RunAsync("erase-person", "--tenant", seed.TenantId);
        var empty = await RunAsync("erase-person", "--tenant", seed.TenantId, "--aad", " ");

        Assert.Equal(2, unknown.Code);
        Assert.Contains($"No row of tenant '{seed.TenantId}' mentions", unknown.Err);
        Assert.Equal(2, otherTenant.Code);
        Assert.Equal(2, missing.Code);
        Assert.Contains("--aad is required", missing.Err);
        Assert.Contains("usage:", missing.Err);
        Assert.Equal(2, empty.Code);
        Assert.Equal(before, await TableScan.EveryRowAsync(world.Azurite.ConnectionString));
    }

    // "Ann Lee" goes where she is named as a whole; "Annual" and "Ann Leeway" are other words, and another person
    // called Ann Lee is someone else.
    [Fact]
    public async Task ANameInsideOtherWordsOrOfAnotherPersonIsLeftAlone()
    {
        var seed = await ErasureSeed.PlantAsync(world, new Person(Guid.NewGuid().ToString(), "Ann Lee"));
        var namesake = new Person(Guid.NewGuid().ToString(), "Ann Lee");
        var store = world.App.Services.GetRequiredService<ProgramStore>();
        var other = MapSamples.Program(seed.TenantId) with
        {
            Charter = seed.Second.Charter with
            {
                Name = "Annual accounts", Owners = [seed.Owner], Sponsors = [namesake],
                Departments = [new("billing", "Annual billing", [seed.Erased]), new("support", "Support", []),
                    new("field", "Field", [])],
            },
            Touchpoints = MapSamples.Program().Touchpoints.Select(t => t with
            {
                CreatedBy = namesake,
                CustomerAction = "Annual renewal, as Ann Leeway explained",
                Verbatim = "Ann Lee walked me through it",
            }).ToList(),
        };
        await world.ImportAsync(other);

        var erased = await EraseAsync(seed);

        Assert.True(erased.Code == 0, erased.Err);
        var after = (await store.LoadAsync(seed.TenantId, other.Id, CancellationToken.None))!;
        Assert.Equal("Annual accounts", after.Charter.Name);
        Assert.Equal("Annual billing", after.Charter.Departments[0].Name);
        Assert.Equal(new[] { namesake }, after.Charter.Sponsors);
        Assert.All(after.Touchpoints, t => Assert.Equal(namesake, t.CreatedBy));
        Assert.All(after.Touchpoints, t => Assert.Equal("Annual renewal, as Ann Leeway explained", t.CustomerAction));
        // A sentence that names her as a whole loses the name, whoever wrote it.
        Assert.All(after.Touchpoints, t => Assert.Equal("Erased person walked me through it", t.Verbatim));
        Assert.Equal(ErasedPerson.For(seed.TenantId, seed.Erased.AadObjectId),
            after.Charter.Departments[0].Contacts[0]);
    }
}

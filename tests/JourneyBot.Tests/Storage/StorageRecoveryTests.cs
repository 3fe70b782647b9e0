using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using JourneyBot.Storage;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.Programs;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace JourneyBot.Tests.Storage;

// Table storage that comes back empty while the app runs (a new account, a restore, a deleted table), against the
// real app and a real Azurite: health names what is missing, the tables come back with no manual step, and turns
// go on working. Each test has its own Azurite, since each empties it.
public sealed class StorageRecoveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Apology = "Sorry, something went wrong on our side";
    private readonly BotFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    private StorageTables AppTables => _fixture.Bot.Services.GetRequiredService<StorageTables>();

    private TableRecreation Recreation => AppTables.Recreation!;

    // Looks at storage the way an operator would: not through the app, and without recreating anything.
    private TableServiceClient Direct => new(_fixture.Azurite.ConnectionString);

    [Fact]
    public async Task AfterStorageRestartsEmptyHealthNamesEveryMissingTableThenRecoversAndTurnsSucceed()
    {
        var program = await ProgramInChat.CreateAsync(_fixture);
        await AssertHelpAnswersAsync(program.Contacts[0]);
        await AssertTouchpointSavedAsync(program);
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync()).Status);

        await _fixture.Azurite.RestartEmptyAsync();

        // Reported first: rows were lost, and whoever watches health should know.
        var (status, reason) = await HealthAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.StartsWith("table storage: ", reason);
        Assert.Contains("missing", reason);
        Assert.All(StorageTables.All, table => Assert.Contains(table, reason));
        // Then mended by health itself, with no turn and no manual step.
        await AssertHealthRecoversAsync();
        Assert.Superset(StorageTables.All.ToHashSet(), await TablesAsync());

        await AssertHelpAnswersAsync(program.Contacts[0]);
        await AssertHelpAnswersAsync(_fixture.NewConversation());
        // The program went with the old storage. A program of its own: ProgramStore keeps each contributor's
        // counter-shard ETag per instance, and an add after that row vanished (404, not the 412 it retries on)
        // fails; that is ProgramStore's to mend, not the tables'.
        await AssertTouchpointSavedAsync(await ProgramInChat.CreateAsync(_fixture));
    }

    [Fact]
    public async Task TurnsRightAfterStorageRestartsEmptySucceedAndBringTheirTablesBack()
    {
        var program = await ProgramInChat.CreateAsync(_fixture);
        await AssertTouchpointSavedAsync(program);
        var creates = Recreation.Creates;

        await _fixture.Azurite.RestartEmptyAsync();

        // No health probe first: the turns themselves meet the missing tables.
        var chat = _fixture.NewConversation();
        var install = await _fixture.SendAsync(chat.Installation("add"));
        Assert.Equal(HttpStatusCode.OK, install.StatusCode);
        Assert.Equal("Welcome to JourneyBot", CardTitle(Assert.Single(_fixture.Channel.CallsFor(chat.ConversationId))));
        await AssertHelpAnswersAsync(chat);
        var restored = await ProgramInChat.CreateAsync(_fixture);
        await AssertTouchpointSavedAsync(restored);

        Assert.Superset(new HashSet<string> { StorageTables.ConversationsName, StorageTables.IdempotencyName, StorageTables.ProgramsName, StorageTables.MembershipsName },
            await TablesAsync());
        Assert.True(Recreation.Creates > creates);
        // Whatever no turn needed yet, health reports and makes.
        await AssertHealthRecoversAsync();
        Assert.Superset(StorageTables.All.ToHashSet(), await TablesAsync());
    }

    [Fact]
    public async Task ADeletedTableIsNamedByHealthAndTheNextTurnThatNeedsItSucceedsWithOneCreate()
    {
        await AssertHelpAnswersAsync(_fixture.NewConversation());
        var creates = Recreation.Creates;

        await Direct.DeleteTableAsync(StorageTables.ProgramsName);

        var (status, reason) = await HealthAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains(StorageTables.ProgramsName, reason);
        Assert.All(StorageTables.All.Where(t => t != StorageTables.ProgramsName), table => Assert.DoesNotContain(table, reason));
        await AssertNewProgramStartsAsync(_fixture.NewConversation());
        Assert.Contains(StorageTables.ProgramsName, await TablesAsync());
        // Health's create and the turn's (if it met the table missing) were one and the same.
        Assert.Equal(creates + 1, Recreation.Creates);
        await AssertHealthRecoversAsync();

        // Deleted again, with no health probe in between: the turn alone brings it back.
        await Direct.DeleteTableAsync(StorageTables.ProgramsName);
        await AssertNewProgramStartsAsync(_fixture.NewConversation());
        Assert.Contains(StorageTables.ProgramsName, await TablesAsync());
        Assert.Equal(creates + 2, Recreation.Creates);
    }

    [Fact]
    public async Task TwentyOperationsMeetingAMissingTableAtOnceShareOneCreateAndAllLandIntact()
    {
        // Through the app's own client, as its stores use it: single inserts and entity-group transactions.
        var programs = AppTables.Programs;
        await programs.AddEntityAsync(new TableEntity("warm-up", "row"));
        await Direct.DeleteTableAsync(StorageTables.ProgramsName);
        var creates = Recreation.Creates;
        var run = Guid.NewGuid().ToString("N");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? (Task)programs.AddEntityAsync(new TableEntity($"{run}-{i}", "single") { ["Value"] = i })
            : programs.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"{run}-{i}", "first") { ["Value"] = i }),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity($"{run}-{i}", "second") { ["Value"] = i }),
            ])));

        Assert.Equal(creates + 1, Recreation.Creates);
        // Every request was sent again with its body: each row is there with its value.
        var rows = new List<TableEntity>();
        await foreach (var row in Direct.GetTableClient(StorageTables.ProgramsName).QueryAsync<TableEntity>()) rows.Add(row);
        Assert.Equal(30, rows.Count);
        Assert.All(rows, row => Assert.Equal(int.Parse(row.PartitionKey.Split('-')[1]), row.GetInt32("Value")));
        Assert.Equal(Enumerable.Range(0, 20), rows.Select(r => r.GetInt32("Value")!.Value).Distinct().Order());
    }

    [Fact]
    public async Task UnderLoadTurnsFailOnlyWhileStorageIsDownAndAllSucceedOnceItIsBackEmpty()
    {
        const int turns = 200, concurrency = 8, restartAfter = 50;
        var outcomes = new ConcurrentQueue<(int Index, long Started, long Ended, HttpStatusCode Status, bool Succeeded)>();
        long downFrom = long.MaxValue, downUntil = long.MaxValue;
        var restart = Task.CompletedTask;
        var next = -1;
        var finished = 0;

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < turns)
            {
                var started = Stopwatch.GetTimestamp();
                var (status, succeeded) = await TurnAsync(index);
                outcomes.Enqueue((index, started, Stopwatch.GetTimestamp(), status, succeeded));
                if (Interlocked.Increment(ref finished) == restartAfter)
                {
                    restart = Task.Run(async () =>
                    {
                        Volatile.Write(ref downFrom, Stopwatch.GetTimestamp());
                        await _fixture.Azurite.RestartEmptyAsync();
                        Volatile.Write(ref downUntil, Stopwatch.GetTimestamp());
                    });
                }
            }
        })));
        await restart;

        Assert.Equal(turns, outcomes.Count);
        var overlapping = outcomes.Where(o => o.Started < downUntil && o.Ended > downFrom).ToList();
        var outside = outcomes.Except(overlapping).ToList();
        var after = outside.Where(o => o.Started >= downUntil).ToList();
        output.WriteLine($"{turns} turns, {concurrency} at a time: {outside.Count - after.Count} before the restart, {overlapping.Count} met the outage " +
            $"({overlapping.Count(o => !o.Succeeded)} failed, {overlapping.Count(o => (int)o.Status >= 500)} with a 5xx), {after.Count} after it " +
            $"(storage down {Stopwatch.GetElapsedTime(downFrom, downUntil).TotalSeconds:N1} s)");
        Assert.True(after.Count >= 50, $"only {after.Count} turns ran after storage was back ({overlapping.Count} while it was down)");
        // Before the restart and once storage is back: every turn, no 5xx. Only turns that met the outage may fail.
        Assert.All(outside, o => Assert.True(o.Succeeded, $"turn {o.Index} answered {(int)o.Status} outside the outage"));
        Assert.All(outcomes.Where(o => (int)o.Status >= 500), o => Assert.Contains(o, overlapping));
    }

    // Even turns: `help` in a new personal chat (records the conversation); odd: an install (idempotency record,
    // conversation reference, welcome). Each must be answered as usual, not with the apology.
    private async Task<(HttpStatusCode Status, bool Succeeded)> TurnAsync(int index)
    {
        var chat = _fixture.NewConversation();
        using var response = await _fixture.SendAsync(index % 2 == 0 ? chat.Message("help") : chat.Installation("add"));
        var replies = _fixture.Channel.CallsFor(chat.ConversationId);
        var expected = index % 2 == 0 ? "What JourneyBot can do" : "Welcome to JourneyBot";
        return (response.StatusCode, response.StatusCode == HttpStatusCode.OK && replies.Count == 1 && TitleOrText(replies[0]) == expected);
    }

    private async Task AssertHelpAnswersAsync(Activities chat)
    {
        var response = await _fixture.SendAsync(chat.Message("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = _fixture.Channel.CallsFor(chat.ConversationId)[^1];
        Assert.DoesNotContain(Apology, reply.Body!.ToJsonString());
        Assert.Equal("What JourneyBot can do", CardTitle(reply));
    }

    private async Task AssertTouchpointSavedAsync(ProgramInChat program)
    {
        var form = new JsonObject
        {
            ["programId"] = program.Program.Id, ["formId"] = Guid.NewGuid().ToString("N"), ["v"] = "1",
            ["stage"] = "s2", ["department"] = "d1", ["channel"] = "email",
            ["customerAction"] = "Reads the renewal notice and looks for the new price",
            ["personas"] = "p1", ["emotion"] = "-1", ["painPoints"] = "Price is not in the email", ["evidence"] = "supportTickets",
        };

        var response = await _fixture.SendAsync(program.Contacts[0].CardAction("touchpoint.save", form));

        var body = await BotApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body?.ToJsonString());
        Assert.True("Touchpoint saved" == body?["value"]?["body"]?[0]?["text"]?.GetValue<string>(), body?.ToJsonString());
    }

    // An owner starts a program in chat; its first step's save writes the program's first rows.
    private async Task AssertNewProgramStartsAsync(Activities owner)
    {
        await _fixture.SendAsync(owner.Message("new program"));
        var data = _fixture.Channel.CallsFor(owner.ConversationId)[^1].Body!["attachments"]![0]!["content"]!["actions"]![0]!["data"]!.DeepClone().AsObject();
        data["name"] = "Licence renewal";
        data["journeyStart"] = "renewal notice received";
        data["journeyEnd"] = "licence renewed";

        var response = await _fixture.SendAsync(owner.CardAction("charter.save", data));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = (await BotApp.ReadJsonAsync(response))!["value"]!.AsObject();
        Assert.Contains("Success metrics", card.ToJsonString());
    }

    private async Task<(HttpStatusCode Status, string? Reason)> HealthAsync()
    {
        using var response = await _fixture.Bot.Http.GetAsync("/healthz");
        var body = await BotApp.ReadJsonAsync(response);
        return (response.StatusCode, body?["reason"]?.GetValue<string>());
    }

    // Health mends what it reports in the background, so the next probes pass; bounded, not timed.
    private async Task AssertHealthRecoversAsync()
    {
        var (status, reason) = await HealthAsync();
        for (var probe = 0; probe < 100 && status != HttpStatusCode.OK; probe++)
        {
            await Task.Delay(100);
            (status, reason) = await HealthAsync();
        }
        Assert.True(status == HttpStatusCode.OK, $"healthz still answers {(int)status}: {reason}");
    }

    private async Task<HashSet<string>> TablesAsync()
    {
        var names = new HashSet<string>();
        await foreach (var table in Direct.QueryAsync()) names.Add(table.Name);
        return names;
    }

    private static string CardTitle(ConnectorCall call) =>
        call.Body!["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>();

    private static string? TitleOrText(ConnectorCall call) =>
        call.Body?["attachments"]?[0]?["content"]?["body"]?[0]?["text"]?.GetValue<string>() ?? call.Body?["text"]?.GetValue<string>();
}

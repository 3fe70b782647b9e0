using System.Text.Json;
using Azure.Data.Tables;
using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.Outreach;
using JourneyBot.Programs;
using JourneyBot.Reviews;
using JourneyBot.Scheduling;
using JourneyBot.Storage;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Scheduling;

// The send lifecycle over whole batches, through the real scheduler, storage and connector: the re-check at send
// time (which now reads a program once per batch) still drops what is no longer due, and a claim lost mid-batch
// leaves each item to the instance that took it over.
public sealed class SendLifecycleTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private const int People = 20;

    private StorageTables Tables => fixture.Bot.Services.GetRequiredService<StorageTables>();
    private ScheduleStore Schedule => fixture.Bot.Services.GetRequiredService<ScheduleStore>();

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    // A program whose review fell due today (collection opened one cadence ago), with people who have a chat.
    private async Task<(JourneyProgram Program, List<Person> People)> ProgramAsync(string tenant)
    {
        var people = Enumerable.Range(0, People)
            .Select(i => new Person($"aad-{Guid.NewGuid():N}", $"Person {i}")).ToList();
        var charter = SamplePrograms.CompleteCharter() with { Sponsors = people, ReviewCadenceDays = 30 };
        var program = SamplePrograms.Program(charter) with
        {
            Id = "p" + Guid.NewGuid().ToString("N"), TenantId = tenant, CollectionOpenedOn = Today.AddDays(-30),
        };
        await fixture.Bot.Services.GetRequiredService<ProgramStore>().ImportAsync(program, CancellationToken.None);
        // As if the channel had already called in: its serviceUrl is trusted.
        await new ServiceUrlTrustStore(Tables, TimeProvider.System)
            .RememberAsync(fixture.Channel.ServiceUrl, CancellationToken.None);
        foreach (var person in people)
        {
            await Tables.Conversations.UpsertEntityAsync(new ConversationRow
            {
                PartitionKey = ConversationStore.PartitionFor(tenant),
                RowKey = ConversationStore.UserRowKey(person.AadObjectId),
                ServiceUrl = fixture.Channel.ServiceUrl, ChannelId = "msteams", ConversationId = Chat(person),
                ConversationType = "personal", TenantId = tenant, BotId = "28:" + fixture.AppId,
                UserAadObjectId = person.AadObjectId, Active = true,
            });
        }
        return (program, people);
    }

    private static string Chat(Person person) => "a:chat-" + person.AadObjectId;

    private List<string> DeliveredTo(IEnumerable<Person> people)
    {
        var chats = people.Select(Chat).ToHashSet();
        return fixture.Channel.Delivered.Where(d => chats.Contains(d.ConversationId))
            .Select(d => d.Body!.ToJsonString()).ToList();
    }

    [Fact]
    public async Task AReviewHeldAfterABatchOfRemindersWasPlannedDropsEveryOneOfThemAndKeepsTheRestOfEachDigest()
    {
        var tenant = Guid.NewGuid().ToString();
        var (program, people) = await ProgramAsync(tenant);
        var now = DateTimeOffset.UtcNow.AddSeconds(-1);
        foreach (var person in people)
        {
            var entries = new DigestEntry[]
            {
                new("review|1|" + person.AadObjectId, FollowUpKind.ReviewDue, program.Id, program.Charter.Name,
                    "REVIEW-IS-DUE", person),
                new("gaps|" + person.AadObjectId, FollowUpKind.DepartmentGaps, program.Id, program.Charter.Name,
                    "STAGE-TWO-IS-EMPTY", person) { DepartmentId = "d1" },
            };
            await Schedule.AddAsync(new ScheduledItem($"digest|{tenant}|{person.AadObjectId}|test",
                FollowUpItems.DigestKind, now, tenant, person.AadObjectId,
                JsonSerializer.Serialize(new DigestPayload(entries), FollowUpItems.Json)),
                CancellationToken.None);
        }

        // Held after the digests were planned, before they go out.
        await fixture.Bot.Services.GetRequiredService<ReviewStore>().AddAsync(program.Id,
            new Review("r-held", Today, people[0]) { Outcome = ReviewOutcome.Confirmed }, CancellationToken.None);
        await fixture.RunDueWorkAsync();

        var sent = DeliveredTo(people);
        Assert.Equal(People, sent.Count);
        Assert.All(sent, body =>
        {
            Assert.DoesNotContain("REVIEW-IS-DUE", body);
            Assert.Contains("STAGE-TWO-IS-EMPTY", body);
        });
    }

    [Fact]
    public async Task ProgressCardsOfADeletedProgramOrForSponsorsWhoLeftAreNotSentAcrossABatch()
    {
        var tenant = Guid.NewGuid().ToString();
        var (gone, goneSponsors) = await ProgramAsync(tenant);
        var (kept, keptSponsors) = await ProgramAsync(tenant);
        var now = DateTimeOffset.UtcNow.AddSeconds(-1);
        async Task PlanAsync(JourneyProgram program, Person sponsor) =>
            await Schedule.AddAsync(new ScheduledItem($"progress|{program.Id}|test|{sponsor.AadObjectId}",
                FollowUpItems.ProgressKind, now, tenant, sponsor.AadObjectId,
                JsonSerializer.Serialize(new ProgressPayload(program.Id, sponsor, "test", "test"), FollowUpItems.Json)),
                CancellationToken.None);
        foreach (var sponsor in goneSponsors) await PlanAsync(gone, sponsor);
        foreach (var sponsor in keptSponsors) await PlanAsync(kept, sponsor);

        // Meanwhile one program is deleted, and all but one of the other's sponsors leave it.
        await JourneyBot.Deletion.ProgramRemoval.RemoveAsync(Tables, tenant, gone.Id, CancellationToken.None);
        var store = fixture.Bot.Services.GetRequiredService<ProgramStore>();
        var header = (await store.LoadHeaderAsync(tenant, kept.Id, CancellationToken.None))!;
        var charterJson = JsonSerializer.Serialize(header.Charter with { Sponsors = [keptSponsors[0]] },
            ProgramFile.Options);
        await Tables.Programs.UpdateEntityAsync(
            new TableEntity(kept.Id, ProgramKeys.Program) { ["CharterJson"] = charterJson },
            header.ETag, TableUpdateMode.Merge);
        await fixture.RunDueWorkAsync();

        Assert.Empty(DeliveredTo(goneSponsors));
        Assert.Single(DeliveredTo(keptSponsors));
        Assert.Single(DeliveredTo([keptSponsors[0]]));
    }

    [Fact]
    public async Task AClaimLostMidBatchLeavesEachItemToTheInstanceThatTookItOver()
    {
        var tenant = Guid.NewGuid().ToString();
        var (program, people) = await ProgramAsync(tenant);
        var now = DateTimeOffset.UtcNow.AddSeconds(-1);
        foreach (var person in people)
        {
            var entry = new DigestEntry("gaps|" + person.AadObjectId, FollowUpKind.DepartmentGaps, program.Id,
                program.Charter.Name, "ONCE-" + person.AadObjectId, person) { DepartmentId = "d1" };
            await Schedule.AddAsync(new ScheduledItem($"digest|{tenant}|{person.AadObjectId}|lost",
                FollowUpItems.DigestKind, now, tenant, person.AadObjectId,
                JsonSerializer.Serialize(new DigestPayload([entry]), FollowUpItems.Json)),
                CancellationToken.None);
        }
        var mine = (await Schedule.ReadDueAsync(DateTimeOffset.UtcNow, 1000, 0, false, CancellationToken.None))
            .Where(r => r.TenantId == tenant).ToList();
        Assert.Equal(People, mine.Count);

        // This instance claims the batch, then stalls past its lease (a long pause, say); the other instance finds
        // the rows due again, claims them and sends them.
        var stalled = await Schedule.ClaimAsync(mine, "stalled-instance", DateTimeOffset.UtcNow.AddSeconds(-1),
            CancellationToken.None);
        var takenOver = await Schedule.ClaimAsync(
            (await Schedule.ReadDueAsync(DateTimeOffset.UtcNow, 1000, 0, false, CancellationToken.None))
                .Where(r => r.TenantId == tenant),
            "other-instance", DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        Assert.Equal(People, takenOver.Count);

        // The stalled instance wakes up and goes on with its batch: its claim check stops every one of them.
        var lifecycle = fixture.Bot.Services.GetRequiredService<SendLifecycle>();
        var handedBack = new List<ScheduleRow>();
        var stalledOutcomes = await Task.WhenAll(
            stalled.Select(r => lifecycle.RunAsync(r, handedBack.Add, CancellationToken.None)));
        var otherOutcomes = await Task.WhenAll(
            takenOver.Select(r => lifecycle.RunAsync(r, handedBack.Add, CancellationToken.None)));

        Assert.All(stalledOutcomes, o => Assert.Null(o));
        Assert.All(otherOutcomes, o => Assert.True(o));
        var sent = DeliveredTo(people);
        Assert.Equal(People, sent.Count);
        Assert.All(people,
            p => Assert.Single(sent, b => b.Contains("ONCE-" + p.AadObjectId, StringComparison.Ordinal)));
        // Completed by the instance that sent them: none of the tenant's rows is left.
        Assert.Empty(Tables.Schedule.Query<TableEntity>(e => e.GetString("TenantId") == tenant));
    }
}

using System.Text.Json;
using Azure.Data.Tables;
using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.FollowUps;
using JourneyBot.Programs;
using JourneyBot.Scheduling;
using JourneyBot.Storage;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Outreach;

namespace JourneyBot.Tests.Scheduling;

// Writes due sends straight into the schedule, as daily planning would: one single-nudge digest per send,
// to people who each have a personal chat with the bot, spread over tenants and conversations.
public static class DueSends
{
    public sealed record Seeded(int Sends, IReadOnlyList<string> Conversations);

    // `batch` names the sends, so a second batch to the same people is told apart from the first.
    public static async Task<Seeded> SeedAsync(string storage, TestChannel channel, string appId, int sends, int conversations, int tenants, DateTimeOffset dueAt, string batch = "bench")
    {
        var tables = new StorageTables(new TableServiceClient(storage));
        foreach (var name in StorageTables.All) await tables.Service.CreateTableIfNotExistsAsync(name);
        // As if the channel had already called in: its serviceUrl is trusted.
        await new ServiceUrlTrustStore(tables, TimeProvider.System).RememberAsync(channel.ServiceUrl, CancellationToken.None);

        var people = Enumerable.Range(0, conversations).Select(i => (Tenant: $"tenant-{i % tenants}", Person: $"person-{i:D5}", Chat: $"a:chat-{i:D5}")).ToList();
        foreach (var tenant in people.GroupBy(p => p.Tenant))
        {
            foreach (var chunk in tenant.Chunk(100))
            {
                await tables.Conversations.SubmitTransactionAsync(chunk.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new ConversationRow
                {
                    PartitionKey = ConversationStore.PartitionFor(p.Tenant), RowKey = ConversationStore.UserRowKey(p.Person), ServiceUrl = channel.ServiceUrl, ChannelId = "msteams",
                    ConversationId = p.Chat, ConversationType = "personal", TenantId = p.Tenant, BotId = "28:" + appId, UserAadObjectId = p.Person, Active = true,
                })));
            }
        }

        // The program the nudges are about: a digest is only sent while its program exists.
        var programs = new ProgramStore(tables, new MembershipStore(tables), TimeProvider.System);
        foreach (var tenant in people.Select(p => p.Tenant).Distinct())
        {
            var program = JourneyBot.Tests.Domain.SamplePrograms.Program() with { Id = BenchProgram(tenant), TenantId = tenant, CollectionOpenedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30) };
            if (await programs.LoadHeaderAsync(tenant, program.Id, CancellationToken.None) is null) await programs.ImportAsync(program, CancellationToken.None);
        }

        var items = Enumerable.Range(0, sends).Select(i =>
        {
            var (tenant, person, _) = people[i % conversations];
            var entry = new DigestEntry($"{batch}|{i}", FollowUpKind.DepartmentGaps, BenchProgram(tenant), "Licence renewal", $"Nudge {batch} {i}: Department 1 has nothing yet in Stage 2.", new Person(person, person)) { DepartmentId = "d1" };
            return new ScheduledItem($"digest|{tenant}|{person}|{batch}|{i:D6}", FollowUpItems.DigestKind, dueAt, tenant, person,
                JsonSerializer.Serialize(new DigestPayload([entry]), FollowUpItems.Json));
        }).ToList();
        var store = new ScheduleStore(tables);
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (item, ct) => await store.AddAsync(item, ct));
        return new Seeded(sends, people.Select(p => p.Chat).ToList());
    }

    // Program ids are unique across tenants.
    private static string BenchProgram(string tenant) => $"prog-bench-{tenant}";

    // Rows still waiting in the schedule (not the instance heartbeats).
    public static async Task<int> PendingAsync(string storage)
    {
        var table = new TableServiceClient(storage).GetTableClient(StorageTables.ScheduleName);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey.CompareTo("due|") >= 0 && e.PartitionKey.CompareTo("due}") < 0, select: ["RowKey"])) count++;
        return count;
    }

    public static async Task<int> ClaimedByAsync(string storage, string instance)
    {
        var table = new TableServiceClient(storage).GetTableClient(StorageTables.ScheduleName);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey.CompareTo("due|") >= 0 && e.PartitionKey.CompareTo("due}") < 0 && e["ClaimedBy"] == (object)instance, select: ["RowKey"])) count++;
        return count;
    }
}

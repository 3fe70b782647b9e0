using System.Text.Json.Nodes;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.FollowUps;
using JourneyBot.Programs;
using JourneyBot.Scheduling;
using JourneyBot.Storage;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using JourneyBot.Outreach;

namespace JourneyBot.Tests.Playground;

// The review loop in the Teams stand-in: the scheduler's reminder arrives in the owner's chat, and the owner
// walks through the touchpoints and completes the review from it.
public sealed class PlaygroundReviewTests
{
    private static JsonObject Data(JsonObject card, string verb) => CardJson.ActionData(card, verb);

    [Fact]
    public async Task AReviewReminderArrivesAndTheReviewIsCompletedInThePlayground()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var azurite = await AzuriteServer.StartAsync();
        using var bot = BotApp.Anonymous(azurite.ConnectionString, services => services.AddSingleton<TimeProvider>(clock)).Start();
        await using var playground = await Infrastructure.Playground.StartAsync(new Uri(bot.BaseAddress, "/api/messages"));
        await playground.InstallAsync();
        await playground.WaitForMessageAsync(m => Infrastructure.Playground.CardTitle(m) == "Welcome to JourneyBot", "the welcome card");
        var me = await playground.CurrentUserAadObjectIdAsync();
        var tables = bot.Services.GetRequiredService<StorageTables>();
        var tenant = tables.Conversations.Query<TableEntity>(e => e.RowKey == "u:" + TableKey.Encode(me)).Single().GetString("TenantId");

        // A program whose review fell due today, with working hours around the clock so the reminder goes at once.
        var today = WorkingTime.LocalDate(clock.GetUtcNow(), TimeZoneInfo.Utc);
        var owner = new Person(me, "Playground owner");
        var charter = SamplePrograms.CompleteCharter() with
        {
            Name = "Playground renewal",
            Owners = [owner],
            Sponsors = [owner],
            Departments = [new Department("d1", "Sales", [owner]), new Department("d2", "Billing", [owner])],
            WorkingHours = new WorkingHours(TimeOnly.MinValue, new TimeOnly(23, 59), Enum.GetValues<DayOfWeek>(), "UTC"),
        };
        var touchpoints = Enumerable.Range(1, 3).Select(i => SamplePrograms.Touchpoint(i, $"s{(i % 2) + 1}", $"d{(i % 2) + 1}", owner) with { CreatedAt = clock.GetUtcNow().AddDays(-31) });
        var program = SamplePrograms.Program(charter, touchpoints, collectionOpenedOn: today.AddDays(-30)) with { Id = "pg" + Guid.NewGuid().ToString("N")[..8], TenantId = tenant! };
        await bot.Services.GetRequiredService<ProgramStore>().ImportAsync(program, CancellationToken.None);
        await bot.Services.GetRequiredService<ScheduleStore>().AddAsync(FollowUpItems.PlanItem(tenant!, program.Id, clock.GetUtcNow()), CancellationToken.None);

        var scheduler = bot.Services.GetRequiredService<Scheduler>();
        // Bounded: a send that waited on the test's clock would otherwise hang the run.
        for (var i = 0; i < 3; i++) await scheduler.TickAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        var reminder = await playground.WaitForMessageAsync(m => m.ToJsonString().Contains("review.start") && m.ToJsonString().Contains("Review due"), "the review reminder");
        var messageId = reminder["messageId"]!.ToString();
        var page = (await playground.ClickAsync("review.start", messageId, Data(reminder["attachments"]![0]!["content"]!.AsObject(), "review.start")))["value"]!.AsObject();
        Assert.Contains("0 of 3 touchpoints verified", page.ToJsonString());
        page = (await playground.ClickAsync("review.confirmPage", messageId, Data(page, "review.confirmPage")))["value"]!.AsObject();
        Assert.Contains("3 of 3 touchpoints verified", page.ToJsonString());
        var done = (await playground.ClickAsync("review.complete", messageId, Data(page, "review.complete")))["value"]!.AsObject();
        Assert.Contains("Review completed", done.ToJsonString());

        var stored = await bot.Services.GetRequiredService<ProgramStore>().LoadAsync(tenant!, program.Id, CancellationToken.None);
        Assert.Equal(today, Assert.Single(stored!.Reviews).CompletedOn);
        Assert.All(stored.ActiveTouchpoints(), t => Assert.Equal(today, t.LastVerifiedOn));
    }
}

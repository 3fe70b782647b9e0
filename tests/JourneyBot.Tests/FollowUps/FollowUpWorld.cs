using System.Text.Json.Nodes;
using Azure.Data.Tables;
using JourneyBot.Conversations;
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

namespace JourneyBot.Tests.FollowUps;

// A program that has been collecting for a while, its people each with a personal chat, and the app on a
// clock the test moves. Ticks are driven by hand so each step is deterministic.
public sealed class FollowUpWorld : IAsyncDisposable
{
    // Monday 30 November 2026, 06:00 UTC: before working hours in London.
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly StartDay = DateOnly.FromDateTime(Start.UtcDateTime);

    public static readonly Person Owner = new("aad-owner", "Olivia Owner");
    public static readonly Person Sponsor = new("aad-sponsor", "Sam Sponsor");
    public static readonly Person Sales = new("aad-sales", "Sally Sales");
    public static readonly Person Support = new("aad-support", "Steve Support");
    public static readonly Person SecondSponsor = new("aad-sponsor-2", "Kim Sponsor");

    private readonly BotFixture _fixture;

    public FakeTimeProvider Clock { get; } = new(Start);
    public BotApp Bot { get; private set; }
    public string TenantId { get; } = Guid.NewGuid().ToString();
    public JourneyProgram Program { get; }
    public TestChannel Channel => _fixture.Channel;

    private FollowUpWorld(BotFixture fixture, JourneyProgram program)
    {
        _fixture = fixture;
        Program = program with { TenantId = TenantId };
        Bot = BotApp.Authenticated(fixture.Azurite.ConnectionString, fixture.Channel, fixture.AppId, services => services.AddSingleton<TimeProvider>(Clock)).Start();
    }

    public static JourneyProgram Sample(int openedDaysAgo = 30, IEnumerable<Touchpoint>? touchpoints = null, IEnumerable<ImprovementAction>? actions = null)
    {
        var charter = SamplePrograms.CompleteCharter(stages: 2, departments: 2) with
        {
            Owners = [Owner],
            Sponsors = [Sponsor],
            Departments = [new Department("d1", "Sales", [Sales]), new Department("d2", "Support", [Support])],
            WorkingHours = WorkingTime.Default with { TimeZone = "Europe/London" },
        };
        return SamplePrograms.Program(charter, touchpoints ?? [
            SamplePrograms.Touchpoint(1, "s1", "d1", Sales) with { CreatedAt = Start.AddDays(-40), Emotion = -1, PainPoints = "Price is a surprise" },
            SamplePrograms.Touchpoint(2, "s2", "d1", Sales) with { CreatedAt = Start.AddDays(-40), Emotion = 1 },
            SamplePrograms.Touchpoint(3, "s1", "d2", Support) with { CreatedAt = Start.AddDays(-40), Emotion = -2, Evidence = Evidence.SupportTickets },
        ], actions, collectionOpenedOn: StartDay.AddDays(-openedDaysAgo)) with { Id = "p" + Guid.NewGuid().ToString("N")[..10] };
    }

    public static async Task<FollowUpWorld> StartAsync(BotFixture fixture, JourneyProgram? program = null, IReadOnlyDictionary<string, string>? timeZones = null)
    {
        var world = new FollowUpWorld(fixture, program ?? Sample());
        var tables = world.Bot.Services.GetRequiredService<StorageTables>();
        await world.Bot.Services.GetRequiredService<ProgramStore>().ImportAsync(world.Program, CancellationToken.None);
        await ((ServiceUrlTrustStore)world.Bot.Services.GetRequiredService<JourneyBot.Protocol.IServiceUrlTrust>()).RememberAsync(fixture.Channel.ServiceUrl, CancellationToken.None);
        foreach (var person in new[] { Owner, Sponsor, Sales, Support, SecondSponsor })
        {
            await tables.Conversations.UpsertEntityAsync(new ConversationRow
            {
                PartitionKey = ConversationStore.PartitionFor(world.TenantId), RowKey = ConversationStore.UserRowKey(person.AadObjectId), ServiceUrl = fixture.Channel.ServiceUrl,
                ChannelId = "msteams", ConversationId = world.ChatOf(person), ConversationType = "personal", TenantId = world.TenantId, BotId = "28:" + fixture.AppId,
                UserAadObjectId = person.AadObjectId, Active = true, TimeZone = timeZones?.GetValueOrDefault(person.AadObjectId),
            }, TableUpdateMode.Replace);
        }
        await world.Bot.Services.GetRequiredService<ScheduleStore>().AddAsync(FollowUpItems.PlanItem(world.TenantId, world.Program.Id, world.Clock.GetUtcNow()), CancellationToken.None);
        return world;
    }

    // The app started again on other storage (an account restored from a backup), or with other settings, on the
    // same clock and channel.
    public async Task MoveToAsync(string storage, IDictionary<string, string?>? settings = null)
    {
        await Bot.DisposeAsync();
        Bot = BotApp.Authenticated(storage, _fixture.Channel, _fixture.AppId,
            services => services.AddSingleton<TimeProvider>(Clock), settings).Start();
    }

    public string ChatOf(Person person) => $"a:chat-{TenantId}-{person.AadObjectId}";

    // Runs ticks until nothing due is left at this instant (planning, then what it scheduled for now). The clock
    // creeps forward meanwhile, a second per 20 ms, as it would: sends that wait for a rate-limit slot get it.
    public async Task TickAsync()
    {
        var scheduler = Bot.Services.GetRequiredService<Scheduler>();
        using var done = new CancellationTokenSource();
        var creep = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                await Task.Delay(20);
                Clock.Advance(TimeSpan.FromSeconds(1));
            }
        });
        try
        {
            for (var i = 0; i < 5; i++)
            {
                if ((await scheduler.TickAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60))).Read == 0) return;
            }
        }
        finally
        {
            await done.CancelAsync();
            await creep;
        }
    }

    public async Task AtAsync(DateTimeOffset when)
    {
        Clock.SetUtcNow(when);
        await TickAsync();
    }

    // The cards delivered to a person, oldest first.
    public IReadOnlyList<JsonObject> CardsTo(Person person) => Channel.Delivered
        .Where(d => d.ConversationId == ChatOf(person))
        .Select(d => d.Body!["attachments"]![0]!["content"]!.AsObject())
        .ToList();

    public Activities As(Person person) => new(Channel.ServiceUrl, _fixture.AppId) { TenantId = TenantId, UserAadObjectId = person.AadObjectId, ConversationId = ChatOf(person) };

    public async Task<JsonObject> ClickAsync(Person person, string verb, JsonObject data)
    {
        var response = await Bot.PostActivityAsync(As(person).CardAction(verb, data), _fixture.Token());
        response.EnsureSuccessStatusCode();
        var body = await BotApp.ReadJsonAsync(response);
        return body!["value"]!.AsObject();
    }

    public Task<JourneyProgram?> LoadAsync() => Bot.Services.GetRequiredService<ProgramStore>().LoadAsync(TenantId, Program.Id, CancellationToken.None);

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}

using System.Text.Json.Nodes;
using JourneyBot.Charters;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Tests.FollowUps;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Tests.FollowUps.FollowUpWorld;

namespace JourneyBot.Tests.Actions;

// "You said, we did": an action made from a pain point is done, and the people who reported it hear what came of
// it, once each, in their working hours, through the real endpoint and scheduler on Azurite.
public sealed class YouSaidWeDidTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private static bool IsYouSaid(JsonObject card) => CardJson.Text(card).Contains("You said, we did");

    // Sales recorded the touchpoint and is one of its department's contacts; Support is the other contact. The
    // owner does the action and marks it done.
    private static JourneyProgram Program()
    {
        var sample = Sample(touchpoints: [
            Domain.SamplePrograms.Touchpoint(1, "s1", "d1", Sales) with
            {
                CreatedAt = Start.AddDays(-40), Emotion = -1, PainPoints = "Price is a *surprise* <b>every</b> year",
            },
        ]);
        var charter = sample.Charter with
        {
            Departments = [new Department("d1", "Sales", [Sales, Support]), new Department("d2", "Support", [Support])],
        };
        var action = new ImprovementAction
        {
            Id = "a1", Title = "Show the new price in the renewal notice", TouchpointId = "t1", PainPointId = "t1-p1",
            Owner = Owner, DueOn = StartDay.AddDays(20), Status = ActionStatus.InProgress, MetricId = "m1",
            StartedOn = StartDay.AddDays(-20), DoneOn = StartDay.AddDays(-5),
        };
        var readings = new[] { (-30, 0.80m), (-3, 0.84m), (-1, 0.86m) }.Select(r => new MetricReading
        {
            MetricId = "m1", Value = r.Item2, On = StartDay.AddDays(r.Item1), RecordedBy = Owner,
        }).ToList();
        return sample with { Charter = charter, Actions = [action], Readings = readings };
    }

    private static JsonObject Status(FollowUpWorld world, string status) =>
        new() { ["programId"] = world.Program.Id, ["actionId"] = "a1", ["status"] = status };

    // 09:01 London on the start day (GMT): inside working hours.
    private static readonly DateTimeOffset WorkingMorning = Start.AddHours(3).AddMinutes(1);

    [Fact]
    public async Task TheRecorderAndTheDepartmentsContactsHearOnceInWorkingHoursAndTheDoerDoesNot()
    {
        await using var world = await StartAsync(fixture, Program());

        await world.ClickAsync(Owner, "action.status", Status(world, "done"));
        await world.TickAsync();
        // 06:00 in London: nothing yet.
        Assert.DoesNotContain(world.CardsTo(Sales), IsYouSaid);

        await world.AtAsync(WorkingMorning);
        var toSales = Assert.Single(world.CardsTo(Sales), IsYouSaid);
        var toSupport = Assert.Single(world.CardsTo(Support), IsYouSaid);
        Assert.DoesNotContain(world.CardsTo(Owner), IsYouSaid);

        var text = CardJson.Text(toSales);
        Assert.Contains("You reported this pain at Stage 1", text);
        // Typed text literally: no Markdown, no HTML.
        Assert.Contains(@"Price is a \\*surprise\\* \\<b\\>every\\</b\\> year", text);
        Assert.Contains("Show the new price in the renewal notice", text);
        Assert.Contains(Owner.DisplayName, text);
        // Before: 0.80 (before it started); after done: 0.84, 0.86.
        Assert.Contains("Renewal rate: +0.06 % since done, 2 readings (0.8 % → 0.86 %, towards the target)", text);
        Assert.Contains($"{Sales.DisplayName} of Sales reported this pain", CardJson.Text(toSupport));

        // Reopened and done again: nobody hears twice.
        await world.ClickAsync(Owner, "action.status", Status(world, "inProgress"));
        await world.ClickAsync(Owner, "action.status", Status(world, "done"));
        await world.AtAsync(WorkingMorning.AddDays(1));
        Assert.Single(world.CardsTo(Sales), IsYouSaid);
        Assert.Single(world.CardsTo(Support), IsYouSaid);
    }

    [Fact]
    public async Task ARestartBeforeAndAfterSendingSendsEachCardOnce()
    {
        await using var world = await StartAsync(fixture, Program());
        await world.ClickAsync(Owner, "action.status", Status(world, "done"));

        // Queued, then the app stops before anything goes out, and starts again.
        await world.MoveToAsync(fixture.Azurite.ConnectionString);
        await world.AtAsync(WorkingMorning);
        Assert.Single(world.CardsTo(Sales), IsYouSaid);
        Assert.Single(world.CardsTo(Support), IsYouSaid);

        // Started again after sending, the same click redelivered as a new one and the scheduler run once more.
        await world.MoveToAsync(fixture.Azurite.ConnectionString);
        await world.ClickAsync(Owner, "action.status", Status(world, "inProgress"));
        await world.ClickAsync(Owner, "action.status", Status(world, "done"));
        await world.AtAsync(WorkingMorning.AddHours(2));
        Assert.Single(world.CardsTo(Sales), IsYouSaid);
        Assert.Single(world.CardsTo(Support), IsYouSaid);
    }

    [Fact]
    public async Task APersonWhoLeftTheProgramBeforeTheCardWentOutIsNotSentIt()
    {
        await using var world = await StartAsync(fixture, Program());
        await world.ClickAsync(Owner, "action.status", Status(world, "done"));

        // Support leaves both departments after the card was queued for them.
        var header = (await world.Bot.Services.GetRequiredService<ProgramStore>()
            .LoadHeaderAsync(world.TenantId, world.Program.Id, CancellationToken.None))!;
        var charter = header.Charter with
        {
            Departments = [new Department("d1", "Sales", [Sales]), new Department("d2", "Support", [Owner])],
        };
        await world.Bot.Services.GetRequiredService<CharterStore>()
            .SaveAsync(header, charter, Owner, CancellationToken.None);


        await world.AtAsync(WorkingMorning);
        Assert.Single(world.CardsTo(Sales), IsYouSaid);
        Assert.DoesNotContain(world.CardsTo(Support), IsYouSaid);
    }

    [Fact]
    public async Task AnActionNotMadeFromAPainPointTellsNobody()
    {
        var program = Program();
        await using var world = await StartAsync(fixture, program with
        {
            Actions = [program.Actions[0] with { TouchpointId = null, PainPointId = null }],
        });
        await world.ClickAsync(Owner, "action.status", Status(world, "done"));
        await world.AtAsync(WorkingMorning);
        Assert.DoesNotContain(world.CardsTo(Sales), IsYouSaid);
        Assert.DoesNotContain(world.CardsTo(Support), IsYouSaid);
    }
}

using System.Text.Json.Nodes;
using JourneyBot.Domain;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using JourneyBot.Health;
using static JourneyBot.Tests.FollowUps.FollowUpWorld;

using JourneyBot.Tests.Reviews;

namespace JourneyBot.Tests.FollowUps;

// Follow-ups on a clock the test moves: each goes out once, at the person's local working time, combined
// into one digest per person and day.
public class FollowUpSchedulingTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private static string Text(JsonObject card) => CardJson.Text(card);

    [Fact]
    public async Task NudgesWaitForWorkingHoursAndEachPersonGetsOneMessageADay()
    {
        var action = new ImprovementAction { Id = "a1", Title = "Show the new price", Owner = Sales, DueOn = StartDay.AddDays(-3) };
        await using var world = await StartAsync(fixture, Sample(actions: [action]), new Dictionary<string, string> { [Support.AadObjectId] = "America/New_York" });

        // 06:00 in London: planned, but nobody is messaged before 09:00.
        await world.TickAsync();
        Assert.DoesNotContain(world.Channel.Delivered, d => d.TenantId == world.TenantId);

        await world.AtAsync(Start.AddHours(3));
        // The owner: the review is due (30 days since collection opened).
        var owner = Assert.Single(world.CardsTo(Owner));
        Assert.Contains("Review due", Text(owner));
        Assert.Contains("review.start", Text(owner));
        // Sales: the overdue action and touchpoints not verified for 40 days arrive as one digest.
        var sales = Assert.Single(world.CardsTo(Sales));
        Assert.Contains("things need you today", Text(sales));
        Assert.Contains("Show the new price", Text(sales));
        Assert.Contains("not verified", Text(sales));
        // The sponsor's progress card.
        var progress = Assert.Single(world.CardsTo(Sponsor));
        Assert.Contains("Progress:", Text(progress));
        // Support works in New York: still night there.
        Assert.Empty(world.CardsTo(Support));

        await world.AtAsync(Start.AddHours(8));
        var support = Assert.Single(world.CardsTo(Support));
        Assert.Contains("Stage 2", Text(support));

        // Later that day and the next day nothing is sent again: every occasion was planned once.
        await world.AtAsync(Start.AddHours(10));
        await world.AtAsync(Start.AddDays(1).AddHours(3));
        await world.AtAsync(Start.AddDays(1).AddHours(9));
        Assert.Single(world.CardsTo(Owner));
        Assert.Single(world.CardsTo(Sales));
        Assert.Single(world.CardsTo(Support));
        Assert.Single(world.CardsTo(Sponsor));
    }

    [Fact]
    public async Task ADigestPlannedAtNightDropsWhatWasDoneBeforeItsMorning()
    {
        var action = new ImprovementAction { Id = "a1", Title = "Show the new price", Owner = Sales, DueOn = StartDay.AddDays(-3) };
        await using var world = await StartAsync(fixture, Sample(actions: [action]));
        // 06:00: the review reminder and the overdue nudge are planned for 09:00.
        await world.TickAsync();

        // Before nine the owner completes the review and Sales marks the action done.
        await world.ClickAsync(Owner, "review.complete", new JsonObject { ["programId"] = world.Program.Id });
        await world.ClickAsync(Sales, "action.status", new JsonObject { ["programId"] = world.Program.Id, ["actionId"] = "a1", ["status"] = "done" });
        await world.AtAsync(Start.AddHours(3));

        Assert.DoesNotContain(world.CardsTo(Owner), c => Text(c).Contains("Review due"));
        // Sales still hears about what is still true (touchpoints not verified), not about the action.
        var sales = Assert.Single(world.CardsTo(Sales));
        Assert.DoesNotContain("Show the new price", Text(sales));
        Assert.Contains("not verified", Text(sales));
    }

    [Fact]
    public async Task WeekendsAreQuietAndTheSecondReminderComesWhenTheReviewIsStillNotDone()
    {
        // Opened 25 days before Monday: the review falls due on Saturday.
        await using var world = await StartAsync(fixture, Sample(openedDaysAgo: 25));
        await world.AtAsync(Start.AddDays(4).AddHours(3)); // Friday 09:00
        Assert.DoesNotContain(world.CardsTo(Owner), c => Text(c).Contains("Review due"));
        await world.AtAsync(Start.AddDays(5).AddHours(8)); // Saturday 14:00
        await world.AtAsync(Start.AddDays(6).AddHours(8)); // Sunday 14:00
        Assert.DoesNotContain(world.CardsTo(Owner), c => Text(c).Contains("Review due"));
        await world.AtAsync(Start.AddDays(7).AddHours(3)); // Monday 09:00
        Assert.Single(world.CardsTo(Owner), c => Text(c).Contains("Review due"));
        // Three days after it fell due (Tuesday) the second reminder; the first is not repeated.
        await world.AtAsync(Start.AddDays(8).AddHours(3));
        Assert.Single(world.CardsTo(Owner), c => Text(c).Contains("Review overdue"));
        Assert.Single(world.CardsTo(Owner), c => Text(c).Contains("Review due"));
    }

    [Fact]
    public async Task OverdueActionsAreNudgedOncePerWeek()
    {
        var action = new ImprovementAction { Id = "a1", Title = "Show the new price", Owner = Sponsor, DueOn = StartDay.AddDays(-1) };
        await using var world = await StartAsync(fixture, Sample(openedDaysAgo: 10, actions: [action]));
        for (var day = 0; day < 14; day++) await world.AtAsync(Start.AddDays(day).AddHours(4));
        var nudges = world.CardsTo(Sponsor).Where(c => Text(c).Contains("Show the new price")).ToList();
        Assert.Equal(2, nudges.Count);
    }

    [Fact]
    public async Task TheSponsorsAcknowledgementIsRecordedAndFeedsSponsorEngagement()
    {
        await using var world = await StartAsync(fixture);
        await world.AtAsync(Start.AddHours(3));
        var card = Assert.Single(world.CardsTo(Sponsor));
        var ack = CardJson.ActionData(card, "progress.ack");

        // Someone else cannot acknowledge the sponsor's card.
        var refused = await world.ClickAsync(Owner, "progress.ack", ack.DeepClone().AsObject());
        Assert.Contains("not sent to you", Text(refused));

        var updated = await world.ClickAsync(Sponsor, "progress.ack", ack.DeepClone().AsObject());
        Assert.Contains("Acknowledged on", Text(updated));
        var program = await world.LoadAsync();
        var update = Assert.Single(program!.ProgressUpdates);
        Assert.Equal([new Acknowledgement(Sponsor.AadObjectId, StartDay)], update.Acknowledgements);
        Assert.NotNull(update.Snapshot);
        var engagement = MapHealth.Evaluate(program, StartDay).Single(c => c.Id.Name() == "sponsor-engagement");
        Assert.Equal(HealthStatus.Ok, engagement.Status);
    }

    [Fact]
    public async Task AnOwnerPostponesTheReviewWithADateAndAReasonAndTheReminderMovesThere()
    {
        await using var world = await StartAsync(fixture);
        await world.AtAsync(Start.AddHours(3));
        var reminder = Assert.Single(world.CardsTo(Owner));
        var postpone = CardJson.ActionData(reminder, "review.postpone");

        // No date and a reason: refused, the reason typed comes back.
        postpone["postponeReason"] = "Half the team is at the **trade fair**";
        var refused = await world.ClickAsync(Owner, "review.postpone", postpone.DeepClone().AsObject());
        Assert.Contains("Pick the new date", Text(refused));
        Assert.Contains("Half the team is at the **trade fair**", refused.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        // Further than a cadence away is skipping, not postponing.
        postpone["postponeTo"] = StartDay.AddDays(45).ToString("yyyy-MM-dd");
        Assert.Contains("at most 30 days away", Text(await world.ClickAsync(Owner, "review.postpone", postpone.DeepClone().AsObject())));
        // Someone who is not an owner cannot postpone.
        postpone["postponeTo"] = StartDay.AddDays(10).ToString("yyyy-MM-dd");
        Assert.Contains("Only the program's owners postpone", Text(await world.ClickAsync(Sales, "review.postpone", postpone.DeepClone().AsObject())));

        var done = await world.ClickAsync(Owner, "review.postpone", postpone.DeepClone().AsObject());

        Assert.Contains($"Review postponed to {StartDay.AddDays(10):d MMM yyyy}", Text(done));
        var program = await world.LoadAsync();
        var review = Assert.Single(program!.Reviews);
        Assert.Equal(ReviewOutcome.Postponed, review.Outcome);
        Assert.Equal("Half the team is at the **trade fair**", review.Note);
        Assert.False(review.WasHeld());
        Assert.Equal(StartDay.AddDays(10), FollowUpPlan.NextReviewDue(program));
        await world.AtAsync(Start.AddDays(9).AddHours(3));
        Assert.Single(world.CardsTo(Owner), c => Text(c).Contains("Review due"));
        await world.AtAsync(Start.AddDays(10).AddHours(3));
        Assert.Equal(2, world.CardsTo(Owner).Count(c => Text(c).Contains("Review due")));
    }

    [Fact]
    public async Task ACompletedReviewVerifiesTouchpointsStoresASnapshotAndTheNextReminderFollowsACadenceLater()
    {
        await using var world = await StartAsync(fixture);
        await world.AtAsync(Start.AddHours(3));
        var reminder = Assert.Single(world.CardsTo(Owner));
        var start = CardJson.ActionData(reminder, "review.start");
        var page = await world.ClickAsync(Owner, "review.start", start);
        Assert.Contains("0 of 3 touchpoints verified", Text(page));

        var confirmAll = CardJson.ActionData(page, "review.confirmPage");
        page = await world.ClickAsync(Owner, "review.confirmPage", confirmAll);
        Assert.Contains("3 of 3 touchpoints verified", Text(page));

        var complete = CardJson.ActionData(page, "review.complete");
        var done = await world.ClickAsync(Owner, "review.complete", complete);
        Assert.Contains("Review completed", Text(done));
        Assert.Contains(StartDay.AddDays(30).ToString("d MMM yyyy"), Text(done));

        var program = await world.LoadAsync();
        Assert.All(program!.ActiveTouchpoints(), t => Assert.Equal(StartDay, t.LastVerifiedOn));
        var review = Assert.Single(program.Reviews);
        Assert.Equal(3, review.Snapshot!.Touchpoints);
        Assert.Equal(-1.5, review.Snapshot.EmotionByStage["s1"]);

        // No reminder until the cadence has passed again; then exactly one.
        await world.AtAsync(Start.AddDays(29).AddHours(3));
        Assert.Single(world.CardsTo(Owner), c => Text(c).Contains("Review due"));
        await world.AtAsync(Start.AddDays(30).AddHours(3));
        await world.AtAsync(Start.AddDays(30).AddHours(6));
        Assert.Equal(2, world.CardsTo(Owner).Count(c => Text(c).Contains("Review due")));
    }

    [Fact]
    public async Task ADepartmentContactReviewsOnlyTheirOwnDepartment()
    {
        await using var world = await StartAsync(fixture);
        var page = await world.ClickAsync(Support, "review.start", new JsonObject { ["programId"] = world.Program.Id });
        Assert.Contains("Support", Text(page));
        Assert.Contains("0 of 1 touchpoints verified", Text(page));
        Assert.DoesNotContain("review.complete", Text(page));

        // A forged click on another department's touchpoint changes nothing.
        var refused = await world.ClickAsync(Support, "review.retire", await ReviewPresses.DecisionAsync(world.Bot.Services, world.Program.Id, "t1", page: null));
        Assert.Contains("another department", Text(refused));
        var forgedComplete = await world.ClickAsync(Support, "review.complete", new JsonObject { ["programId"] = world.Program.Id });
        Assert.Contains("Only the program's owners", Text(forgedComplete));
        var program = await world.LoadAsync();
        Assert.False(program!.Touchpoints.Single(t => t.Id == "t1").Retired);
        Assert.Empty(program.Reviews);

        page = await world.ClickAsync(Support, "review.retire", await ReviewPresses.DecisionAsync(world.Bot.Services, world.Program.Id, "t3", page: null));
        Assert.Contains("0 of 0 touchpoints", Text(page));
        Assert.True((await world.LoadAsync())!.Touchpoints.Single(t => t.Id == "t3").Retired);
    }

    [Fact]
    public async Task ThePersonsTimeZoneComesFromTheirTeamsClient()
    {
        await using var world = await StartAsync(fixture);
        var entities = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["timezone"] = "America/Los_Angeles" });
        var response = await world.Bot.PostActivityAsync(world.As(Support).Message("help", entities: entities), fixture.Token());
        response.EnsureSuccessStatusCode();

        // 09:00 in Los Angeles is 17:00 UTC: nothing for Support at 16:00 UTC, the nudge at 17:00.
        await world.AtAsync(Start.AddHours(10));
        Assert.Empty(world.CardsTo(Support));
        await world.AtAsync(Start.AddHours(11));
        Assert.Single(world.CardsTo(Support));
    }

    [Fact]
    public async Task TheSponsorsProgressCardSaysWhenTheReviewIsOverdueAndWhatChangedSinceTheLastCard()
    {
        // Opened 64 days ago: the first card was due a cadence ago, the review is 34 days late.
        await using var world = await StartAsync(fixture, Sample(openedDaysAgo: 64));
        await world.AtAsync(Start.AddHours(3));
        var first = Text(Assert.Single(world.CardsTo(Sponsor)));
        Assert.Contains("is overdue", first);
        Assert.Contains("first progress card", first);

        // A touchpoint later, the next card a cadence on says what changed.
        var store = world.Bot.Services.GetRequiredService<JourneyBot.Touchpoints.TouchpointStore>();
        await store.AddAsync(world.Program.Id, JourneyBot.Tests.Domain.SamplePrograms.Touchpoint(9, "s2", "d2", Support) with { CreatedAt = Start.AddDays(1) }, CancellationToken.None);
        await world.AtAsync(Start.AddDays(30).AddHours(3));
        Assert.Equal(2, world.CardsTo(Sponsor).Count);
        var second = Text(world.CardsTo(Sponsor)[1]);
        Assert.Contains("4 (+1)", second);
        Assert.Contains($"Changes are since {StartDay:d MMM yyyy}", second);
    }
}

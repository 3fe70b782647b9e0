using System.Text.Json.Nodes;
using JourneyBot.Domain;
using JourneyBot.Tests.FollowUps;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Health;
using static JourneyBot.Tests.FollowUps.FollowUpWorld;

namespace JourneyBot.Tests.Reviews;

// How a review ended, through the real endpoint: confirmed when the map was only verified, updated when touchpoints
// were added, edited or retired since it started; a note on the summary; cancelled with a reason from the reminder,
// which is not a held review.
public sealed class ReviewOutcomeTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private static string Text(JsonObject card) => CardJson.Text(card);

    private static async Task<JsonObject> StartReviewAsync(FollowUpWorld world)
    {
        await world.AtAsync(Start.AddHours(3));
        var reminder = Assert.Single(world.CardsTo(Owner));
        return await world.ClickAsync(Owner, "review.start", CardJson.ActionData(reminder, "review.start"));
    }

    [Fact]
    public async Task AReviewThatOnlyVerifiedTheMapIsConfirmed()
    {
        await using var world = await StartAsync(fixture);
        var page = await StartReviewAsync(world);
        page = await world.ClickAsync(Owner, "review.confirmPage", CardJson.ActionData(page, "review.confirmPage"));

        var done = Text(await world.ClickAsync(Owner, "review.complete", CardJson.ActionData(page, "review.complete")));

        Assert.Contains("Confirmed: the map still matches: no touchpoint added, edited or retired", done);
        Assert.Equal(ReviewOutcome.Confirmed, Assert.Single((await world.LoadAsync())!.Reviews).Outcome);
    }

    [Fact]
    public async Task AReviewInWhichTouchpointsWereEditedAndRetiredIsUpdated()
    {
        await using var world = await StartAsync(fixture);
        var page = await StartReviewAsync(world);
        // A contact edits one of their touchpoints while the review is under way, and the owner retires another.
        var form = await world.ClickAsync(Sales, "touchpoint.edit", await ReviewPresses.DecisionAsync(world.Bot.Services, world.Program.Id, "t1", page: null));
        var edit = CardJson.SubmitData(form);
        edit["customerAction"] = "Reads the renewal email, now with the price";
        Assert.Contains("Saved.", Text(await world.ClickAsync(Sales, "touchpoint.update", edit)));
        await world.ClickAsync(Owner, "review.retire", await ReviewPresses.DecisionAsync(world.Bot.Services, world.Program.Id, "t3"));

        var done = Text(await world.ClickAsync(Owner, "review.complete", CardJson.ActionData(page, "review.complete")));

        Assert.Contains("Updated: 1 edited, 1 retired", done);
        var program = (await world.LoadAsync())!;
        Assert.Equal(ReviewOutcome.Updated, Assert.Single(program.Reviews).Outcome);
        Assert.Equal(StartDay, program.Touchpoints.Single(t => t.Id == "t1").ChangedOn);
        Assert.Equal(new ReviewChanges(0, 1, 1), Assert.Single(program.Reviews).Changes);
        // The next review starts afresh: with nothing changed since, it is confirmed, and the history still says
        // what the first one changed.
        world.Clock.Advance(TimeSpan.FromDays(30));
        page = await world.ClickAsync(Owner, "review.start", new JsonObject { ["programId"] = world.Program.Id });
        var second = Text(await world.ClickAsync(Owner, "review.complete", CardJson.ActionData(page, "review.complete")));
        Assert.Contains("Confirmed", second);
        Assert.Contains("held: updated, 1 edited, 1 retired", second);
    }

    [Fact]
    public async Task TheOwnerAddsANoteOnTheSummaryAndOnlyOwnersMay()
    {
        await using var world = await StartAsync(fixture);
        var page = await StartReviewAsync(world);
        var done = await world.ClickAsync(Owner, "review.complete", CardJson.ActionData(page, "review.complete"));
        var note = CardJson.ActionData(done, "review.note");
        note["reviewNote"] = "Checked with **Sales**: <b>prices</b> unchanged";

        Assert.Contains("Only the program's owners", Text(await world.ClickAsync(Sales, "review.note", (JsonObject)note.DeepClone())));
        var tooLong = (JsonObject)note.DeepClone();
        tooLong["reviewNote"] = new string('x', 5000);
        Assert.Contains("the limit is 1,000", Text(await world.ClickAsync(Owner, "review.note", tooLong)));
        Assert.Null(Assert.Single((await world.LoadAsync())!.Reviews).Note);
        var saved = Text(await world.ClickAsync(Owner, "review.note", note));

        Assert.Contains("Note saved.", saved);
        Assert.Contains("Review completed", saved);
        Assert.Equal("Checked with **Sales**: <b>prices</b> unchanged", Assert.Single((await world.LoadAsync())!.Reviews).Note);
    }

    [Fact]
    public async Task AReviewCancelledFromTheReminderNeedsAReasonAndIsNotAHeldOne()
    {
        await using var world = await StartAsync(fixture, Sample(openedDaysAgo: 40));
        await world.AtAsync(Start.AddHours(3));
        var reminder = Assert.Single(world.CardsTo(Owner));
        var cancel = CardJson.ActionData(reminder, "review.cancel");

        Assert.Contains("Say why the review is cancelled", Text(await world.ClickAsync(Owner, "review.cancel", (JsonObject)cancel.DeepClone())));
        cancel["cancelReason"] = "The **renewal** team was reorganised";
        Assert.Contains("Only the program's owners cancel", Text(await world.ClickAsync(Sales, "review.cancel", (JsonObject)cancel.DeepClone())));
        Assert.Empty((await world.LoadAsync())!.Reviews);
        var done = Text(await world.ClickAsync(Owner, "review.cancel", cancel));

        Assert.Contains("Review cancelled", done);
        var program = (await world.LoadAsync())!;
        var review = Assert.Single(program.Reviews);
        Assert.Equal((ReviewOutcome.Cancelled, "The **renewal** team was reorganised"), (review.Outcome, review.Note));
        Assert.False(review.WasHeld());
        // Still due, and map health still counts from collection opening: 40 days of a 30-day cadence is late.
        Assert.Equal(StartDay.AddDays(-10), FollowUpPlan.NextReviewDue(program));
        var stale = MapHealth.Evaluate(program, StartDay).Single(c => c.Id.Name() == "stale");
        Assert.Equal(HealthStatus.Warn, stale.Status);
        Assert.StartsWith("40 days open, no review held (1 review postponed or cancelled since)", stale.Figure);
    }
}

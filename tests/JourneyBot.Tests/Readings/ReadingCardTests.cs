using System.Text.Json.Nodes;
using JourneyBot.Domain;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.FollowUps;
using JourneyBot.Tests.Infrastructure;
using static JourneyBot.Tests.FollowUps.FollowUpWorld;

namespace JourneyBot.Tests.Readings;

// A metric's figures through /api/messages: asked for by the scheduler at the metric's cadence (in the day's
// digest, in working hours), answered in the person's locale, never silently overwriting someone else's.
public class ReadingCardTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private async Task<JsonObject> ClickInAsync(FollowUpWorld world, Person person, string locale, string verb, JsonObject data)
    {
        var activity = world.As(person).CardAction(verb, data);
        activity["locale"] = locale;
        var response = await world.Bot.PostActivityAsync(activity, fixture.Token());
        response.EnsureSuccessStatusCode();
        return (await BotApp.ReadJsonAsync(response))!["value"]!.AsObject();
    }

    private static JsonObject Typed(JsonObject data, string value, string? on = null)
    {
        var typed = data.DeepClone().AsObject();
        typed["readingValue"] = value;
        if (on is not null) typed["readingOn"] = on;
        return typed;
    }

    [Fact]
    public async Task TheCardComesInTheDigestAtTheCadenceAndIsAnsweredInTwoLocales()
    {
        await using var world = await StartAsync(fixture);
        // 09:00 in London, 30 days after collection opened: the monthly figure is due, in the owner's one message.
        await world.AtAsync(Start.AddHours(3));
        var digest = Assert.Single(world.CardsTo(Owner));
        var text = CardJson.Text(digest);
        Assert.Contains("A metric's figure is due", text);
        Assert.Contains("Renewal rate", text);
        Assert.Contains("baseline 0.82%", text);
        Assert.Contains("target 0.9%", text);
        var record = CardJson.ActionData(digest, "reading.save");

        var english = await ClickInAsync(world, Owner, "en-US", "reading.save", Typed(record, "1,200.5", StartDay.AddDays(-1).ToString("yyyy-MM-dd")));
        Assert.Contains("Recorded: Renewal rate 1200.5%", CardJson.Text(english));
        var german = await ClickInAsync(world, Owner, "de-DE", "reading.save", Typed(record, "1.200,5"));
        Assert.Contains("Recorded: Renewal rate 1200.5%", CardJson.Text(german));

        var readings = (await world.LoadAsync())!.ReadingsOf("m1").ToList();
        Assert.Equal([(StartDay.AddDays(-1), 1200.5m), (StartDay, 1200.5m)], readings.Select(r => (r.On, r.Value)));
        Assert.All(readings, r => Assert.Equal((Owner.AadObjectId, ReadingSource.Typed), (r.RecordedBy.AadObjectId, r.Source)));
    }

    [Fact]
    public async Task ABadNumberComesBackWithWhatWasTypedAndNothingIsRecorded()
    {
        await using var world = await StartAsync(fixture);
        var data = new JsonObject { ["programId"] = world.Program.Id, ["metric"] = "m1" };

        var german = CardJson.Text(await ClickInAsync(world, Owner, "de-DE", "reading.save", Typed(data, "zwölf Komma fünf")));
        Assert.Contains("This must be a number, like 38, 38%, 1.200 or 3,5.", german);
        Assert.Contains("\"value\":\"zwölf Komma fünf\"", german);
        var english = CardJson.Text(await ClickInAsync(world, Owner, "en-US", "reading.save", Typed(data, "12..5", "2099-01-01")));
        Assert.Contains("1,200 or 3.5", english);
        Assert.Contains("\"value\":\"12..5\"", english);
        Assert.Contains("has not come yet", english);
        Assert.Contains("\"value\":\"2099-01-01\"", english);

        Assert.Empty((await world.LoadAsync())!.Readings);
    }

    [Fact]
    public async Task ASecondFigureForTheSameDayIsShownAndReplacedOnlyWhenAsked()
    {
        var program = Sample() with { };
        program = program with
        {
            Charter = program.Charter with { Metrics = [program.Charter.Metrics[0] with { Owner = Sales }] },
        };
        await using var world = await StartAsync(fixture, program);
        var data = new JsonObject { ["programId"] = world.Program.Id, ["metric"] = "m1" };

        await ClickInAsync(world, Owner, "en-US", "reading.save", Typed(data, "80%"));
        var taken = await ClickInAsync(world, Sales, "en-US", "reading.save", Typed(data, "81%"));
        var takenText = CardJson.Text(taken);
        Assert.Contains("already has a figure for", takenText);
        Assert.Contains("Olivia Owner recorded 80%", takenText);
        Assert.Contains("Yours is 81%", takenText);
        Assert.Equal(80m, Assert.Single((await world.LoadAsync())!.Readings).Value);

        // The owner changes theirs meanwhile: the replace the card offered no longer matches, and says so.
        var replace = CardJson.ActionData(taken, "reading.replace");
        var again = await ClickInAsync(world, Owner, "en-US", "reading.save", Typed(data, "80%"));
        Assert.Contains("Recorded", CardJson.Text(again));
        var ownerTaken = await ClickInAsync(world, Owner, "en-US", "reading.save", Typed(data, "79%"));
        await ClickInAsync(world, Owner, "en-US", "reading.replace", CardJson.ActionData(ownerTaken, "reading.replace"));
        var stale = CardJson.Text(await ClickInAsync(world, Sales, "en-US", "reading.replace", replace));
        Assert.Contains("It changed again while you looked", stale);
        Assert.Equal(79m, Assert.Single((await world.LoadAsync())!.Readings).Value);

        var fresh = await ClickInAsync(world, Sales, "en-US", "reading.save", Typed(data, "81%"));
        var replaced = CardJson.Text(await ClickInAsync(world, Sales, "en-US", "reading.replace", CardJson.ActionData(fresh, "reading.replace")));
        Assert.Contains("Replaced: Renewal rate 81%", replaced);
        var reading = Assert.Single((await world.LoadAsync())!.Readings);
        Assert.Equal((81m, Sales.AadObjectId), (reading.Value, reading.RecordedBy.AadObjectId));

        // A sponsor follows the figures; they do not record them.
        Assert.Contains("Owners record a metric's figures", CardJson.Text(await ClickInAsync(world, Sponsor, "en-US", "reading.save", Typed(data, "99"))));
        Assert.Equal(81m, Assert.Single((await world.LoadAsync())!.Readings).Value);
    }

    [Fact]
    public async Task RecordOpensTheMetricsCardAnyTimeAndADigestDropsAFigureRecordedBeforeItsMorning()
    {
        await using var world = await StartAsync(fixture);
        await world.TickAsync();
        var response = await world.Bot.PostActivityAsync(world.As(Owner).Message("record renewal"), fixture.Token());
        response.EnsureSuccessStatusCode();
        var card = fixture.Channel.CallsFor(world.ChatOf(Owner)).Last().Body!["attachments"]![0]!["content"]!.AsObject();
        Assert.Contains("This period's figure: Renewal rate", CardJson.Text(card));
        Assert.Contains("no reading yet", CardJson.Text(card));
        await ClickInAsync(world, Owner, "en-US", "reading.save", Typed(CardJson.ActionData(card, "reading.save"), "0.84"));

        await world.AtAsync(Start.AddHours(3));
        var morning = CardJson.Text(Assert.Single(world.CardsTo(Owner)));
        Assert.Contains("Review due", morning);
        Assert.DoesNotContain("A metric's figure is due", morning);
    }

    [Fact]
    public async Task AnActionWhoseMetricNeverMovedIsPointedOutToItsOwnerOnce()
    {
        var action = new ImprovementAction
        {
            Id = "a1", Title = "Show the new price", Owner = Sales, DueOn = StartDay.AddDays(-20), MetricId = "m1", Status = ActionStatus.Done,
            StartedOn = StartDay.AddDays(-40), DoneOn = StartDay.AddDays(-25),
        };
        var program = Sample(actions: [action]) with
        {
            Readings = new[] { -45, -15, -5 }.Select(d => new MetricReading
            {
                MetricId = "m1", Value = 0.84m, On = StartDay.AddDays(d), RecordedBy = Owner,
            }).ToList(),
        };
        await using var world = await StartAsync(fixture, program);
        await world.AtAsync(Start.AddHours(3));
        await world.AtAsync(Start.AddDays(1).AddHours(3));

        var told = world.CardsTo(Sales).Select(CardJson.Text).Where(t => t.Contains("has not moved")).ToList();
        var card = Assert.Single(told);
        Assert.Contains("Show the new price", card);
        Assert.Contains("2 readings since", card);
        Assert.DoesNotContain(world.CardsTo(Owner).Select(CardJson.Text), t => t.Contains("has not moved"));
    }

    [Fact]
    public async Task AMetricWithItsOwnOwnerAndCadenceAsksThemAndTheOwnersOnceTheyLeft()
    {
        var weekly = Sample(openedDaysAgo: 7);
        weekly = weekly with { Charter = weekly.Charter with { Metrics = [weekly.Charter.Metrics[0] with { Owner = Sales, CadenceDays = 7 }] } };
        await using (var world = await StartAsync(fixture, weekly))
        {
            // Seven days after collection opened: a weekly figure is due (a monthly one would not be), asked of Sales.
            await world.AtAsync(Start.AddHours(3));
            Assert.Contains(world.CardsTo(Sales), c => CardJson.Text(c).Contains("A metric's figure is due", StringComparison.Ordinal));
            Assert.DoesNotContain(world.CardsTo(Owner), c => CardJson.Text(c).Contains("A metric's figure is due", StringComparison.Ordinal));
        }

        // The metric's owner is no longer named in the charter: the program's owners are asked, and Sales may not record.
        var gone = weekly with
        {
            Id = "p" + Guid.NewGuid().ToString("N")[..10],
            Charter = weekly.Charter with { Departments = [weekly.Charter.Departments[1]] },
            Touchpoints = weekly.Touchpoints.Where(t => t.DepartmentId == "d2").ToList(),
        };
        await using var left = await StartAsync(fixture, gone);
        await left.AtAsync(Start.AddHours(3));
        Assert.Contains(left.CardsTo(Owner), c => CardJson.Text(c).Contains("A metric's figure is due", StringComparison.Ordinal));
        Assert.DoesNotContain(left.CardsTo(Sales), c => CardJson.Text(c).Contains("A metric's figure is due", StringComparison.Ordinal));
        var data = new JsonObject { ["programId"] = left.Program.Id, ["metric"] = "m1" };
        Assert.DoesNotContain("Recorded", CardJson.Text(await ClickInAsync(left, Sales, "en-US", "reading.save", Typed(data, "50"))));
        Assert.Empty((await left.LoadAsync())!.Readings);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Storage;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using JourneyBot.Health;
using static JourneyBot.Tests.FollowUps.FollowUpWorld;

namespace JourneyBot.Tests.FollowUps;

// A progress card is one row however many sponsors it goes to; each sponsor's Acknowledge lands on that row, even
// when they press it at the same moment; rows kept the older way (one per sponsor) are read as the cards they were.
public class ProgressCardTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private static JourneyProgram WithSponsors(params Person[] sponsors)
    {
        var program = Sample();
        return program with { Charter = program.Charter with { Sponsors = sponsors } };
    }

    private static async Task<List<TableEntity>> ProgressRowsAsync(FollowUpWorld world)
    {
        var tables = world.Bot.Services.GetRequiredService<StorageTables>();
        var (from, to) = ProgramKeys.Range(ProgramKeys.ProgressPrefix);
        var rows = new List<TableEntity>();
        await foreach (var row in tables.Programs.QueryAsync<TableEntity>(e => e.PartitionKey == world.Program.Id && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0)) rows.Add(row);
        return rows;
    }

    private static JsonObject ProgressCardTo(FollowUpWorld world, Person sponsor) =>
        Assert.Single(world.CardsTo(sponsor), c => CardJson.Text(c).Contains("progress.ack"));

    [Fact]
    public async Task TwoSponsorsGetOneCardKeptAsOneRowWithBothAcknowledgements()
    {
        await using var world = await StartAsync(fixture, WithSponsors(Sponsor, SecondSponsor));
        await world.AtAsync(Start.AddHours(3));
        var first = CardJson.ActionData(ProgressCardTo(world, Sponsor), "progress.ack");
        var second = CardJson.ActionData(ProgressCardTo(world, SecondSponsor), "progress.ack");
        Assert.Equal(first["cardId"]!.GetValue<string>(), second["cardId"]!.GetValue<string>());

        var sent = Assert.Single(await ProgressRowsAsync(world));
        Assert.Equal(2, Assert.Single((await world.LoadAsync())!.ProgressUpdates).SentTo.Count);

        Assert.Contains("Acknowledged on", CardJson.Text(await world.ClickAsync(Sponsor, "progress.ack", first)));
        world.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Contains("Acknowledged on", CardJson.Text(await world.ClickAsync(SecondSponsor, "progress.ack", second)));
        // A second press changes nothing.
        await world.ClickAsync(Sponsor, "progress.ack", (JsonObject)first.DeepClone());

        Assert.Equal(sent.RowKey, Assert.Single(await ProgressRowsAsync(world)).RowKey);
        var card = Assert.Single((await world.LoadAsync())!.ProgressUpdates);
        Assert.Equal([Sponsor.AadObjectId, SecondSponsor.AadObjectId], card.SentTo.Order());
        Assert.Equal([new Acknowledgement(Sponsor.AadObjectId, StartDay), new Acknowledgement(SecondSponsor.AadObjectId, StartDay.AddDays(1))],
            card.Acknowledgements.OrderBy(a => a.On));
        Assert.NotNull(card.Snapshot);
    }

    [Fact]
    public async Task SponsorsAcknowledgingAtTheSameMomentAllLand()
    {
        // Four sponsors, so the writes to the one row collide.
        var sponsors = new[] { Sponsor, SecondSponsor, Sales, Support };
        await using var world = await StartAsync(fixture, WithSponsors(sponsors));
        await world.AtAsync(Start.AddHours(3));
        await world.AtAsync(Start.AddHours(8));
        var clicks = sponsors.Select(s => (Sponsor: s, Data: CardJson.ActionData(ProgressCardTo(world, s), "progress.ack"))).ToList();

        var answers = await Task.WhenAll(clicks.Select(c => world.ClickAsync(c.Sponsor, "progress.ack", c.Data)));

        Assert.All(answers, a => Assert.Contains("Acknowledged on", CardJson.Text(a)));
        var card = Assert.Single((await world.LoadAsync())!.ProgressUpdates);
        Assert.Equal(sponsors.Select(s => s.AadObjectId).Order(), card.Acknowledgements.Select(a => a.SponsorAadObjectId).Order());
        Assert.Equal(sponsors.Select(s => s.AadObjectId).Order(), card.SentTo.Order());
    }

    [Fact]
    public async Task RowsKeptOnePerSponsorAreReadAsOneCardAndStillAcknowledged()
    {
        await using var world = await StartAsync(fixture, WithSponsors(Sponsor, SecondSponsor));
        var tables = world.Bot.Services.GetRequiredService<StorageTables>();
        var sentOn = StartDay.AddDays(-20);
        // As the bot wrote them before cards had rows of their own.
        foreach (var (sponsor, acknowledged) in new[] { (Sponsor, (DateOnly?)null), (SecondSponsor, sentOn.AddDays(1)) })
        {
            var json = JsonSerializer.Serialize(new { sponsorAadObjectId = sponsor.AadObjectId, sentOn, acknowledgedOn = acknowledged }, ProgramFile.Options);
            await tables.Programs.AddEntityAsync(new PartRow { PartitionKey = world.Program.Id, RowKey = ProgramKeys.Progress(sentOn, sponsor.AadObjectId, 0), Json = json });
        }

        var before = Assert.Single((await world.LoadAsync())!.ProgressUpdates);
        Assert.Equal(SponsorProgressRecord.CardId(sentOn), before.Id);
        Assert.Equal([Sponsor.AadObjectId, SecondSponsor.AadObjectId], before.SentTo.Order());
        Assert.Equal([new Acknowledgement(SecondSponsor.AadObjectId, sentOn.AddDays(1))], before.Acknowledgements);

        // The Acknowledge button of a card sent then carries only the day it was sent.
        var old = new JsonObject { ["programId"] = world.Program.Id, ["sentOn"] = sentOn.ToString("yyyy-MM-dd") };
        Assert.Contains("Acknowledged on", CardJson.Text(await world.ClickAsync(Sponsor, "progress.ack", old)));
        Assert.Contains("not sent to you", CardJson.Text(await world.ClickAsync(Owner, "progress.ack", (JsonObject)old.DeepClone())));

        var after = Assert.Single((await world.LoadAsync())!.ProgressUpdates);
        Assert.Equal(2, after.Acknowledgements.Count);
        Assert.Contains(new Acknowledgement(Sponsor.AadObjectId, StartDay), after.Acknowledgements);
    }

    [Fact]
    public async Task SilentSponsorsAreFlaggedAndTheHealthCardsButtonSendsEverySponsorTheCard()
    {
        var cards = new[] { 20, 50, 80 }.Select(d => new ProgressCard($"cadence-{d}", StartDay.AddDays(-d), [Sponsor.AadObjectId, SecondSponsor.AadObjectId], []));
        await using var world = await StartAsync(fixture, WithSponsors(Sponsor, SecondSponsor) with { ProgressUpdates = cards.ToList() });
        await world.AtAsync(Start.AddHours(3));
        var program = (await world.LoadAsync())!;
        var engagement = MapHealth.Evaluate(program, StartDay).Single(c => c.Id.Name() == "sponsor-engagement");
        Assert.Equal(HealthStatus.Fail, engagement.Status);

        var health = HealthCards(program);
        var send = CardJson.ActionData(health, "progress.sendNow");
        var answer = CardJson.Text(await world.ClickAsync(Owner, "progress.sendNow", send));
        await world.TickAsync();

        Assert.Contains("on their way to Sam Sponsor, Kim Sponsor", answer);
        var now = (await world.LoadAsync())!.ProgressUpdates.Where(c => c.Id.StartsWith("now-", StringComparison.Ordinal)).ToList();
        Assert.Equal([Sponsor.AadObjectId, SecondSponsor.AadObjectId], Assert.Single(now).SentTo.Order());
    }

    private static JsonObject HealthCards(JourneyProgram program) => JourneyBot.Health.HealthCards.Build(program, StartDay).ToJson();
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Playground;

// The whole owner-to-contributor path in the Teams stand-in: write a charter, open collection, add a touchpoint.
public sealed class PlaygroundProgramTests
{
    private static JsonObject Data(JsonObject card, string verb = "charter.save") =>
        card["actions"]!.AsArray().First(a => a!["verb"]!.GetValue<string>() == verb)!["data"]!.DeepClone().AsObject();

    private static IEnumerable<string> InputIds(JsonObject card, string prefix) =>
        CardJson.InputIds(card, prefix);

    [Fact]
    public async Task CreateAProgramAndAddATouchpointThroughThePlayground()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        using var bot = BotApp.Anonymous(azurite.ConnectionString).Start();
        await using var playground = await Infrastructure.Playground.StartAsync(new Uri(bot.BaseAddress, "/api/messages"));
        await playground.InstallAsync();
        await playground.WaitForMessageAsync(m => Infrastructure.Playground.CardTitle(m) == "Welcome to JourneyBot", "the welcome card");
        var me = await playground.CurrentUserAadObjectIdAsync();
        var colleague = await playground.OtherUserAadObjectIdAsync();

        await playground.SendTextAsync("new program");
        var message = await playground.WaitForMessageAsync(m => Infrastructure.Playground.CardTitle(m)?.StartsWith("New program") == true, "the charter card");
        var messageId = message["messageId"]!.ToString();
        var card = message["attachments"]![0]!["content"]!.AsObject();

        async Task<JsonObject> SaveAsync(string verb, JsonObject data)
        {
            var response = await playground.ClickAsync(verb, messageId, data);
            card = response["value"]!.AsObject();
            return card;
        }

        var data = Data(card);
        data["name"] = "Playground renewal";
        data["journeyStart"] = "renewal notice received";
        data["journeyEnd"] = "licence renewed";
        data["objective"] = "Fewer lost renewals";
        data["definitionOfDone"] = "All stages verified";
        await SaveAsync("charter.save", data);
        var metric = InputIds(card, "metric.").First().Split('.')[1];
        data = Data(card);
        data[$"metric.{metric}.name"] = "Renewal rate";
        data[$"metric.{metric}.kind"] = "outcome";
        data[$"metric.{metric}.target"] = "90";
        await SaveAsync("charter.save", data);
        data = Data(card);
        data["owners"] = me;
        data["sponsors"] = colleague;
        await SaveAsync("charter.save", data);
        data = Data(card);
        data["fundingAmount"] = "10000";
        data["fundingCurrency"] = "EUR";
        data[InputIds(card, "time.").Single()] = "50";
        await SaveAsync("charter.save", data);
        var departments = InputIds(card, "dept.").Where(id => id.EndsWith(".name")).Select(id => id.Split('.')[1]).ToList();
        data = Data(card);
        data[$"dept.{departments[0]}.name"] = "Sales";
        data[$"dept.{departments[0]}.contacts"] = me;
        data[$"dept.{departments[1]}.name"] = "Billing";
        data[$"dept.{departments[1]}.contacts"] = me;
        await SaveAsync("charter.save", data);
        var stages = InputIds(card, "stage.").Select(id => id.Split('.')[1]).ToList();
        data = Data(card);
        data[$"stage.{stages[0]}"] = "Notice";
        data[$"stage.{stages[1]}"] = "Renew";
        data[$"persona.{InputIds(card, "persona.").First().Split('.')[1]}.name"] = "Economic buyer";
        data["cadence"] = "30";
        var review = await SaveAsync("charter.save", data);
        Assert.DoesNotContain("Before collection can open", review.ToJsonString());
        // People are picked by id; the charter card names them as the Teams stand-in does. The sponsor is not in this
        // personal chat, so the stand-in cannot name them (Graph does in Teams, see GraphTests) and owners are told so.
        var config = (await playground.Http.GetFromJsonAsync<JsonObject>("/_internal/v1/config"))!["config"]!;
        var facts = review["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "FactSet")!["facts"]!.AsArray();
        string Fact(string title) => facts.Single(f => f!["title"]!.GetValue<string>() == title)!["value"]!.GetValue<string>();
        Assert.Contains(config["currentUser"]!["name"]!.GetValue<string>(), Fact("Owners"));
        Assert.Contains("1 person picked here has no name yet", review.ToJsonString());

        var opened = await SaveAsync("collection.open", Data(review, "collection.open"));
        Assert.Contains("Collection is open", opened.ToJsonString());
        // Invitations go out through the scheduler, which tests run by hand.
        var scheduler = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<JourneyBot.Scheduling.Scheduler>(bot.Services);
        for (var i = 0; i < 3; i++) await scheduler.TickAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        var invitation = await playground.WaitForMessageAsync(m => Infrastructure.Playground.CardTitle(m)?.EndsWith("your touchpoints are needed") == true, "an invitation");

        var form = (await playground.ClickAsync("touchpoint.start", invitation["messageId"]!.ToString(), Data(invitation["attachments"]![0]!["content"]!.AsObject(), "touchpoint.start")))["value"]!.AsObject();
        var save = Data(form, "touchpoint.save");
        save["stage"] = form["body"]!.AsArray().First(e => e!["id"]?.GetValue<string>() == "stage")!["choices"]![0]!["value"]!.GetValue<string>();
        save["department"] = form["body"]!.AsArray().First(e => e!["id"]?.GetValue<string>() == "department")!["choices"]![0]!["value"]!.GetValue<string>();
        save["channel"] = "email";
        save["customerAction"] = "Reads the renewal notice";
        save["emotion"] = "-1";
        // Inputs the card pre-filled (the only persona) are sent by Teams with the click; so does this test.
        save["personas"] = form["body"]!.AsArray().First(e => e!["id"]?.GetValue<string>() == "personas")!["value"]!.GetValue<string>();
        var saved = (await playground.ClickAsync("touchpoint.save", invitation["messageId"]!.ToString(), save))["value"]!.AsObject();

        Assert.True("Touchpoint saved" == saved["body"]![0]!["text"]!.GetValue<string>(), saved.ToJsonString());
        await playground.SendTextAsync("map");
        await playground.WaitForMessageAsync(m => Infrastructure.Playground.CardTitle(m)?.StartsWith("Coverage: Playground renewal") == true, "the coverage card");
    }
}

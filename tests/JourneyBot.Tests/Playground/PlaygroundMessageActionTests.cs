using System.Text.Json.Nodes;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.MessageActions;
using JourneyBot.Programs;
using JourneyBot.Storage;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.MessageActions;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Playground;

// The Agents Playground drives message extension action commands: its own UI posts composeExtension/fetchTask
// and /submitAction (with value.messagePayload built from the chosen message) to this invoke route, turns them into
// invoke activities for the bot and hands back the bot's task answer. The dialog runs end to end through it.
public sealed class PlaygroundMessageActionTests
{
    [Fact]
    public async Task AddAsTouchpointOpensTheDialogAndSavesThroughThePlayground()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        using var bot = BotApp.Anonymous(azurite.ConnectionString).Start();
        await using var playground =
            await Infrastructure.Playground.StartAsync(new Uri(bot.BaseAddress, "/api/messages"));
        await playground.InstallAsync();
        await playground.WaitForMessageAsync(m => Infrastructure.Playground.CardTitle(m) == "Welcome to JourneyBot",
            "the welcome card");
        var me = await playground.CurrentUserAadObjectIdAsync();
        var tables = bot.Services.GetRequiredService<StorageTables>();
        var tenant = tables.Conversations.Query<TableEntity>(e => e.RowKey == "u:" + TableKey.Encode(me)).Single()
            .GetString("TenantId");
        var contact = new Person(me, "Playground contact");
        var charter = SamplePrograms.CompleteCharter() with
        {
            Name = "Playground renewal",
            Departments =
            [
                new Department("d1", "Support", [contact]),
                new Department("d2", "Billing", [SamplePrograms.PersonNo(2)]),
            ],
        };
        var program = SamplePrograms.Program(charter) with
        {
            Id = "pg" + Guid.NewGuid().ToString("N")[..8], TenantId = tenant!,
        };
        await bot.Services.GetRequiredService<ProgramStore>().ImportAsync(program, CancellationToken.None);
        var message = TeamsMessages.Payload(
            "<p>Why is my <b>renewal</b> &amp; invoice late? <at id=\"0\">Billing</at></p>",
            authorId: await playground.OtherUserAadObjectIdAsync());

        var fetched = await playground.MessageActionAsync("composeExtension/fetchTask", new JsonObject
        {
            ["commandId"] = MessageTouchpointHandler.CommandId, ["commandContext"] = "message",
            ["messagePayload"] = message.DeepClone(),
        });
        Assert.Equal("continue", fetched["task"]!["type"]!.GetValue<string>());
        var form = fetched["task"]!["value"]!["card"]!["content"]!.AsObject();
        Assert.Contains("Why is my renewal & invoice late? Billing", CardJson.Text(form));
        var data = CardJson.SubmitData(form);
        data["stage"] = "s1";
        data["channel"] = "chat";
        data["customerAction"] = "Asks support about a late renewal invoice";
        data["messageUse"] = "pain";

        var saved = await playground.MessageActionAsync("composeExtension/submitAction", new JsonObject
        {
            ["commandId"] = MessageTouchpointHandler.CommandId, ["commandContext"] = "message",
            ["messagePayload"] = message.DeepClone(), ["data"] = data,
        });

        Assert.Contains("Touchpoint saved", CardJson.Text(saved["task"]!["value"]!["card"]!["content"]!.AsObject()));
        var stored = (await bot.Services.GetRequiredService<ProgramStore>()
            .LoadAsync(tenant!, program.Id, CancellationToken.None))!;
        var touchpoint = Assert.Single(stored.Touchpoints);
        Assert.Equal("Why is my renewal & invoice late? Billing", touchpoint.PainPoints);
        Assert.Equal(TeamsMessages.Link, touchpoint.SourceLink);
        Assert.Equal(me, touchpoint.CreatedBy.AadObjectId);
    }
}

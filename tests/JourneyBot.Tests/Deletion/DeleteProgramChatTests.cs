using System.Text.Json.Nodes;
using Azure.Data.Tables;
using JourneyBot.Deletion;
using JourneyBot.Programs;
using JourneyBot.Scheduling;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.Programs;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Deletion;

// `delete program` through the real endpoint and Azurite: the owner confirms with the name, has a day to undo,
// and after it nothing of the program is left.
public sealed class DeleteProgramChatTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private ProgramStore Store => fixture.Bot.Services.GetRequiredService<ProgramStore>();
    private DeletionRequests Requests => fixture.Bot.Services.GetRequiredService<DeletionRequests>();

    private async Task<JsonObject> InvokeAsync(Activities chat, string verb, JsonObject data)
    {
        var response = await fixture.SendAsync(chat.CardAction(verb, data));
        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        return (await BotApp.ReadJsonAsync(response))!["value"]!.AsObject();
    }

    private static JsonObject Confirm(string programId, string typed) =>
        new() { ["programId"] = programId, [DeletionCards.ConfirmInput] = typed };

    // Every row of every table that names the program anywhere (keys or properties).
    private async Task<List<string>> RowsMentioningAsync(string programId) =>
        (await JourneyBot.Tests.Admin.TableScan.EveryRowAsync(fixture.Azurite.ConnectionString))
            .Where(r => r.Contains(programId, StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task TheOwnerIsAskedToTypeTheNameAndAMistypedNameDeletesNothingAndComesBack()
    {
        var p = await ProgramInChat.CreateAsync(fixture);

        await fixture.SendAsync(p.Owner.Message("delete program"));
        var ask = Assert.Single(fixture.Channel.CallsFor(p.Owner.ConversationId)).Body!["attachments"]![0]!["content"]!;
        Assert.Contains(p.Program.Charter.Name, CardJson.Text(ask.AsObject()));
        Assert.Equal("program.delete", ask["actions"]![0]!["verb"]!.GetValue<string>());

        var typed = "**Not** <b>the</b> name";
        var again = await InvokeAsync(p.Owner, "program.delete", Confirm(p.Program.Id, typed));

        Assert.Contains("nothing was deleted", CardJson.Text(again));
        Assert.Contains(again["body"]!.AsArray(), e => e?["id"]?.GetValue<string>() == DeletionCards.ConfirmInput
            && e["value"]?.GetValue<string>() == typed);
        Assert.Null(await Requests.DueAtAsync(p.Program.Id, CancellationToken.None));
        Assert.NotNull(await Store.LoadHeaderAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None));
    }

    [Fact]
    public async Task OnlyOwnersDelete()
    {
        var p = await ProgramInChat.CreateAsync(fixture);

        foreach (var chat in new[] { p.Sponsor, p.Contacts[0] })
        {
            var refused = await InvokeAsync(chat, "program.delete", Confirm(p.Program.Id, p.Program.Charter.Name));
            Assert.Contains("Only the program's owners delete it", CardJson.Text(refused));
        }
        Assert.Null(await Requests.DueAtAsync(p.Program.Id, CancellationToken.None));
    }

    [Fact]
    public async Task AnotherTenantsOwnerCannotDeleteByForgingTheProgramId()
    {
        var victim = await ProgramInChat.CreateAsync(fixture);
        var attacker = await ProgramInChat.CreateAsync(fixture);

        var refused = await InvokeAsync(attacker.Owner, "program.delete",
            Confirm(victim.Program.Id, victim.Program.Charter.Name));

        Assert.DoesNotContain(victim.Program.Charter.Name, CardJson.Text(refused));
        Assert.Null(await Requests.DueAtAsync(victim.Program.Id, CancellationToken.None));
    }

    [Fact]
    public async Task UndoWithinTheDayKeepsEverythingAndTheDueDeletionDoesNothing()
    {
        var p = await ProgramInChat.CreateAsync(fixture);

        var pending = await InvokeAsync(p.Owner, "program.delete",
            Confirm(p.Program.Id, "  " + p.Program.Charter.Name.ToUpperInvariant() + " "));
        Assert.Contains("will be deleted on", CardJson.Text(pending));
        var dueAt = (await Requests.DueAtAsync(p.Program.Id, CancellationToken.None))!.Value;
        Assert.InRange(dueAt - DateTimeOffset.UtcNow, TimeSpan.FromHours(23), TimeSpan.FromHours(24.1));

        var undone = await InvokeAsync(p.Owner, "program.deleteUndo", new JsonObject { ["programId"] = p.Program.Id });
        Assert.Contains("is kept", CardJson.Text(undone));

        await RunDeletionAsync(p, dueAt);
        var program = await Store.LoadAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None);
        Assert.Equal(p.Program.Touchpoints.Count, program!.Touchpoints.Count);
    }

    [Fact]
    public async Task AfterTheDayNothingOfTheProgramRemainsAndItsMembersNoLongerSeeIt()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        // A conversation that chose the program with `use` points at it too.
        await fixture.SendAsync(p.Contacts[1].Message("use " + p.Program.Charter.Name));
        Assert.Contains(await RowsMentioningAsync(p.Program.Id),
            r => r.StartsWith("Conversations", StringComparison.Ordinal));

        await InvokeAsync(p.Owner, "program.delete", Confirm(p.Program.Id, p.Program.Charter.Name));
        // Asked again meanwhile: the same time, not a fresh day.
        var first = await Requests.DueAtAsync(p.Program.Id, CancellationToken.None);
        await InvokeAsync(p.Owner, "program.delete", Confirm(p.Program.Id, p.Program.Charter.Name));
        Assert.Equal(first, await Requests.DueAtAsync(p.Program.Id, CancellationToken.None));
        var schedule = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient("Schedule");
        Assert.Single(schedule.Query<TableEntity>(e => e.GetString("Kind") == DeletionRequests.Kind),
            e => e.GetString("Payload").Contains(p.Program.Id, StringComparison.Ordinal));

        await RunDeletionAsync(p, first!.Value);

        Assert.Empty(await RowsMentioningAsync(p.Program.Id));
        await fixture.SendAsync(p.Contacts[0].Message("programs"));
        var list = fixture.Channel.CallsFor(p.Contacts[0].ConversationId).Last().Body!.AsObject();
        Assert.DoesNotContain(p.Program.Charter.Name, CardJson.Text(list));
    }

    // The scheduler's own dispatch runs the item whose time has come; waiting a real day is not a test.
    private async Task RunDeletionAsync(ProgramInChat p, DateTimeOffset dueAt)
    {
        var work = fixture.Bot.Services.GetServices<IScheduledWork>().Single(w => w.Kind == DeletionRequests.Kind);
        var item = new ScheduledItem(JourneyBot.Outreach.ScheduledItemIds.ProgramDeletion(p.Program.Id, dueAt),
            DeletionRequests.Kind, dueAt, p.Program.TenantId, p.Program.Id, DeletionRequests.Payload(p.Program.Id));
        Assert.Equal(WorkOutcome.Done, (await work.RunAsync(item, CancellationToken.None)).Outcome);
    }
}

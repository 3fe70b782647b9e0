using System.Text.Json.Nodes;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.Programs;

namespace JourneyBot.Tests.Charters;

// In a channel everyone sees the same charter card; the owner's client refreshes it into the owner view.
public sealed class CharterSharedViewTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    [Fact]
    public async Task InAChannelTheCharterIsReadOnlyForAllAndRefreshesIntoTheOwnerViewForOwners()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var channel = new Activities(fixture.Channel.ServiceUrl, fixture.AppId)
        {
            TenantId = p.Program.TenantId, ConversationType = "channel", UserId = p.Owner.UserId, UserAadObjectId = p.Owner.UserAadObjectId,
        };
        await fixture.SendAsync(channel.Installation("add"));

        await fixture.SendAsync(channel.MessageMentioningBot("program"));

        var card = fixture.Channel.CallsFor(channel.ConversationId)[^1].Body!["attachments"]![0]!["content"]!.AsObject();
        Assert.Null(card["actions"]);
        Assert.Equal([p.Owner.UserId], card["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
        var refresh = card["refresh"]!["action"]!;
        var ownerView = (await BotApp.ReadJsonAsync(await fixture.SendAsync(channel.CardAction(refresh["verb"]!.GetValue<string>(), refresh["data"]!.DeepClone().AsObject()))))!["value"]!;
        Assert.Contains(ownerView["actions"]!.AsArray(), a => a!["title"]!.GetValue<string>() == "Open collection");

        var contributor = new Activities(fixture.Channel.ServiceUrl, fixture.AppId)
        {
            TenantId = p.Program.TenantId, ConversationType = "channel", ConversationId = channel.ConversationId, UserAadObjectId = p.Contacts[0].UserAadObjectId,
        };
        var theirView = (await BotApp.ReadJsonAsync(await fixture.SendAsync(contributor.CardAction(refresh["verb"]!.GetValue<string>(), refresh["data"]!.DeepClone().AsObject()))))!["value"]!;
        Assert.Null(theirView["actions"]);
    }
}

using System.Net;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using JourneyBot.Tests.Map;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Meetings;

// The review's summary to the meeting chat: the chat id comes from the client, so the summary goes only to a chat
// Teams lists the completing owner as a member of (the connector's member look-up), and it is paced and retried as
// every other send is (SendRateLimiter, Retry-After).
public sealed class MeetingChatTests(MapWorld world) : IClassFixture<MapWorld>
{
    private Task<HttpResponseMessage> CompleteAsync(JourneyProgram program, string chat) =>
        MeetingSamples.PostAsync(world, $"/map/{program.Id}/meeting/complete",
            world.TokenFor(program, MapSamples.Owner.AadObjectId), new { chat });

    // The summaries posted to the chat (its welcome on install left out).
    private List<Infrastructure.ConnectorCall> Posts(string chat) => world.Channel.CallsFor(chat)
        .Where(c => c.Method == "POST" && c.Body?.ToJsonString().Contains("Review completed") == true).ToList();

    private async Task<Review> ReviewAsync(JourneyProgram program) =>
        (await world.App.Services.GetRequiredService<ProgramStore>()
            .LoadAsync(program.TenantId, program.Id, CancellationToken.None))!.Reviews.Single();

    [Fact]
    public async Task AMeetingChatTheOwnerIsNotInGetsNoPostAndTheOwnerIsTold()
    {
        var program = await world.ImportAsync(MeetingSamples.Program());
        // The bot is in that chat, but the owner is not: someone else's meeting id sent from a panel.
        var chat = await MeetingSamples.InstalledChatAsync(world, program, MapSamples.Contact, MeetingSamples.Support);
        await MeetingSamples.PanelAsync(world, program, MapSamples.Owner, "?chat=" + Uri.EscapeDataString(chat));

        var done = await CompleteAsync(program, chat);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var page = await done.Content.ReadAsStringAsync();
        Assert.Contains("You are not a member of this meeting&#39;s chat, so the summary was not posted there", page);
        Assert.DoesNotContain("The summary was posted", page);
        Assert.Empty(Posts(chat));
        // It asked Teams about the owner in that chat.
        Assert.Contains(world.Channel.Calls, c => c.Method == "GET"
            && c.Path.EndsWith("/members/" + MapSamples.Owner.AadObjectId, StringComparison.Ordinal)
            && Uri.UnescapeDataString(c.Path).Contains(chat, StringComparison.Ordinal));
        // The review itself is recorded.
        Assert.Equal([MapSamples.Owner.AadObjectId],
            (await ReviewAsync(program)).Participants!.Select(p => p.AadObjectId));
    }

    [Fact]
    public async Task TheSummaryWaitsItsTurnWithTheSendLimiter()
    {
        var program = await world.ImportAsync(MeetingSamples.Program());
        var chat = await MeetingSamples.InstalledChatAsync(world, program, MapSamples.Owner);
        var limiter = world.App.Services.GetRequiredService<SendRateLimiter>();
        // Other sends to this chat hold every place its per-second limit has (7), unanswered for now.
        var held = new List<SendRateLimiter.SendTurn>();
        for (var i = 0; i < 7; i++) held.Add(await limiter.WaitAsync(program.TenantId, chat, CancellationToken.None));

        var completing = CompleteAsync(program, chat);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Empty(Posts(chat));
        var released = DateTimeOffset.UtcNow;
        foreach (var turn in held) turn.Answered();
        var done = await completing;

        Assert.Contains("The summary was posted to the meeting chat.", await done.Content.ReadAsStringAsync());
        var posted = Assert.Single(Posts(chat));
        Assert.True(posted.At >= released, $"posted at {posted.At:O}, before its turn at {released:O}");
    }

    [Fact]
    public async Task ThrottledByTeamsTheSummaryIsSentAgainAfterRetryAfterOnce()
    {
        var program = await world.ImportAsync(MeetingSamples.Program());
        var chat = await MeetingSamples.InstalledChatAsync(world, program, MapSamples.Owner);
        world.Channel.FailNext(429, "1");

        var done = await CompleteAsync(program, chat);

        Assert.Contains("The summary was posted to the meeting chat.", await done.Content.ReadAsStringAsync());
        var posts = Posts(chat);
        Assert.Equal(2, posts.Count);
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromSeconds(0.9), "Retry-After was not honoured");
        Assert.Single(world.Channel.Delivered,
            d => d.ConversationId == chat && d.Body?.ToJsonString().Contains("Review completed") == true);
    }
}

using System.Net;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.Map;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Meetings;

// The meeting's routes through real HTTP with real SSO tokens: who may do what, and completing the review.
public sealed class MeetingReviewTests(MapWorld world) : IClassFixture<MapWorld>
{
    private string Token(JourneyProgram p, Person person) => world.TokenFor(p, person.AadObjectId);

    private async Task<JourneyProgram> LoadAsync(JourneyProgram p) =>
        (await world.App.Services.GetRequiredService<ProgramStore>()
            .LoadAsync(p.TenantId, p.Id, CancellationToken.None))!;

    private async Task<Touchpoint> TouchpointAsync(JourneyProgram p, string id) =>
        (await LoadAsync(p)).Touchpoints.Single(t => t.Id == id);

    private async Task<string> GetTextAsync(JourneyProgram p, string path, Person person) =>
        await (await world.GetAsync($"/map/{p.Id}/{path}", Token(p, person))).Content.ReadAsStringAsync();

    private Task<HttpResponseMessage> PostAsync(JourneyProgram p, string deed, Person person, object body) =>
        MeetingSamples.PostAsync(world, $"/map/{p.Id}/meeting/{deed}", Token(p, person), body);

    [Fact]
    public async Task ASponsorFollowsButCannotVerifyAndAContactActsOnlyOnTheirOwnDepartments()
    {
        var program = await world.ImportAsync(MeetingSamples.Program());
        var before = (await TouchpointAsync(program, "t3")).LastVerifiedOn;

        var sponsorPanel = await GetTextAsync(program, "meeting/panel", MapSamples.Sponsor);
        Assert.Contains("You follow this review", sponsorPanel);
        Assert.DoesNotContain("data-act=\"verify\"", sponsorPanel);
        var sponsor = await PostAsync(program, "verify", MapSamples.Sponsor, new { touchpointId = "t3" });
        Assert.Equal(HttpStatusCode.Forbidden, sponsor.StatusCode);

        var contactPanel = await GetTextAsync(program, "meeting/panel", MapSamples.Contact);
        Assert.Contains("data-touchpoint=\"t2\"", contactPanel);
        Assert.DoesNotContain("data-touchpoint=\"t3\"", contactPanel);
        foreach (var deed in new[] { "verify", "retire", "propose" })
        {
            var other = await PostAsync(program, deed, MapSamples.Contact, new { touchpointId = "t3", text = "x" });
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
            Assert.Contains("belongs to another department", await other.Content.ReadAsStringAsync());
        }
        var complete = await PostAsync(program, "complete", MapSamples.Contact, new { });
        Assert.Equal(HttpStatusCode.Forbidden, complete.StatusCode);
        var t3 = await TouchpointAsync(program, "t3");
        Assert.Equal(before, t3.LastVerifiedOn);
        Assert.False(t3.Retired);
        Assert.Empty((await LoadAsync(program)).Reviews);
    }

    [Theory]
    [InlineData("none", HttpStatusCode.Unauthorized)]
    [InlineData("stranger", HttpStatusCode.NotFound)]
    [InlineData("other-tenant", HttpStatusCode.NotFound)]
    public async Task StrangersGetNothing(string who, HttpStatusCode expected)
    {
        var program = await world.ImportAsync(MeetingSamples.Program());
        var token = who switch
        {
            "none" => null,
            "stranger" => world.TokenFor(program, "stranger-oid"),
            _ => world.Entra.Token(Guid.NewGuid().ToString(), MapSamples.Owner.AadObjectId, world.ClientId),
        };
        foreach (var path in new[] { "panel", "stage", "stream" })
        {
            var response = await world.GetAsync($"/map/{program.Id}/meeting/{path}", token);
            Assert.Equal(expected, response.StatusCode);
            Assert.DoesNotContain("Home move", await response.Content.ReadAsStringAsync());
        }
        foreach (var deed in new[] { "verify", "retire", "undo", "propose", "complete" })
        {
            var response = await MeetingSamples.PostAsync(world, $"/map/{program.Id}/meeting/{deed}", token,
                new { touchpointId = "t1", text = "x" });
            Assert.Equal(expected, response.StatusCode);
        }
        Assert.Equal(MapSamples.Today.AddDays(-5), (await TouchpointAsync(program, "t1")).LastVerifiedOn);
    }

    [Fact]
    public async Task ProposalsKeepWhatWasTypedWhenTooLongAndBadBodiesGetAClearAnswer()
    {
        var program = await world.ImportAsync(MeetingSamples.Program());
        var token = Token(program, MapSamples.Contact);
        var huge = "<script>" + new string('x', 1_048_576);
        var response = await PostAsync(program, "propose", MapSamples.Contact,
            new { touchpointId = "t2", text = huge[..50_000] });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the limit is 1,000", html);
        Assert.Contains("&lt;script&gt;xxx", html);
        Assert.DoesNotContain("<script>x", html);
        using var bad = new HttpRequestMessage(HttpMethod.Post, $"/map/{program.Id}/meeting/verify")
        {
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"),
        };
        bad.Headers.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.BadRequest, (await world.App.Http.SendAsync(bad)).StatusCode);
        var tooBig = await PostAsync(program, "propose", MapSamples.Contact, new { touchpointId = "t2", text = huge });
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
    }

    [Fact]
    public async Task CompletingInTheMeetingRecordsWhoTookPartAndPostsTheSummaryToTheMeetingChat()
    {
        var program = await world.ImportAsync(MeetingSamples.Program());
        var chat = await MeetingSamples.InstalledChatAsync(world, program, MapSamples.Owner, MapSamples.Contact);
        var query = "?chat=" + Uri.EscapeDataString(chat);

        await world.GetAsync($"/map/{program.Id}/meeting/panel{query}", Token(program, MapSamples.Owner));
        await world.GetAsync($"/map/{program.Id}/meeting/panel{query}", Token(program, MapSamples.Sponsor));
        var seen = MeetingSamples.VersionIn(await MeetingSamples.PanelAsync(world, program, MapSamples.Contact), "t2",
            "verify");
        var verified = await PostAsync(program, "verify", MapSamples.Contact,
            new { touchpointId = "t2", version = seen, chat });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var t3 = MeetingSamples.VersionIn(await MeetingSamples.PanelAsync(world, program, MeetingSamples.Support), "t3",
            "propose");
        var proposed = await PostAsync(program, "propose", MeetingSamples.Support,
            new { touchpointId = "t3", version = t3, text = "Say *which* address" });
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);

        var before = world.Channel.CallsFor(chat).Count;
        var done = await PostAsync(program, "complete", MapSamples.Owner, new { chat });
        var page = await done.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("The summary was posted to the meeting chat.", page);
        var posted = world.Channel.CallsFor(chat).Skip(before).Single(c => c.Method == "POST");
        var content = posted.Body!["attachments"]![0]!["content"]!;
        var card = content.ToJsonString();
        Assert.Contains("Review completed", card);
        Assert.Contains("Changes proposed in the meeting: 1", card);
        var facts = content["body"]!.AsArray().First(e => e!["type"]!.GetValue<string>() == "FactSet")!["facts"]!
            .AsArray();
        var tookPart = facts.Single(f => f!["title"]!.GetValue<string>() == "Took part in the meeting")!["value"]!
            .GetValue<string>();
        foreach (var name in new[] { "Olivia Owner", "Sam Sponsor", "Contact", "Dana" })
        {
            Assert.Contains(name, tookPart);
        }
        var review = (await LoadAsync(program)).Reviews.Single();
        Assert.Equal(
            [
                MapSamples.Owner.AadObjectId, MapSamples.Sponsor.AadObjectId, MapSamples.Contact.AadObjectId,
                MeetingSamples.Support.AadObjectId,
            ],
            review.Participants!.Select(p => p.AadObjectId));
        // The program file carries them and reads back the same.
        var json = await GetTextAsync(program, "export/program.json", MapSamples.Owner);
        Assert.Equal(review.Participants, ProgramFile.Read(json).Reviews.Single().Participants);
        // The next meeting starts afresh.
        var next = await GetTextAsync(program, "meeting/stage", MapSamples.Sponsor);
        Assert.Contains("The review was completed", next);
        Assert.Contains("Nobody has opened the review in this meeting yet.", next);
    }

    [Fact]
    public async Task WhenTheBotIsNotInTheMeetingChatTheOwnerIsToldAndTheReviewIsStillRecorded()
    {
        var program = await world.ImportAsync(MeetingSamples.Program());
        var chat = MeetingSamples.ChatId();
        await world.GetAsync($"/map/{program.Id}/meeting/panel?chat={Uri.EscapeDataString(chat)}",
            Token(program, MapSamples.Owner));
        var done = await PostAsync(program, "complete", MapSamples.Owner, new { chat });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("JourneyBot is not in this meeting&#39;s chat", await done.Content.ReadAsStringAsync());
        Assert.Empty(world.Channel.CallsFor(chat));
        var review = (await LoadAsync(program)).Reviews.Single();
        Assert.Equal([MapSamples.Owner.AadObjectId], review.Participants!.Select(p => p.AadObjectId));
    }
}

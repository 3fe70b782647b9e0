using System.Net;
using JourneyBot.Domain;
using JourneyBot.Tests.Admin;
using JourneyBot.Tests.Map;
using JourneyBot.Touchpoints;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Meetings;

// The side panel acts on the touchpoint as the attendee saw it, as the chat's forms do: each button carries the
// touchpoint's version, a change made meanwhile by someone else wins and is named, and a missing or made-up version
// is out of date, never "any version". Nothing is written when a version is refused.
public sealed class MeetingVersionTests(MapWorld world) : IClassFixture<MapWorld>
{
    private TouchpointStore Touchpoints => world.App.Services.GetRequiredService<TouchpointStore>();

    private Task<List<string>> RowsOfAsync(JourneyProgram program) => RowsAsync(program.Id);

    private async Task<List<string>> RowsAsync(string programId) =>
        (await TableScan.EveryRowAsync(world.Azurite.ConnectionString))
            .Where(r => r.StartsWith($"Programs/{programId}", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task AVerifyFromAPanelShownBeforeAnotherAttendeeRetiredItIsRefusedAndNamesThem()
    {
        var program = await world.ImportAsync(MeetingSamples.Program());
        // Both see t2: the owner every touchpoint, the billing contact their department's.
        var contactSaw = MeetingSamples.VersionIn(await MeetingSamples.PanelAsync(world, program, MapSamples.Contact),
            "t2", "verify");
        var ownerSaw = MeetingSamples.VersionIn(await MeetingSamples.PanelAsync(world, program, MapSamples.Owner),
            "t2", "retire");
        Assert.Equal(contactSaw, ownerSaw);
        var retired = await MeetingSamples.PostAsync(world, $"/map/{program.Id}/meeting/retire",
            world.TokenFor(program, MapSamples.Owner.AadObjectId), new { touchpointId = "t2", version = ownerSaw });
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        var before = await RowsOfAsync(program);

        var stale = await MeetingSamples.PostAsync(world, $"/map/{program.Id}/meeting/verify",
            world.TokenFor(program, MapSamples.Contact.AadObjectId), new { touchpointId = "t2", version = contactSaw });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await stale.Content.ReadAsStringAsync();
        Assert.Contains("Retired by Olivia Owner meanwhile, so nothing was saved", page);
        Assert.Contains("role=\"status\"", page);
        // The panel comes back as it is now: t2 gone from it, t1 still there to verify.
        Assert.DoesNotContain("data-touchpoint=\"t2\"", page);
        Assert.Contains("data-act=\"verify\" data-touchpoint=\"t1\"", page);
        Assert.Equal(before, await RowsOfAsync(program));
        var t2 = (await Touchpoints.GetAsync(program.Id, "t2", CancellationToken.None))!.Touchpoint;
        Assert.True(t2.Retired);
        Assert.Equal(MapSamples.Today.AddDays(-5), t2.LastVerifiedOn);
    }

    [Fact]
    public async Task AnEditMeanwhileWinsOverAStaleVerifyRetireOrProposalWhichKeepsWhatWasTyped()
    {
        var program = await world.ImportAsync(MeetingSamples.Program());
        var panel = await MeetingSamples.PanelAsync(world, program, MapSamples.Contact);
        var stored = (await Touchpoints.GetAsync(program.Id, "t1", CancellationToken.None))!;
        // Someone edits t1 in chat (the form saves through the same store) while the contact looks at the panel.
        await Touchpoints.UpdateAsync(program.Id, stored,
            stored.Touchpoint with { CustomerAction = "Reads the moving checklist" }, "Pat <b>Editor</b>",
            CancellationToken.None);
        var before = await RowsOfAsync(program);
        var token = world.TokenFor(program, MapSamples.Contact.AadObjectId);

        foreach (var deed in new[] { "verify", "retire", "propose" })
        {
            var response = await MeetingSamples.PostAsync(world, $"/map/{program.Id}/meeting/{deed}", token,
                new
                {
                    touchpointId = "t1", version = MeetingSamples.VersionIn(panel, "t1", deed),
                    text = "Ask <i>first</i>",
                });
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var page = await response.Content.ReadAsStringAsync();
            Assert.Contains("Changed by Pat &lt;b&gt;Editor&lt;/b&gt; meanwhile, so nothing was saved", page);
            // What it is now is shown, so they can decide again.
            Assert.Contains("Reads the moving checklist", page);
            if (deed == "propose") Assert.Contains(">Ask &lt;i&gt;first&lt;/i&gt;</textarea>", page);
        }

        Assert.Equal(before, await RowsOfAsync(program));
        var t1 = (await Touchpoints.GetAsync(program.Id, "t1", CancellationToken.None))!.Touchpoint;
        Assert.False(t1.Retired);
        Assert.Equal(MapSamples.Today.AddDays(-5), t1.LastVerifiedOn);
        // With the version the refreshed panel carries, the verify goes through.
        var now = MeetingSamples.VersionIn(await MeetingSamples.PanelAsync(world, program, MapSamples.Contact), "t1",
            "verify");
        var verified = await MeetingSamples.PostAsync(world, $"/map/{program.Id}/meeting/verify", token,
            new { touchpointId = "t1", version = now });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Contains("Marked verified.", await verified.Content.ReadAsStringAsync());
        Assert.Equal(MapSamples.Today,
            (await Touchpoints.GetAsync(program.Id, "t1", CancellationToken.None))!.Touchpoint.LastVerifiedOn);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("\"*\"")]
    [InlineData("W/\"datetime'2026-01-01' or 1\"")]
    [InlineData("not a version")]
    public async Task AMissingOrMalformedVersionIsOutOfDateNeverAnyVersion(string? version)
    {
        var program = await world.ImportAsync(MeetingSamples.Program());
        await MeetingSamples.PanelAsync(world, program, MapSamples.Contact);
        var before = await RowsOfAsync(program);
        var token = world.TokenFor(program, MapSamples.Contact.AadObjectId);

        foreach (var deed in new[] { "verify", "retire", "propose" })
        {
            var response = await MeetingSamples.PostAsync(world, $"/map/{program.Id}/meeting/{deed}", token,
                new { touchpointId = "t2", version, text = "Ask for the move date" });
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("was out of date, so nothing was saved", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(before, await RowsOfAsync(program));
    }
}

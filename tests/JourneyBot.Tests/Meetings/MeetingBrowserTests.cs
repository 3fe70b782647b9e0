using Deque.AxeCore.Playwright;
using JourneyBot.Domain;
using JourneyBot.Tests.Map;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JourneyBot.Tests.Meetings;

// The review in a Teams meeting as attendees see it: the tab framed by the stand-in Teams client in the meeting's
// frame contexts (side panel, stage), signed in with test SSO tokens, in Debian's Chromium.
public sealed class MeetingBrowserTests(MapWorld world) : IClassFixture<MapWorld>
{
    private static readonly string Gallery =
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "MapGallery")).FullName;

    private static string Tab(JourneyProgram program) => $"/map/{program.Id}?inTeams=1";

    // The person's side panel, as narrow as Teams draws it.
    private Task<(IPage Page, IFrameLocator Tab)> PanelAsync(TeamsHost host, JourneyProgram program, Person person,
        string chat, string theme = "default") =>
        host.OpenAsync(world.App.BaseAddress, Tab(program), world.TokenFor(program, person.AadObjectId), theme,
            width: 340, height: 900, frameContext: "sidePanel", chatId: chat);

    private Task<(IPage Page, IFrameLocator Tab)> StageAsync(TeamsHost host, JourneyProgram program, Person person,
        string chat, string theme = "default") =>
        host.OpenAsync(world.App.BaseAddress, Tab(program), world.TokenFor(program, person.AadObjectId), theme,
            frameContext: "meetingStage", chatId: chat);

    private static Task<string[]> TouchpointsIn(IFrameLocator panel) =>
        panel.Locator("li.tp-review").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.touchpoint)");

    [Fact]
    public async Task TwoAttendeesVerifyInTheirSidePanelsAndTheStageShowsItWithinSeconds()
    {
        var program = await world.ImportAsync(MeetingSamples.Program());
        var chat = MeetingSamples.ChatId();
        var tab = Tab(program);
        var soon = new LocatorAssertionsToHaveAttributeOptions { Timeout = 5000 };
        await using var host = await TeamsHost.StartAsync();
        var (owner, ownerPanel) = await PanelAsync(host, program, MapSamples.Owner, chat);
        await Assertions.Expect(ownerPanel.Locator("button[data-share]")).ToBeVisibleAsync();
        var (_, stage) = await StageAsync(host, program, MapSamples.Owner, chat);
        await Assertions.Expect(stage.Locator("#stage-summary")).ToHaveAttributeAsync("data-verified", "0");

        var (_, billing) = await PanelAsync(host, program, MapSamples.Contact, chat);
        var (_, support) = await PanelAsync(host, program, MeetingSamples.Support, chat);
        // Each attendee sees only the touchpoints of the departments they are a contact for.
        await Assertions.Expect(billing.Locator("li.tp-review")).ToHaveCountAsync(2);
        Assert.Equal(["t1", "t2"], await TouchpointsIn(billing));
        Assert.Equal(["t3", "t5"], await TouchpointsIn(support));
        Assert.Equal(0, await billing.Locator("button[data-share], button[data-act=complete]").CountAsync());

        await billing.Locator("li[data-touchpoint=t2] button[data-act=verify]").ClickAsync();
        await Assertions.Expect(billing.Locator("li[data-touchpoint=t2]"))
            .ToHaveAttributeAsync("data-verified", "true");
        await Assertions.Expect(stage.Locator("#stage-summary")).ToHaveAttributeAsync("data-verified", "1", soon);
        await support.Locator("li[data-touchpoint=t3] button[data-act=verify]").ClickAsync();
        await Assertions.Expect(stage.Locator("#stage-summary")).ToHaveAttributeAsync("data-verified", "2", soon);
        foreach (var department in new[] { "billing", "support" })
        {
            await Assertions.Expect(stage.Locator($"tr[data-department={department}]"))
                .ToHaveAttributeAsync("data-verified", "1");
        }
        await Assertions.Expect(stage.Locator($"li[data-person='{MapSamples.Contact.AadObjectId}']"))
            .ToHaveAttributeAsync("data-verified", "1");
        await Assertions.Expect(stage.Locator("li.tp-stage[data-touchpoint=t3]")).ToHaveClassAsync("tp-stage verified");
        // Names are shown literally.
        await Assertions.Expect(stage.Locator($"li[data-person='{MeetingSamples.Support.AadObjectId}']"))
            .ToContainTextAsync("Dana <i>Support</i>: 1 verified");

        // The owner sees everyone's progress, redrawn as it changes, and shares the review to the stage.
        await Assertions.Expect(ownerPanel.Locator("#panel-summary")).ToHaveAttributeAsync("data-verified", "2", soon);
        await Assertions.Expect(ownerPanel.Locator("ul.people li")).ToHaveCountAsync(3);
        await ownerPanel.Locator("button[data-share]").ClickAsync();
        await Assertions.Expect(ownerPanel.Locator("text=Shared to the stage")).ToBeVisibleAsync();
        var shared = await TeamsHost.CallsAsync(owner, "meeting.shareAppContentToStage");
        Assert.Equal(new Uri(world.App.BaseAddress, tab).ToString(), shared[0][0].GetString());
        await owner.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Gallery, "meeting-owner-panel.png"), FullPage = true,
        });
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task AContactRetiresUndoesAndProposesAChangeInTheSidePanel()
    {
        var program = await world.ImportAsync(MeetingSamples.Program());
        var chat = MeetingSamples.ChatId();
        await using var host = await TeamsHost.StartAsync();
        var (_, panel) = await PanelAsync(host, program, MapSamples.Contact, chat);
        await panel.Locator("li[data-touchpoint=t1] summary").ClickAsync();
        await panel.Locator("li[data-touchpoint=t1] button[data-act=retire]").ClickAsync();
        await Assertions.Expect(panel.Locator(".notice.retired")).ToContainTextAsync("It is no longer on the map");
        await Assertions.Expect(panel.Locator("li.tp-review")).ToHaveCountAsync(1);
        await panel.Locator("button[data-act=undo]").ClickAsync();
        await Assertions.Expect(panel.Locator("[role=status]"))
            .ToHaveTextAsync("Undone: the touchpoint is back on the map.");
        await Assertions.Expect(panel.Locator("li.tp-review")).ToHaveCountAsync(2);

        await panel.Locator("li[data-touchpoint=t2] summary").ClickAsync();
        await panel.Locator("li[data-touchpoint=t2] textarea").FillAsync("<b>Ask</b> for the move date first");
        await panel.Locator("li[data-touchpoint=t2] form.propose button").ClickAsync();
        await Assertions.Expect(panel.Locator("[role=status]")).ToContainTextAsync("Change proposed");

        var ownerPanel = await world.GetAsync($"/map/{program.Id}/meeting/panel",
            world.TokenFor(program, MapSamples.Owner.AadObjectId));
        var html = await ownerPanel.Content.ReadAsStringAsync();
        Assert.Contains("&lt;b&gt;Ask&lt;/b&gt; for the move date first", html);
        Assert.Contains("0 verified, 0 retired, 1 proposed", html);
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task TheOwnersPanelRedrawnForAnotherAttendeesVerifyKeepsTheirOwnRetireAndItsUndo()
    {
        var program = await world.ImportAsync(MeetingSamples.Program());
        var chat = MeetingSamples.ChatId();
        await using var host = await TeamsHost.StartAsync();
        var (_, owner) = await PanelAsync(host, program, MapSamples.Owner, chat);
        var (_, contact) = await PanelAsync(host, program, MapSamples.Contact, chat);
        await Assertions.Expect(contact.Locator("li[data-touchpoint=t1] button[data-act=verify]")).ToBeVisibleAsync();

        await owner.Locator("li[data-touchpoint=t3] summary").ClickAsync();
        await owner.Locator("li[data-touchpoint=t3] button[data-act=retire]").ClickAsync();
        await Assertions.Expect(owner.Locator(".notice.retired")).ToContainTextAsync("It is no longer on the map");
        var before = await owner.Locator("#panel-summary").GetAttributeAsync("data-verified");
        await contact.Locator("li[data-touchpoint=t1] button[data-act=verify]").ClickAsync();

        // The owner's panel follows the meeting (the contact's verify is counted) and still offers the undo.
        await Assertions.Expect(owner.Locator("#panel-summary")).Not.ToHaveAttributeAsync("data-verified", before ?? "");
        await Assertions.Expect(owner.Locator(".notice.retired button[data-act=undo]")).ToBeVisibleAsync();
        await owner.Locator(".notice.retired button[data-act=undo]").ClickAsync();
        await Assertions.Expect(owner.Locator("li[data-touchpoint=t3]")).ToHaveCountAsync(1);
        var t3 = (await world.App.Services.GetRequiredService<JourneyBot.Touchpoints.TouchpointStore>()
            .GetAsync(program.Id, "t3", CancellationToken.None))!.Touchpoint;
        Assert.False(t3.Retired);
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task AVerifyFromAPanelThatMissedAnotherAttendeesRetireIsRefusedAndThePanelSaysSo()
    {
        var program = await world.ImportAsync(MeetingSamples.Program());
        var chat = MeetingSamples.ChatId();
        await using var host = await TeamsHost.StartAsync();
        var (_, owner) = await PanelAsync(host, program, MapSamples.Owner, chat);
        var (_, contact) = await PanelAsync(host, program, MapSamples.Contact, chat);
        await Assertions.Expect(contact.Locator("li[data-touchpoint=t2] button[data-act=verify]")).ToBeVisibleAsync();

        await owner.Locator("li[data-touchpoint=t2] summary").ClickAsync();
        await owner.Locator("li[data-touchpoint=t2] button[data-act=retire]").ClickAsync();
        await Assertions.Expect(owner.Locator(".notice.retired")).ToContainTextAsync("It is no longer on the map");
        await contact.Locator("li[data-touchpoint=t2] button[data-act=verify]").ClickAsync();

        await Assertions.Expect(contact.Locator("[role=status]"))
            .ToContainTextAsync("Retired by Olivia Owner meanwhile, so nothing was saved");
        await Assertions.Expect(contact.Locator("li[data-touchpoint=t2]")).ToHaveCountAsync(0);
        var t2 = (await world.App.Services.GetRequiredService<JourneyBot.Touchpoints.TouchpointStore>()
            .GetAsync(program.Id, "t2", CancellationToken.None))!.Touchpoint;
        Assert.True(t2.Retired);
        Assert.Equal(MapSamples.Today.AddDays(-5), t2.LastVerifiedOn);
        Assert.Empty(host.PageErrors);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("dark")]
    [InlineData("contrast")]
    public async Task TheSidePanelAt320PixelsAndTheStageHaveNoSeriousAccessibilityViolations(string theme)
    {
        var program = await world.ImportAsync(MeetingSamples.Program());
        var chat = MeetingSamples.ChatId();
        await using var host = await TeamsHost.StartAsync();
        var (panelPage, panel) = await PanelAsync(host, program, MapSamples.Owner, chat, theme);
        await Assertions.Expect(panel.Locator("li.tp-review").First).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator("html")).ToHaveAttributeAsync("data-theme", theme);
        var wide = await panel.Locator("body").EvaluateAsync<string[]>(
            "b => b.scrollWidth <= window.innerWidth + 1 ? [] : [...b.querySelectorAll('*')]" +
            ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5)" +
            ".map(e => e.tagName + '.' + e.className)");
        Assert.True(wide.Length == 0, "the side panel scrolls sideways at 320 px: " + string.Join(", ", wide));
        AssertNoSerious(await panelPage.RunAxe());
        await panelPage.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Gallery, $"meeting-panel-{theme}.png"), FullPage = true,
        });

        var (stagePage, stage) = await StageAsync(host, program, MapSamples.Sponsor, chat, theme);
        await Assertions.Expect(stage.Locator("#stage-summary")).ToBeVisibleAsync();
        AssertNoSerious(await stagePage.RunAxe());
        await stagePage.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Gallery, $"meeting-stage-{theme}.png"), FullPage = true,
        });
    }

    private static void AssertNoSerious(Deque.AxeCore.Commons.AxeResult results)
    {
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): " +
                string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString() ?? "")))
            .ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}

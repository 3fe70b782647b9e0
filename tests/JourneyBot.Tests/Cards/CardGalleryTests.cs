using System.Text.Json;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Playwright;

namespace JourneyBot.Tests.Cards;

// Every card kind rendered by the official adaptivecards renderer in headless Chromium, one PNG per kind under
// the test output's CardGallery/ folder, so a person can look at each card roughly as Teams shows it.
public sealed class CardGalleryTests
{
    private static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    // Teams renders a subset of Markdown; bold is what our cards use. Everything else is shown as typed.
    private const string RenderScript = """
        (input) => {
          const { card, allowed } = JSON.parse(input);
          const escape = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
          AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
            result.outputHtml = escape(text).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
            result.didProcess = true;
          };
          const context = new AdaptiveCards.SerializationContext();
          context.targetVersion = AdaptiveCards.Versions.v1_5;
          const adaptiveCard = new AdaptiveCards.AdaptiveCard();
          adaptiveCard.hostConfig = new AdaptiveCards.HostConfig({ fontFamily: 'Segoe UI, Helvetica Neue, sans-serif' });
          adaptiveCard.parse(card, context);
          const problems = [];
          // Notes the project allows on purpose: CardRules.AllowedParserNotes.
          for (let i = 0; i < context.eventCount; i++) {
            const message = context.getEventAt(i).message;
            if (!allowed.includes(message)) problems.push(message);
          }
          const element = adaptiveCard.render();
          if (!element) problems.push('the renderer returned nothing');
          const host = document.getElementById('card');
          host.innerHTML = '';
          if (element) host.appendChild(element);
          return JSON.stringify(problems);
        }
        """;

    [Fact]
    public async Task EveryCardKindRendersWithoutErrorsAndIsSavedAsAPicture()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium (infra/test.sh does) or set CHROMIUM_PATH.");
        var gallery = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "CardGallery")).FullName;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // No background connections: this machine's network is closed and they only slow start-up.
            Args = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 520, Height = 900 } });
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        await page.SetContentAsync("<html><body style=\"margin:0;padding:10px;background:#ebebeb\"><div id=\"card\" style=\"width:480px;background:#fff;border-radius:6px\"></div></body></html>");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(RepoPaths.NodeModules, "adaptivecards", "dist", "adaptivecards.js") });

        var written = new List<string>();
        foreach (var (name, card) in CardCatalog.All())
        {
            var problems = JsonSerializer.Deserialize<string[]>(await page.EvaluateAsync<string>(RenderScript,
                JsonSerializer.Serialize(new { card = JsonDocument.Parse(card.ToJsonString()).RootElement, allowed = CardRules.AllowedParserNotes })))!;
            Assert.True(problems.Length == 0, $"{name}: {string.Join("; ", problems)}");
            var path = Path.Combine(gallery, $"{name}.png");
            await page.Locator("#card").ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
            Assert.True(new FileInfo(path).Length > 1000, $"{name}.png is suspiciously small");
            written.Add(path);
        }

        Assert.Empty(pageErrors);
        Assert.Equal(CardCatalog.All().Count, written.Count);
    }
}

using System.Text.Json.Nodes;
using JourneyBot.Programs;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.Programs;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Charters;

// Metrics as owners type them, through the real endpoint: a unit typed with the number, thousands and the
// decimal mark of their locale.
public sealed class MetricInputTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private async Task<(ProgramInChat P, JsonObject Data, string Metric)> MetricsFormAsync()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var response = await fixture.SendAsync(p.Owner.CardAction("charter.edit", new JsonObject { ["programId"] = p.Program.Id, ["step"] = "metrics" }));
        var form = (await BotApp.ReadJsonAsync(response))!["value"]!.AsObject();
        var metric = form["body"]!.AsArray().Select(e => e!["id"]?.GetValue<string>()).First(id => id?.StartsWith("metric.", StringComparison.Ordinal) == true)!.Split('.')[1];
        return (p, CardJson.SubmitData(form), metric);
    }

    private async Task<JsonObject> SaveAsync(Activities chat, JsonObject data, string? locale = null)
    {
        var click = chat.CardAction("charter.save", data);
        if (locale is not null) click["locale"] = locale;
        return (await BotApp.ReadJsonAsync(await fixture.SendAsync(click)))!["value"]!.AsObject();
    }

    [Fact]
    public async Task APercentTypedWithTheNumberIsTakenAsTheUnit()
    {
        var (p, data, metric) = await MetricsFormAsync();
        data[$"metric.{metric}.baseline"] = "38%";
        data[$"metric.{metric}.target"] = "45 %";
        data[$"metric.{metric}.unit"] = "";

        var saved = CardJson.Text(await SaveAsync(p.Owner, data));

        Assert.DoesNotContain("must be a number", saved);
        var stored = (await fixture.Bot.Services.GetRequiredService<ProgramStore>().LoadHeaderAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None))!.Charter.Metrics.Single(m => m.Id == metric);
        Assert.Equal((38m, 45m, "%"), (stored.Baseline, stored.Target, stored.Unit));
    }

    [Theory]
    [InlineData("en-GB", "1,200", "2,500.5", 1200, 2500.5)]
    [InlineData("de-DE", "1.200", "2.500,5", 1200, 2500.5)]
    [InlineData("fr-FR", "0,82", "0,9", 0.82, 0.9)]
    public async Task ThousandsAndDecimalsAreReadInThePersonsLocale(string locale, string baseline, string target, double expectedBaseline, double expectedTarget)
    {
        var (p, data, metric) = await MetricsFormAsync();
        data[$"metric.{metric}.baseline"] = baseline;
        data[$"metric.{metric}.target"] = target;

        await SaveAsync(p.Owner, data, locale);

        var stored = (await fixture.Bot.Services.GetRequiredService<ProgramStore>().LoadHeaderAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None))!.Charter.Metrics.Single(m => m.Id == metric);
        Assert.Equal(((decimal)expectedBaseline, (decimal)expectedTarget), (stored.Baseline, stored.Target));
    }

    [Fact]
    public async Task TextThatIsNoNumberComesBackWithAnExampleAndNothingIsSaved()
    {
        var (p, data, metric) = await MetricsFormAsync();
        data[$"metric.{metric}.target"] = "about a third";

        var answer = CardJson.Text(await SaveAsync(p.Owner, data));

        Assert.Contains("like 38, 38%, 1,200 or 3.5", answer);
        Assert.Contains("about a third", answer);
        var stored = (await fixture.Bot.Services.GetRequiredService<ProgramStore>().LoadHeaderAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None))!.Charter;
        Assert.Equal(p.Program.Charter.Metrics.Select(m => m.Target), stored.Metrics.Select(m => m.Target));
    }
}

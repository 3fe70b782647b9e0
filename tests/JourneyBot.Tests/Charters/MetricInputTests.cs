using System.Text.Json.Nodes;
using JourneyBot.Programs;
using JourneyBot.Tests.Cards;
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
        var metric = CardJson.InputIds(form, "metric.").First().Split('.')[1];
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

    private async Task<JsonObject> ClickAsync(Activities chat, string verb, JsonObject data)
    {
        var response = await fixture.SendAsync(chat.CardAction(verb, data));
        response.EnsureSuccessStatusCode();
        var card = (await BotApp.ReadJsonAsync(response))!["value"]!.AsObject();
        Assert.Empty(CardRules.Check(card));
        return card;
    }

    // The data a press of the named button sends: its own data with everything typed on the card.
    private static JsonObject Press(JsonObject card, string verb, JsonObject typed, string? onRow = null)
    {
        var data = FindPress(card, verb, onRow);
        foreach (var (key, value) in typed.Where(t => t.Key.StartsWith("metric.", StringComparison.Ordinal))) data[key] = value?.DeepClone();
        return data;
    }

    private static JsonObject FindPress(JsonObject card, string verb, string? onRow)
    {
        var presses = new List<JsonObject>();
        void Walk(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                if (o["verb"]?.GetValue<string>() == verb) presses.Add(o["data"]!.DeepClone().AsObject());
                foreach (var (_, child) in o) Walk(child);
            }
            else if (node is JsonArray a) foreach (var child in a) Walk(child);
        }
        Walk(card);
        return presses.First(d => onRow is null || d["removeRow"]?.GetValue<string>() == onRow);
    }

    [Fact]
    public async Task MetricsAreOneRowEachAndRowsAreAddedAndRemovedWithWhatWasTypedKept()
    {
        var (p, data, metric) = await MetricsFormAsync();
        var form = await ClickAsync(p.Owner, "charter.edit", new JsonObject { ["programId"] = p.Program.Id, ["step"] = "metrics" });
        // One row per metric the program has: no stack of empty ones.
        Assert.Equal(p.Program.Charter.Metrics.Count * 7, CardJson.InputIds(form, "metric.").Count());
        data[$"metric.{metric}.name"] = "Renewals on time";

        var grown = await ClickAsync(p.Owner, "charter.metricAdd", Press(form, "charter.metricAdd", data));

        var rows = CardJson.InputIds(grown, "metric.").Where(id => id.EndsWith(".name", StringComparison.Ordinal)).Select(id => id.Split('.')[1]).ToList();
        Assert.Equal(p.Program.Charter.Metrics.Count + 1, rows.Count);
        Assert.Equal("Renewals on time", CardJson.Inputs(grown).Single(i => i["id"]!.GetValue<string>() == $"metric.{metric}.name")["value"]!.GetValue<string>());
        var added = rows.Last();
        var typed = CardJson.SubmitData(grown);
        typed[$"metric.{added}.name"] = "Calls about renewal";
        typed[$"metric.{added}.kind"] = "output";
        typed[$"metric.{added}.target"] = "1,500";

        // The first metric is removed before saving: the card says nothing is saved yet and keeps the new row.
        var shrunk = await ClickAsync(p.Owner, "charter.metricRemove", Press(grown, "charter.metricRemove", typed, onRow: metric));
        Assert.Contains("nothing is saved until then", CardJson.Text(shrunk));
        Assert.DoesNotContain(CardJson.InputIds(shrunk, "metric."), id => id.StartsWith($"metric.{metric}.", StringComparison.Ordinal));
        Assert.Equal("Calls about renewal", CardJson.Inputs(shrunk).Single(i => i["id"]!.GetValue<string>() == $"metric.{added}.name")["value"]!.GetValue<string>());
        var unchanged = (await fixture.Bot.Services.GetRequiredService<ProgramStore>().LoadHeaderAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None))!.Charter;
        Assert.Equal(p.Program.Charter.Metrics.Select(m => m.Id), unchanged.Metrics.Select(m => m.Id));

        await SaveAsync(p.Owner, CardJson.SubmitData(shrunk));

        var stored = (await fixture.Bot.Services.GetRequiredService<ProgramStore>().LoadHeaderAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None))!.Charter;
        Assert.DoesNotContain(stored.Metrics, m => m.Id == metric);
        var kept = Assert.Single(stored.Metrics, m => m.Id == added);
        Assert.Equal(("Calls about renewal", JourneyBot.Domain.MetricKind.Output, 1500m), (kept.Name, kept.Kind, kept.Target));
    }

    [Fact]
    public async Task ForgedRowListsNameNothingButRowsAndCannotGrowPastTheLimit()
    {
        var (p, data, _) = await MetricsFormAsync();
        var form = await ClickAsync(p.Owner, "charter.edit", new JsonObject { ["programId"] = p.Program.Id, ["step"] = "metrics" });
        var press = Press(form, "charter.metricAdd", data);
        press["metricRows"] = string.Join(",", Enumerable.Range(0, 40).Select(i => $"x{i}").Append("../other|program").Append(new string('m', 5000)));

        var card = await ClickAsync(p.Owner, "charter.metricAdd", press);

        var rows = CardJson.InputIds(card, "metric.").Where(id => id.EndsWith(".name", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, rows.Count);
        Assert.DoesNotContain(rows, id => id.Contains('|') || id.Contains(".."));
        Assert.Contains("at most 8 metrics", CardJson.Text(card));
        Assert.DoesNotContain(CardJson.Inputs(card), i => i["id"]!.GetValue<string>() == "metric.x0.name" && i["value"] is not null);
    }

    private async Task<JourneyBot.Domain.Charter> StoredCharterAsync(ProgramInChat p) =>
        (await fixture.Bot.Services.GetRequiredService<ProgramStore>().LoadHeaderAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None))!.Charter;

    [Fact]
    public async Task ACadenceAndAMetricOwnerAreSavedShownAndKeptWhenTheMetricIsEditedAgain()
    {
        var (p, data, metric) = await MetricsFormAsync();
        var contact = p.Contacts[0].UserAadObjectId;
        data[$"metric.{metric}.cadence"] = "7";
        data[$"metric.{metric}.owner"] = contact;

        Assert.Contains("Saved.", CardJson.Text(await SaveAsync(p.Owner, data)));

        var review = CardJson.Text(await ClickAsync(p.Owner, "charter.edit", new JsonObject { ["programId"] = p.Program.Id, ["step"] = "review" }));
        Assert.Contains("read every 7 days, asked of Contact 1", review);
        var stored = (await StoredCharterAsync(p)).Metrics.Single(m => m.Id == metric);
        Assert.Equal((7, contact), (stored.CadenceDays, stored.Owner?.AadObjectId));

        // The form opened again shows both, and a change of target alone keeps them.
        var again = await ClickAsync(p.Owner, "charter.edit", new JsonObject { ["programId"] = p.Program.Id, ["step"] = "metrics" });
        var inputs = CardJson.Inputs(again).ToDictionary(i => i["id"]!.GetValue<string>());
        Assert.Equal("7", inputs[$"metric.{metric}.cadence"]["value"]!.GetValue<string>());
        Assert.Equal(contact, inputs[$"metric.{metric}.owner"]["value"]!.GetValue<string>());
        Assert.Contains("Contact 1", inputs[$"metric.{metric}.owner"].ToJsonString());
        var edited = CardJson.SubmitData(again);
        edited[$"metric.{metric}.target"] = "95";
        await SaveAsync(p.Owner, edited);
        stored = (await StoredCharterAsync(p)).Metrics.Single(m => m.Id == metric);
        Assert.Equal((95m, 7, contact), (stored.Target, stored.CadenceDays, stored.Owner?.AadObjectId));

        // Cleared, both return to their defaults: monthly, asked of the owners.
        again = await ClickAsync(p.Owner, "charter.edit", new JsonObject { ["programId"] = p.Program.Id, ["step"] = "metrics" });
        edited = CardJson.SubmitData(again);
        edited[$"metric.{metric}.cadence"] = "";
        edited[$"metric.{metric}.owner"] = "";
        await SaveAsync(p.Owner, edited);
        stored = (await StoredCharterAsync(p)).Metrics.Single(m => m.Id == metric);
        Assert.Equal((null, null), (stored.CadenceDays, stored.Owner));
        Assert.Equal(30, stored.DaysBetweenReadings());
    }

    [Theory]
    [InlineData("0", null)]
    [InlineData("3.5", null)]
    [InlineData("366", null)]
    [InlineData("NaN", null)]
    [InlineData("1e9", null)]
    [InlineData("-7", null)]
    [InlineData(null, "aad-someone-else")]
    [InlineData(null, "<b>forged</b>")]
    public async Task ABadCadenceOrAnOwnerTheCharterDoesNotNameComesBackAndNothingIsSaved(string? cadence, string? owner)
    {
        var (p, data, metric) = await MetricsFormAsync();
        data[$"metric.{metric}.target"] = "77";
        if (cadence is not null) data[$"metric.{metric}.cadence"] = cadence;
        if (owner is not null) data[$"metric.{metric}.owner"] = owner;

        var answer = await SaveAsync(p.Owner, data);

        var text = CardJson.Text(answer);
        Assert.Contains(cadence is not null ? "days between readings as a whole number from 1 to 365" : "Pick someone this charter already names", text);
        var typed = CardJson.Inputs(answer).Single(i => i["id"]!.GetValue<string>() == $"metric.{metric}.target");
        Assert.Equal("77", typed["value"]!.GetValue<string>());
        if (cadence is not null) Assert.Contains(CardJson.Inputs(answer), i => i["id"]!.GetValue<string>() == $"metric.{metric}.cadence" && i["value"]?.GetValue<string>() == cadence);
        Assert.Equal(p.Program.Charter.Metrics, (await StoredCharterAsync(p)).Metrics);
    }
}

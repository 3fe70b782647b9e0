using System.Net;
using System.Text.Json.Nodes;
using JourneyBot.Programs;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using JourneyBot.Tests.Programs;

namespace JourneyBot.Tests.Touchpoints;

// A department's whole team saving at once, through the real endpoint: nobody sees an error and every count is exact.
public sealed class ConcurrentSubmitTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    [Fact]
    public async Task AHundredConcurrentSubmitsToOneProgramAllSaveAndCountExactly()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var departments = p.Program.Charter.Departments;

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            var contact = i % departments.Count;
            var save = new JsonObject
            {
                ["programId"] = p.Program.Id, ["formId"] = Guid.NewGuid().ToString("N"), ["v"] = "1", ["stage"] = $"s{i % 4 + 1}",
                ["department"] = departments[contact].Id, ["channel"] = "web", ["customerAction"] = $"Moment {i}", ["personas"] = "p1",
            };
            var response = await fixture.SendAsync(p.Contacts[contact].CardAction("touchpoint.save", save));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(answers, a => Assert.Contains("Touchpoint saved", a.Body));
        var counts = await fixture.Bot.Services.GetRequiredService<ProgramStore>().LoadCountsAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None);
        Assert.Equal(100, counts.Total);
        for (var stage = 1; stage <= 4; stage++)
        {
            Assert.Equal(25, departments.Sum(d => counts.Cells.GetValueOrDefault(($"s{stage}", d.Id))));
        }
    }
}

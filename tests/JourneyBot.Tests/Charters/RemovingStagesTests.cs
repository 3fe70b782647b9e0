using System.Text.Json.Nodes;
using JourneyBot.Programs;
using JourneyBot.Tests.Cards;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.Programs;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Charters;

// Removing a stage, department or persona never orphans touchpoints: the owner says where they go.
public sealed class RemovingStagesTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private ProgramStore Store => fixture.Bot.Services.GetRequiredService<ProgramStore>();

    private async Task<ProgramInChat> SeededAsync()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var contacts = p.Program.Charter.Departments.Select(d => d.Contacts[0]).ToList();
        var seeds = new[] { ("s1", "d1", "p1"), ("s2", "d1", "p2"), ("s2", "d2", "p1"), ("s3", "d2", "p2") };
        for (var i = 0; i < seeds.Length; i++)
        {
            var (stage, department, persona) = seeds[i];
            var author = contacts[int.Parse(department[1..]) - 1];
            await fixture.Bot.Services.GetRequiredService<JourneyBot.Touchpoints.TouchpointStore>().AddAsync(p.Program.Id, SamplePrograms.Touchpoint(i, stage, department, author) with { Id = $"t{i}", PersonaIds = [persona] }, CancellationToken.None);
        }
        return p;
    }

    // The step card as the owner sees it, and its submit data with every input's current value, as Teams sends it.
    private async Task<(JsonObject Card, JsonObject Data)> OpenStepAsync(ProgramInChat p, string step)
    {
        var response = await fixture.SendAsync(p.Owner.CardAction("charter.edit", new JsonObject { ["programId"] = p.Program.Id, ["step"] = step }));
        var card = (await BotApp.ReadJsonAsync(response))!["value"]!.AsObject();
        return (card, CardJson.SubmitData(card));
    }

    private async Task<JsonObject> SaveAsync(ProgramInChat p, JsonObject data)
    {
        var card = (await BotApp.ReadJsonAsync(await fixture.SendAsync(p.Owner.CardAction("charter.save", data))))!["value"]!.AsObject();
        Assert.Empty(CardRules.Check(card));
        return card;
    }

    [Fact]
    public async Task RemovingAStageWithTouchpointsAsksWhereTheyGoThenMovesThem()
    {
        var p = await SeededAsync();
        var (_, data) = await OpenStepAsync(p, "shape");
        data["stage.s2"] = "";

        var asked = await SaveAsync(p, (JsonObject)data.DeepClone());

        var text = CardJson.Text(asked);
        Assert.Contains("This stage has 2 touchpoints: say where they go", text);
        Assert.Contains(asked["body"]!.AsArray(), e => e!["id"]?.GetValue<string>() == "stage.s2.then");
        Assert.Equal(4, (await Store.LoadHeaderAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None))!.Charter.Stages.Count);

        var answer = CardJson.SubmitData(asked);
        answer["stage.s2"] = "";
        answer["stage.s2.then"] = "s1";
        await SaveAsync(p, answer);

        var program = (await Store.LoadAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None))!;
        Assert.DoesNotContain(program.Charter.Stages, s => s.Id == "s2");
        Assert.All(program.Touchpoints, t => Assert.NotEqual("s2", t.StageId));
        Assert.Equal(3, program.Touchpoints.Count(t => t.StageId == "s1"));
        var counts = await Store.LoadCountsAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None);
        Assert.Equal(4, counts.Total);
        Assert.False(counts.Cells.ContainsKey(("s2", "d1")) || counts.Cells.ContainsKey(("s2", "d2")));
        Assert.Equal(2, counts.Cells[("s1", "d1")]);
    }

    [Fact]
    public async Task RemovingADepartmentCanRetireItsTouchpointsAndAPersonaIsDroppedFromThem()
    {
        var p = await SeededAsync();
        var (_, departments) = await OpenStepAsync(p, "departments");
        departments["dept.d2.name"] = "";
        departments["dept.d2.then"] = "retire";
        var saved = await SaveAsync(p, departments);
        Assert.True(saved["body"]![0]!["text"]!.GetValue<string>().EndsWith("Personas, stages and rhythm"), CardJson.Text(saved));
        var (_, shape) = await OpenStepAsync(p, "shape");
        shape["persona.p2.name"] = "";
        shape["persona.p2.then"] = "retire";
        await SaveAsync(p, shape);

        var program = (await Store.LoadAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None))!;
        Assert.DoesNotContain(program.Charter.Departments, d => d.Id == "d2");
        Assert.All(program.Touchpoints.Where(t => t.DepartmentId == "d2"), t => Assert.True(t.Retired));
        Assert.All(program.ActiveTouchpoints(), t => Assert.DoesNotContain("p2", t.PersonaIds));
        Assert.Equal(2, (await Store.LoadCountsAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None)).Total);
        // What remains still exports as a valid program file.
        Assert.Empty(JourneyBot.Domain.ProgramValidator.Validate(program));
    }
}

using System.Net;
using System.Text.Json.Nodes;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Tests.Cards;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using JourneyBot.Health;

namespace JourneyBot.Tests.Charters;

// An owner sets up a program in chat, step by step, and opens collection; through the real endpoint.
public sealed class CharterChatTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private static string Text(JsonObject card) => CardJson.Text(card);

    private sealed class Owner(BotFixture fixture, Activities chat)
    {
        public JsonObject Card { get; private set; } = null!;

        public async Task StartAsync()
        {
            await fixture.SendAsync(chat.Message("new program"));
            Card = fixture.Channel.CallsFor(chat.ConversationId)[^1].Body!["attachments"]![0]!["content"]!.AsObject();
        }

        public IReadOnlyList<string> InputIds(string prefix) =>
            CardJson.InputIds(Card, prefix).ToList();

        public JsonObject SaveData() => Card["actions"]![0]!["data"]!.DeepClone().AsObject();

        public async Task<JsonObject> ClickAsync(JsonObject data, string verb = "charter.save", string? onMessage = null)
        {
            var click = chat.CardAction(verb, data);
            if (onMessage is not null) click["replyToId"] = onMessage;
            var response = await fixture.SendAsync(click);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Card = (await BotApp.ReadJsonAsync(response))!["value"]!.AsObject();
            Assert.Empty(CardRules.Check(Card));
            return Card;
        }
    }

    private static JsonObject With(JsonObject data, params (string Key, string Value)[] values)
    {
        foreach (var (key, value) in values) data[key] = value;
        return data;
    }

    [Fact]
    public async Task AnOwnerWritesTheCharterAndOpensCollectionInvitingEveryContact()
    {
        var chat = fixture.NewConversation();
        var sponsor = Guid.NewGuid().ToString();
        var (sales, billing, support, unreachable) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        fixture.Channel.UnreachableMembers[unreachable] = true;
        fixture.Channel.MemberNames[sponsor] = "Sam Sponsor";
        var owner = new Owner(fixture, chat);
        await owner.StartAsync();
        Assert.Contains("Step 1 of 6", Text(owner.Card));

        await owner.ClickAsync(With(owner.SaveData(), ("name", "Licence renewal"), ("journeyStart", "renewal notice received"), ("journeyEnd", "licence renewed"),
            ("objective", "Fewer renewals lost to surprises"), ("definitionOfDone", "Every stage verified with evidence")));
        Assert.Contains("Success metrics", Text(owner.Card));
        var metric = owner.InputIds("metric.")[0].Split('.')[1];
        await owner.ClickAsync(With(owner.SaveData(), ($"metric.{metric}.name", "Renewal rate"), ($"metric.{metric}.kind", "outcome"), ($"metric.{metric}.baseline", "82"), ($"metric.{metric}.target", "90"), ($"metric.{metric}.unit", "%")));
        await owner.ClickAsync(With(owner.SaveData(), ("owners", chat.UserAadObjectId), ("sponsors", sponsor)));
        // Resources: a budget, the owner's time (the owner is the only one asked so far) and the tools.
        Assert.Contains("Budget, time and tools", Text(owner.Card));
        Assert.Equal([$"time.{chat.UserAadObjectId}"], owner.InputIds("time."));
        await owner.ClickAsync(With(owner.SaveData(), ("fundingAmount", "25000"), ("fundingCurrency", "eur"), ($"time.{chat.UserAadObjectId}", "60"), ("tools", "Miro, Qualtrics")));
        var departments = owner.InputIds("dept.").Where(id => id.EndsWith(".name")).Select(id => id.Split('.')[1]).ToList();
        Assert.Equal(5, departments.Count);
        await owner.ClickAsync(With(owner.SaveData(), ($"dept.{departments[0]}.name", "Sales"), ($"dept.{departments[0]}.contacts", sales),
            ($"dept.{departments[1]}.name", "Billing"), ($"dept.{departments[1]}.contacts", $"{billing},{unreachable}"),
            ($"dept.{departments[2]}.name", "Support"), ($"dept.{departments[2]}.contacts", support)));
        var stages = owner.InputIds("stage.").Select(id => id.Split('.')[1]).ToList();
        var personas = owner.InputIds("persona.").Select(id => id.Split('.')[1]).ToList();
        var review = await owner.ClickAsync(With(owner.SaveData(), ($"stage.{stages[0]}", "Notice"), ($"stage.{stages[1]}", "Decide"),
            ($"persona.{personas[0]}.name", "Economic buyer"), ("cadence", "30"), ("timeZone", "Europe/London"), ("hoursStart", "09:00"), ("hoursEnd", "17:00"), ("days", "monday,tuesday,wednesday,thursday,friday")));

        Assert.DoesNotContain("Before collection can open", Text(review));
        var open = review["actions"]!.AsArray().Single(a => a!["verb"]!.GetValue<string>() == "collection.open")!["data"]!.DeepClone().AsObject();
        var outcome = await owner.ClickAsync(open, "collection.open", onMessage: "charter-card-1");

        // The click only queues the invitations; the scheduler sends them and moves the owner's card along.
        Assert.Contains("Invitations: 0 of 4 sent, 4 on their way", Text(outcome));
        Assert.Empty(fixture.Channel.CallsFor($"a:created-{sales}"));
        await fixture.RunDueWorkAsync();
        var updated = fixture.Channel.Calls.Last(c => c.Method == "PUT" && c.Path.EndsWith("/activities/charter-card-1", StringComparison.Ordinal));
        var progress = await owner.ClickAsync(CardJson.ActionData(outcome, "collection.progress"), "collection.progress");
        foreach (var card in new[] { Text(updated.Body!["attachments"]![0]!["content"]!.AsObject()), Text(progress) })
        {
            Assert.Contains("Invitations: 3 of 4 sent.", card);
            Assert.Contains("could not reach 1 person", card);
            Assert.Contains("(Billing)", card);
            Assert.Contains("JourneyBot is not installed for them and cannot install itself", card);
            Assert.DoesNotMatch(@"\(\d{3}\)|\(0\)", card);
        }
        foreach (var contact in new[] { sales, billing, support })
        {
            var invitation = Assert.Single(fixture.Channel.CallsFor($"a:created-{contact}"));
            Assert.Contains("your touchpoints are needed", Text(invitation.Body!.AsObject()));
        }
        var stored = await fixture.Bot.Services.GetRequiredService<ProgramStore>().LoadHeaderAsync(chat.TenantId, open["programId"]!.GetValue<string>(), CancellationToken.None);
        Assert.NotNull(stored!.CollectionOpenedOn);
        Assert.True(CharterRules.IsReadyForCollection(stored.Charter));
        Assert.Equal(["Notice", "Decide"], stored.Charter.Stages.Select(s => s.Name));
        // Picked people are named by what Teams says of them, with when it said so.
        Assert.Equal("Sam Sponsor", stored.Charter.Sponsors.Single().DisplayName);
        Assert.NotNull(stored.Charter.Sponsors.Single().NamedAt);
        Assert.Equal(new Funding(25000, "EUR"), stored.Charter.Funding);
        Assert.Equal([60], stored.Charter.Team.Select(m => m.TimePercent));
        Assert.Equal(["Miro", "Qualtrics"], stored.Charter.Tools);

        // Staff of the three departments add 50 touchpoints each, all at once, from their invitations.
        var staff = new[] { sales, billing, support }.Select((aad, i) => (Chat: new Activities(fixture.Channel.ServiceUrl, fixture.AppId) { TenantId = chat.TenantId, UserAadObjectId = aad }, Department: stored.Charter.Departments[i].Id)).ToList();
        await Task.WhenAll(staff.Select(async member =>
        {
            for (var i = 0; i < 50; i++)
            {
                var save = new JsonObject
                {
                    ["programId"] = stored.Id, ["formId"] = Guid.NewGuid().ToString("N"), ["v"] = "1", ["stage"] = stored.Charter.Stages[i % 2].Id,
                    ["department"] = member.Department, ["channel"] = "email", ["customerAction"] = $"Moment {i}", ["personas"] = stored.Charter.Personas[0].Id,
                    ["emotion"] = (i % 5 - 2).ToString(), ["evidence"] = i % 2 == 0 ? "customerInterview" : "assumption",
                };
                var response = await fixture.SendAsync(member.Chat.CardAction("touchpoint.save", save));
                Assert.Contains("Touchpoint saved", (await response.Content.ReadAsStringAsync()));
            }
        }));
        var program = (await fixture.Bot.Services.GetRequiredService<ProgramStore>().LoadAsync(chat.TenantId, stored.Id, CancellationToken.None))!;
        var counts = await fixture.Bot.Services.GetRequiredService<ProgramStore>().LoadCountsAsync(stored.TenantId, stored.Id, CancellationToken.None);
        Assert.Equal(150, program.Touchpoints.Count);
        Assert.Equal(150, counts.Total);
        foreach (var department in stored.Charter.Departments)
        {
            foreach (var stage in stored.Charter.Stages) Assert.Equal(25, counts.Cells[(stage.Id, department.Id)]);
        }
        var health = MapHealth.Evaluate(program, DateOnly.FromDateTime(DateTime.UtcNow)).ToDictionary(c => c.Id.Name());
        Assert.Equal("75 of 150 backed by evidence (50%); 75 assumed, 0 not recorded", health["evidence"].Figure);
        Assert.Equal("3 of 3 departments contributed; the largest wrote 33%", health["silo"].Figure);
        Assert.Equal(HealthStatus.Ok, health["objective"].Status);

        // Opening again retries only the contact who was not reached.
        fixture.Channel.UnreachableMembers.TryRemove(unreachable, out _);
        await fixture.SendAsync(chat.Message("open collection"));
        Assert.Contains("Invitations: 3 of 4 sent, 1 on their way", Text(fixture.Channel.CallsFor(chat.ConversationId)[^1].Body!.AsObject()));
        await fixture.RunDueWorkAsync();
        Assert.Contains("Invitations: 4 of 4 sent.", Text(fixture.Channel.CallsFor(chat.ConversationId).Last(c => c.Method == "PUT").Body!.AsObject()));
        Assert.Single(fixture.Channel.CallsFor($"a:created-{sales}"));
        Assert.Single(fixture.Channel.CallsFor($"a:created-{unreachable}"));
    }

    [Fact]
    public async Task AnIncompleteCharterSaysExactlyWhatIsMissingAndCollectionStaysClosed()
    {
        var chat = fixture.NewConversation();
        var owner = new Owner(fixture, chat);
        await owner.StartAsync();
        await owner.ClickAsync(With(owner.SaveData(), ("name", "Half a charter")));

        await fixture.SendAsync(chat.Message("open collection"));

        var card = fixture.Channel.CallsFor(chat.ConversationId)[^1].Body!["attachments"]![0]!["content"]!.AsObject();
        var text = Text(card);
        Assert.Contains("Before collection can open, add:", text);
        foreach (var item in new[] { "an objective", "a definition of done", "at least one outcome metric with a target", "at least one sponsor", "at least 2 departments (now 0)", "at least one persona", "between 2 and 12 stages (now 0)" })
        {
            Assert.Contains(item, text);
        }
        Assert.DoesNotContain("collection.open", text);
    }

    [Fact]
    public async Task TwoOwnersEditingAtOnceDoNotLoseAnUpdate()
    {
        var chat = fixture.NewConversation();
        var owner = new Owner(fixture, chat);
        await owner.StartAsync();
        await owner.ClickAsync(With(owner.SaveData(), ("name", "Onboarding")));
        var stale = owner.SaveData();
        var metric = owner.InputIds("metric.")[0].Split('.')[1];

        await owner.ClickAsync(With(owner.SaveData(), ($"metric.{metric}.name", "Time to first value"), ($"metric.{metric}.target", "7")));
        var conflict = await owner.ClickAsync(With(stale, ($"metric.{metric}.name", "Activation rate"), ($"metric.{metric}.target", "60")));

        Assert.Contains("Changed by Ada Lovelace meanwhile, so nothing was saved", Text(conflict));
        Assert.Contains("Activation rate", Text(conflict));
        Assert.Contains("Saved meanwhile: Time to first value", Text(conflict));
    }

    [Fact]
    public async Task BadCharterInputIsRefusedNextToTheFieldWithTheValuesKept()
    {
        var chat = fixture.NewConversation();
        var owner = new Owner(fixture, chat);
        await owner.StartAsync();

        var card = await owner.ClickAsync(With(owner.SaveData(), ("name", new string('n', 100_000)), ("journeyStart", "order placed")));

        var text = Text(card);
        Assert.Contains("the limit is 120", text);
        Assert.Contains("Give both what starts the journey and how it ends", text);
        Assert.Contains("order placed", text);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(card.ToJsonString()) <= CardRules.MaxBytes);
    }

    [Fact]
    public async Task OnlyOwnersChangeTheCharter()
    {
        var p = await Programs.ProgramInChat.CreateAsync(fixture);
        var data = new JsonObject { ["programId"] = p.Program.Id, ["step"] = "basics", ["formId"] = Guid.NewGuid().ToString("N"), ["v"] = "1", ["etag"] = "x", ["name"] = "Hijacked" };

        var response = await fixture.SendAsync(p.Contacts[0].CardAction("charter.save", data));

        Assert.Contains("Only the program's owners change its charter", Text((await BotApp.ReadJsonAsync(response))!["value"]!.AsObject()));
        var header = await fixture.Bot.Services.GetRequiredService<ProgramStore>().LoadHeaderAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None);
        Assert.Equal(p.Program.Charter.Name, header!.Charter.Name);
    }
}

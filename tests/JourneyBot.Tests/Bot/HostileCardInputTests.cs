using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Charters;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Storage;
using JourneyBot.Tests.Cards;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.Programs;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace JourneyBot.Tests.Bot;

// Property-style: every field of every card verb, filled with generated hostile values, sent through the real
// endpoint by an owner, a stranger in the same tenant and someone from another tenant. Whatever arrives: no 5xx,
// no card over 28 KB, no text of a program the caller is not in, and nothing written when the answer refuses.
public sealed class HostileCardInputTests(BotFixture fixture, ITestOutputHelper output) : IClassFixture<BotFixture>
{
    private const string Secret = "ZZSECRET";
    private const int Seed = 20261129;

    private static readonly JsonNode?[] Fixed =
    [
        "", " ", "NaN", "Infinity", "1e309", "-1e309", "99999999999", "12345", "-0", "0x10", "2026-02-30", "25:61",
        "x\ud800y", "\udc00", "\ud83d", "<script>alert(1)</script>[x](https://evil.example)**b** <at>Everyone</at>",
        "*", "W/\"forged\"", "W/\"datetime'2020-01-01T00%3A00%3A00Z'\"", "../../../etc/passwd", "a\u0000b\u0001c", "p1,p1,p1,,,", "‮override",
        JsonNode.Parse("1e309"), JsonNode.Parse("-1"), JsonNode.Parse("true"), JsonNode.Parse("[1,\"a\"]"), JsonNode.Parse("{\"a\":1}"), null,
    ];

    [Fact]
    public async Task EveryFieldOfEveryVerbSurvivesHostileValues()
    {
        var world = await WorldAsync();
        var random = new Random(Seed);
        var requests = 0;
        foreach (var (verb, data) in Actions(world))
        {
            var fields = data.Select(p => p.Key).ToList();
            foreach (var field in fields)
            {
                foreach (var value in Pick(random, field, 3))
                {
                    await SendAndCheckAsync(world, world.Owner, verb, With(data, (field, value)), $"{verb}.{field}");
                    requests++;
                }
            }
            // Every field hostile at once: the checks interact (a bad id and a bad value together).
            foreach (var value in Pick(random, "all", 4))
            {
                await SendAndCheckAsync(world, world.Owner, verb, With(data, fields.Select(f => (f, value)).ToArray()), $"{verb}.*");
                requests++;
            }
            // Strangers send the owner's own card, and one with a hostile value in it.
            foreach (var outsider in new[] { world.Stranger, world.OtherTenant })
            {
                await SendAndCheckAsync(world, outsider, verb, data, $"{verb} as outsider");
                await SendAndCheckAsync(world, outsider, verb, With(data, (fields[random.Next(fields.Count)], Pick(random, "x", 1).Single())), $"{verb} as outsider, hostile");
                requests += 2;
            }
        }
        output.WriteLine($"{requests} requests over {Actions(world).Select(a => a.Verb).Distinct().Count()} verbs");
    }

    // Twenty clicks at once on every verb, the same card twenty times and twenty cards each with its own typed
    // value: each ends saved once, merged, or told (a card or a refusal), never a 5xx, never a fault in our code.
    [Fact]
    public async Task TwentyAtOnceOnEveryVerbEndSavedMergedOrTold()
    {
        const int n = 20;
        var world = await WorldAsync(fresh: true);
        var faults = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "journeybot.turns.failed") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags) if (tag.Key == "cause" && (string?)tag.Value == "code") faults.Enqueue("code");
        });
        listener.Start();
        var requests = 0;
        foreach (var (verb, data) in DestructiveLast(Actions(world)))
        {
            var typed = data.Where(p => p.Value is JsonValue v && v.TryGetValue<string>(out _) && !CardIds.Keys.Contains(p.Key)).Select(p => p.Key).FirstOrDefault();
            var identical = Enumerable.Range(0, n).Select(_ => data.DeepClone().AsObject());
            var different = Enumerable.Range(0, n).Select(i => typed is null ? data.DeepClone().AsObject() : With(data, (typed, $"value {i} typed at once")));
            foreach (var batch in new[] { identical.ToList(), different.ToList() })
            {
                var answers = await Task.WhenAll(batch.Select(d => fixture.SendAsync(Invoke(world.Owner, verb, d))));
                foreach (var response in answers)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True((int)response.StatusCode < 500, $"{verb} x{n}: HTTP {(int)response.StatusCode} {Shorten(body)}");
                    var status = body.Length == 0 ? (int)response.StatusCode : JsonNode.Parse(body)?["statusCode"]?.GetValue<int>() ?? 200;
                    Assert.True(status < 500, $"{verb} x{n}: {Shorten(body)}");
                    Assert.True(Encoding.UTF8.GetByteCount(body) <= CardRules.MaxBytes + 1024, $"{verb} x{n}: {body.Length} bytes");
                }
                requests += n;
            }
        }
        listener.Dispose();
        Assert.Empty(faults);
        output.WriteLine($"{requests} requests, {n} at a time, over {Actions(world).Count} verbs");
    }

    // Ids of every length and alphabet in every id a card carries, on every verb: never a card over 28 KB, never
    // an id that is not one of ours echoed back.
    [Fact]
    public async Task GeneratedIdsOnEveryVerbAreNeverEchoedNorMakeACardTooLarge()
    {
        var world = await WorldAsync(fresh: true);
        var random = new Random(Seed + 2);
        string[] alphabets = ["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "-_", "éüß漢字かな", "😀🧭", " \t\u0001<>\"'&", "./%:;,"];
        int[] lengths = [1, 8, 63, 64, 65, 200, 4_000, 30_000];
        var requests = 0;
        foreach (var (verb, data) in DestructiveLast(Actions(world)))
        {
            var typed = data.Where(p => p.Value is JsonValue v && v.TryGetValue<string>(out _) && !CardIds.Keys.Contains(p.Key)).Select(p => p.Key).FirstOrDefault();
            foreach (var key in CardIds.Keys)
            {
                for (var i = 0; i < 4; i++)
                {
                    var alphabet = alphabets[random.Next(alphabets.Length)];
                    var length = lengths[random.Next(lengths.Length)];
                    var id = "Q" + new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
                    // With a changed typed value too, so forms get past "nothing changed" to where ids are echoed.
                    var sent = typed is null ? With(data, (key, id)) : With(data, (key, id), (typed, $"changed {i}"));
                    var response = await fixture.SendAsync(Invoke(world.Owner, verb, sent));
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True((int)response.StatusCode < 500, $"{verb}.{key}: HTTP {(int)response.StatusCode}");
                    Assert.True(Encoding.UTF8.GetByteCount(body) <= CardRules.MaxBytes + 1024, $"{verb}.{key} ({length}): {body.Length} bytes");
                    if (!PlainId.IsValid(id) && id.Length > 8)
                    {
                        Assert.False(body.Contains(id, StringComparison.Ordinal) || body.Contains(JsonEncoded(id), StringComparison.Ordinal),
                            $"{verb}.{key}: the id of {id.Length} characters came back");
                    }
                    requests++;
                }
            }
        }
        output.WriteLine($"{requests} requests with generated ids over {Actions(world).Count} verbs");
    }

    // Verbs that remove what the others aim at (the touchpoint, the review under way) go last.
    private static IEnumerable<(string Verb, JsonObject Data)> DestructiveLast(IEnumerable<(string Verb, JsonObject Data)> actions) =>
        actions.OrderBy(a => a.Verb.Contains("delete") || a.Verb.Contains("retire") || a.Verb.Contains("complete")
            || a.Verb.Contains("cancel") || a.Verb.Contains("postpone") ? 1 : 0).ThenBy(a => a.Verb, StringComparer.Ordinal);

    private static string JsonEncoded(string text) => System.Text.Json.JsonSerializer.Serialize(text)[1..^1];

    [Fact]
    public async Task EveryRegisteredVerbIsCovered()
    {
        var world = await WorldAsync();
        var registered = fixture.Bot.Services.GetRequiredService<CommandCatalog>().Verbs.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var covered = Actions(world).Select(a => a.Verb).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Empty(registered.Except(covered));
        Assert.Empty(CardRules.DialogVerbs.Except(covered));
    }

    [Fact]
    public async Task TypedCommandsWithHostileArgumentsAnswerCalmly()
    {
        var world = await WorldAsync();
        var random = new Random(Seed + 1);
        foreach (var command in new[] { "new program", "use", "program", "add touchpoint", "my touchpoints", "map", "health", "review", "actions", "new action", "programs", "help", "" })
        {
            foreach (var value in Pick(random, "text", 4).OfType<JsonValue>().Select(v => v.ToString()))
            {
                var message = world.Owner.Message($"{command} {value}".Trim());
                var response = await fixture.SendAsync(message);
                Assert.True((int)response.StatusCode < 500, $"'{command} {Shorten(value)}' answered {(int)response.StatusCode}");
                foreach (var call in fixture.Channel.CallsFor(world.Owner.ConversationId))
                {
                    Assert.DoesNotContain($"{Secret}-other", call.Body?.ToJsonString() ?? "");
                }
            }
        }
    }

    private sealed record World(JourneyProgram Program, Activities Owner, Activities Stranger, Activities OtherTenant, IReadOnlyList<string> Partitions);

    private World? _world;

    // fresh: a program of its own, for a test that changes it (the others share one).
    private async Task<World> WorldAsync(bool fresh = false)
    {
        if (_world is not null && !fresh) return _world;
        var store = fixture.Bot.Services.GetRequiredService<ProgramStore>();
        var p = await ProgramInChat.CreateAsync(fixture);
        // The program under attack carries a marker outsiders must never see, and its parts give ids to aim at.
        var charter = p.Program.Charter with { Name = $"{Secret}-mine renewal", Objective = $"{Secret}-mine objective with enough words to count as one" };
        var program = p.Program with
        {
            Id = "p" + Guid.NewGuid().ToString("N"),
            Charter = charter,
            Touchpoints = [SamplePrograms.Touchpoint(1, "s1", "d1", charter.Departments[0].Contacts[0]) with { CustomerAction = $"{Secret}-mine touchpoint", PainPoints = "Slow" }],
            Actions = [new ImprovementAction { Id = "a1", Title = $"{Secret}-mine action", Owner = charter.Owners[0], DueOn = SamplePrograms.AsOf.AddDays(60), TouchpointId = "t1" }],
            CollectionOpenedOn = SamplePrograms.AsOf,
        };
        await store.ImportAsync(program, CancellationToken.None);
        // Two programs the owner is not in: one in the same tenant, one in another.
        var sameTenant = Secretive(program, program.TenantId);
        var otherTenant = Secretive(program, Guid.NewGuid().ToString());
        await store.ImportAsync(sameTenant, CancellationToken.None);
        await store.ImportAsync(otherTenant, CancellationToken.None);
        var stranger = new Activities(fixture.Channel.ServiceUrl, fixture.AppId) { TenantId = program.TenantId };
        var outsider = new Activities(fixture.Channel.ServiceUrl, fixture.AppId) { TenantId = otherTenant.TenantId, UserAadObjectId = p.Owner.UserAadObjectId };
        var world = new World(program, p.Owner, stranger, outsider, [program.Id, sameTenant.Id, otherTenant.Id]);
        if (!fresh) _world = world;
        return world;
    }

    private static JourneyProgram Secretive(JourneyProgram template, string tenantId) => template with
    {
        Id = "p" + Guid.NewGuid().ToString("N"),
        TenantId = tenantId,
        Charter = template.Charter with
        {
            Name = $"{Secret}-other program",
            Owners = [new Person(Guid.NewGuid().ToString(), $"{Secret}-other owner")],
            Sponsors = [new Person(Guid.NewGuid().ToString(), $"{Secret}-other sponsor")],
            Departments = template.Charter.Departments.Select(d => d with { Name = $"{Secret}-other {d.Id}", Contacts = [new Person(Guid.NewGuid().ToString(), $"{Secret}-other contact")] }).ToList(),
        },
        Touchpoints = template.Touchpoints.Select(t => t with { CustomerAction = $"{Secret}-other touchpoint" }).ToList(),
        Actions = template.Actions.Select(a => a with { Title = $"{Secret}-other action" }).ToList(),
    };

    // Every Action.Execute (and dialog Action.Submit) on every card the bot can send, with its data and the inputs its card submits, aimed at
    // the program under attack.
    private static IReadOnlyList<(string Verb, JsonObject Data)> Actions(World world)
    {
        var found = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        // The catalog's program has collection open; a charter ready for collection offers to open it.
        var unopened = CharterCards.Review(new ProgramHeader(world.Program.Id, world.Program.TenantId, world.Program.Charter, null), isOwner: true).ToJson();
        foreach (var card in CardCatalog.All().Select(c => c.Card).Append(unopened))
        {
            var inputs = new JsonObject();
            foreach (var input in Walk(card).Where(o => o["type"]?.GetValue<string>() is { } t && t.StartsWith("Input.", StringComparison.Ordinal)))
            {
                inputs[input["id"]!.GetValue<string>()] = input["value"]?.ToString() ?? "";
            }
            // Dialog buttons (Action.Submit) name their verb in their data.
            foreach (var action in Walk(card).Where(o => o["type"]?.GetValue<string>() is "Action.Execute" or "Action.Submit"))
            {
                var verb = (action["verb"] ?? action["data"]?["verb"])!.GetValue<string>();
                if (found.ContainsKey(verb)) continue;
                var data = inputs.DeepClone().AsObject();
                foreach (var (key, value) in action["data"]?.AsObject() ?? []) data[key] = value?.DeepClone();
                data["programId"] = world.Program.Id;
                if (data.ContainsKey("touchpointId")) data["touchpointId"] = "t1";
                if (data.ContainsKey("actionId")) data["actionId"] = "a1";
                found[verb] = data;
            }
        }
        return found.Select(f => (f.Key, f.Value)).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
    }

    // A dialog's verb goes as Teams sends a dialog's submit, on a message; every other verb as a card's Action.Execute.
    private static JsonObject Invoke(Activities caller, string verb, JsonObject data) =>
        CardRules.DialogVerbs.Contains(verb)
            ? caller.MessageAction("composeExtension/submitAction", JourneyBot.MessageActions.MessageTouchpointHandler.CommandId,
                JourneyBot.Tests.MessageActions.TeamsMessages.Payload("<p>Renewal <b>price</b> [x](https://evil.example)</p>"), data)
            : caller.CardAction(verb, data);

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (_, child) in o) foreach (var inner in Walk(child)) yield return inner;
                break;
            case JsonArray a:
                foreach (var child in a) foreach (var inner in Walk(child)) yield return inner;
                break;
        }
    }

    // Fixed hostile values, plus generated ones: huge, random markup and ids of programs the caller is not in.
    private static IEnumerable<JsonNode?> Pick(Random random, string field, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return random.Next(6) switch
            {
                0 => new string(random.Next(2) == 0 ? 'x' : ',', random.Next(2) == 0 ? 1024 * 1024 : 70_000),
                1 => Markup(random),
                2 => string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(0xD7F0, 0xE010))),
                _ => Fixed[random.Next(Fixed.Length)]?.DeepClone(),
            };
        }
    }

    private static string Markup(Random random)
    {
        const string pieces = "*_[]()<>#~|\\`!-+.=\"'\n";
        var builder = new StringBuilder();
        for (var i = random.Next(1, 80); i > 0; i--) builder.Append(random.Next(3) == 0 ? "[a](https://evil.example)" : pieces[random.Next(pieces.Length)].ToString());
        return builder.ToString();
    }

    private static JsonObject With(JsonObject data, params (string Field, JsonNode? Value)[] changes)
    {
        var copy = data.DeepClone().AsObject();
        foreach (var (field, value) in changes) copy[field] = value?.DeepClone();
        return copy;
    }

    private async Task SendAndCheckAsync(World world, Activities caller, string verb, JsonObject data, string what)
    {
        var before = await SnapshotAsync(world);
        var response = await fixture.SendAsync(Invoke(caller, verb, data.DeepClone().AsObject()));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{what}: HTTP {(int)response.StatusCode} {Shorten(body)}");
        var answer = body.Length == 0 ? null : JsonNode.Parse(body);
        var status = answer?["statusCode"]?.GetValue<int>() ?? (int)response.StatusCode;
        Assert.True(status < 500, $"{what}: {Shorten(body)}");
        Assert.DoesNotContain($"{Secret}-other", body);
        if (caller != world.Owner) Assert.DoesNotContain($"{Secret}-mine", body);
        var refused = status >= 400 || caller != world.Owner;
        // A dialog's answer carries its card in task.value.card.content.
        if (answer is JsonObject { } reply && reply["task"] is JsonObject task && task["value"] is JsonObject shown
            && shown["card"] is JsonObject attached && attached["content"] is JsonObject dialog) answer = new JsonObject
        {
            ["type"] = "application/vnd.microsoft.card.adaptive", ["value"] = dialog.DeepClone(),
        };
        if (answer?["value"] is JsonObject card && answer["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")
        {
            Assert.True(Encoding.UTF8.GetByteCount(card.ToJsonString()) <= CardRules.MaxBytes, $"{what}: card of {Encoding.UTF8.GetByteCount(card.ToJsonString())} bytes");
            refused |= Refuses(CardJson.Text(card));
        }
        if (refused) Assert.True(before == await SnapshotAsync(world), $"{what}: refused, yet something was written");
    }

    // Refusals and forms sent back with errors or out-of-date notices write nothing.
    private static bool Refuses(string text) =>
        text.Contains("That can't be done from here", StringComparison.Ordinal) || text.Contains("Nothing was saved", StringComparison.Ordinal)
        || text.Contains("nothing was saved", StringComparison.Ordinal) || text.Contains("out of date", StringComparison.Ordinal);

    // Every row of the three programs and of the memberships, with its version.
    private async Task<string> SnapshotAsync(World world)
    {
        var tables = fixture.Bot.Services.GetRequiredService<StorageTables>();
        var rows = new List<string>();
        foreach (var partition in world.Partitions)
        {
            await foreach (var row in tables.Programs.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"]))
            {
                rows.Add($"{partition}/{row.RowKey}/{row.ETag}");
            }
        }
        await foreach (var row in tables.Memberships.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            if (world.Partitions.Contains(row.RowKey)) rows.Add($"m/{row.PartitionKey}/{row.RowKey}/{row.ETag}");
        }
        rows.Sort(StringComparer.Ordinal);
        return string.Join("\n", rows);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

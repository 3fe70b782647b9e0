using System.Net;
using System.Text.Json.Nodes;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Charters;

// Opening collection queues the invitations instead of sending them inside the owner's click, so a large program
// opens at once and the invitations follow, paced by the scheduler.
public sealed class OpenCollectionTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    [Fact]
    public async Task TwentyDepartmentsWithAHundredContactsOpenAtOnceAndEveryoneIsInvitedOnce()
    {
        var chat = fixture.NewConversation();
        await fixture.SendAsync(chat.BotAdded());
        var charter = SamplePrograms.CompleteCharter(stages: 4, departments: 20, personas: 2) with
        {
            Owners = [new Person(chat.UserAadObjectId, "Olivia Owner")],
            Sponsors = [new Person(Guid.NewGuid().ToString(), "Sam Sponsor")],
        };
        charter = charter with
        {
            Departments = charter.Departments.Select(d => d with { Contacts = Enumerable.Range(0, 5).Select(i => new Person(Guid.NewGuid().ToString(), $"{d.Name} contact {i}")).ToList() }).ToList(),
        };
        var program = SamplePrograms.Program(charter) with { Id = "p" + Guid.NewGuid().ToString("N"), TenantId = chat.TenantId };
        var programs = fixture.Bot.Services.GetRequiredService<ProgramStore>();
        await programs.ImportAsync(program, CancellationToken.None);
        var header = (await programs.LoadHeaderAsync(program.TenantId, program.Id, CancellationToken.None))!;

        var response = await fixture.SendAsync(chat.CardAction("collection.open", new JsonObject { ["programId"] = program.Id, ["etag"] = header.ETag.ToString() }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = (await BotApp.ReadJsonAsync(response))!["value"]!.AsObject();
        Assert.Contains("Invitations: 0 of 100 sent, 100 on their way", CardJson.Text(card));

        var contacts = charter.Departments.SelectMany(d => d.Contacts).ToList();
        await fixture.RunWorkUntilAsync(() => contacts.All(c => fixture.Channel.CallsFor($"a:created-{c.AadObjectId}").Count > 0), TimeSpan.FromMinutes(2));
        // Opening again sends nothing more: everyone has theirs.
        await fixture.SendAsync(chat.Message("open collection"));
        await fixture.RunDueWorkAsync();

        Assert.All(contacts, c => Assert.Single(fixture.Channel.CallsFor($"a:created-{c.AadObjectId}")));
        var shown = await fixture.SendAsync(chat.CardAction("collection.progress", new JsonObject { ["programId"] = program.Id }));
        Assert.Contains("Invitations: 100 of 100 sent.", CardJson.Text((await BotApp.ReadJsonAsync(shown))!["value"]!.AsObject()));
    }

    [Fact]
    public async Task AContactAddedWhileCollectionIsOpenIsInvitedWhenSavedAndNobodyElseAgain()
    {
        var chat = fixture.NewConversation();
        await fixture.SendAsync(chat.BotAdded());
        var charter = SamplePrograms.CompleteCharter(stages: 3, departments: 2) with { Owners = [new Person(chat.UserAadObjectId, "Olivia Owner")], Sponsors = [new Person(Guid.NewGuid().ToString(), "Sam Sponsor")] };
        var program = SamplePrograms.Program(charter) with { Id = "p" + Guid.NewGuid().ToString("N"), TenantId = chat.TenantId };
        var programs = fixture.Bot.Services.GetRequiredService<ProgramStore>();
        await programs.ImportAsync(program, CancellationToken.None);
        var header = (await programs.LoadHeaderAsync(program.TenantId, program.Id, CancellationToken.None))!;
        await fixture.SendAsync(chat.CardAction("collection.open", new JsonObject { ["programId"] = program.Id, ["etag"] = header.ETag.ToString() }));
        var first = charter.Departments.SelectMany(d => d.Contacts).ToList();
        await fixture.RunWorkUntilAsync(() => first.All(c => fixture.Channel.CallsFor($"a:created-{c.AadObjectId}").Count > 0), TimeSpan.FromMinutes(1));

        // The owner adds a second contact to the first department.
        var added = Guid.NewGuid().ToString();
        fixture.Channel.MemberNames[added] = "Nadia New";
        var form = (await BotApp.ReadJsonAsync(await fixture.SendAsync(chat.CardAction("charter.edit", new JsonObject { ["programId"] = program.Id, ["step"] = "departments" }))))!["value"]!.AsObject();
        var data = CardJson.SubmitData(form);
        data["dept.d1.contacts"] = data["dept.d1.contacts"]!.GetValue<string>() + "," + added;
        var saved = CardJson.Text((await BotApp.ReadJsonAsync(await fixture.SendAsync(chat.CardAction("charter.save", data))))!["value"]!.AsObject());
        await fixture.RunWorkUntilAsync(() => fixture.Channel.CallsFor($"a:created-{added}").Count > 0, TimeSpan.FromMinutes(1));
        await fixture.RunDueWorkAsync();

        Assert.Contains("Collection is open, so 1 new contact is being invited now.", saved);
        var invitation = Assert.Single(fixture.Channel.CallsFor($"a:created-{added}"));
        Assert.Contains("your touchpoints are needed", CardJson.Text(invitation.Body!.AsObject()));
        Assert.All(first, c => Assert.Single(fixture.Channel.CallsFor($"a:created-{c.AadObjectId}")));
    }

    [Fact]
    public async Task OnlyOwnersFollowTheInvitations()
    {
        var p = await Programs.ProgramInChat.CreateAsync(fixture);

        var response = await fixture.SendAsync(p.Contacts[0].CardAction("collection.progress", new JsonObject { ["programId"] = p.Program.Id }));

        var text = CardJson.Text((await BotApp.ReadJsonAsync(response))!["value"]!.AsObject());
        Assert.Contains("Only the program's owners follow the invitations", text);
        Assert.DoesNotContain("Invitations:", text);
    }
}

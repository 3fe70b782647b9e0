using System.Text.Json.Nodes;
using Azure.Data.Tables;
using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.FollowUps;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using JourneyBot.Scheduling;
using JourneyBot.Storage;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using JourneyBot.Outreach;
using JourneyBot.People;

namespace JourneyBot.Tests.Charters;

// Names come from whoever knows them — the conversation's members (one walk through the paged list when many
// were picked), each person's own chat with JourneyBot, the directory — and are kept with when they were read,
// so old and unknown ones are read again overnight.
public sealed class PersonNameTests : GraphWorld
{
    private async Task<(Activities Owner, JourneyProgram Program)> ProgramAsync(Func<Charter, Charter>? shape = null, string conversationType = "personal")
    {
        var owner = new Activities(Channel.ServiceUrl, AppId) { ConversationType = conversationType };
        var charter = SamplePrograms.CompleteCharter() with { Owners = [new Person(owner.UserAadObjectId, "Olivia Owner") { NamedAt = DateTimeOffset.UtcNow }] };
        var program = SamplePrograms.Program(shape?.Invoke(charter) ?? charter) with { Id = "n" + Guid.NewGuid().ToString("N")[..10], TenantId = owner.TenantId };
        await Bot.Services.GetRequiredService<ProgramStore>().ImportAsync(program, CancellationToken.None);
        return (owner, program);
    }

    private async Task<Charter> StoredAsync(JourneyProgram program) =>
        (await Bot.Services.GetRequiredService<ProgramStore>().LoadHeaderAsync(program.TenantId, program.Id, CancellationToken.None))!.Charter;

    private async Task RunDueWorkAsync()
    {
        var scheduler = Bot.Services.GetRequiredService<Scheduler>();
        for (var i = 0; i < 5; i++)
        {
            if ((await scheduler.TickAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60))).Read == 0) return;
        }
    }

    [Fact]
    public async Task ManyPeoplePickedInAGroupChatAreNamedFromOneWalkThroughItsMemberListAndTheRestByTheDirectory()
    {
        var (owner, program) = await ProgramAsync(conversationType: "groupChat");
        var picked = Enumerable.Range(1, 5).Select(i => $"aad-member-{i}").ToList();
        foreach (var (id, i) in picked.Select((id, i) => (id, i))) Channel.MemberNames[id] = $"Member Number {i + 1}";
        Channel.MemberNames["aad-someone-else"] = "Not Picked";
        Channel.MemberPageLimit = 2;
        GraphServer.Names["aad-outsider"] = "Olga Outsider";
        var form = await ClickAsync(owner, "charter.edit", new JsonObject { ["programId"] = program.Id, ["step"] = "people" });
        var data = CardJson.SubmitData(form);
        data["sponsors"] = string.Join(',', picked.Append("aad-outsider"));

        await ClickAsync(owner, "charter.save", data);

        var sponsors = (await StoredAsync(program)).Sponsors;
        Assert.Equal(["Member Number 1", "Member Number 2", "Member Number 3", "Member Number 4", "Member Number 5", "Olga Outsider"], sponsors.Select(s => s.DisplayName));
        Assert.All(sponsors, s => Assert.InRange(s.NamedAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow));
        var lookups = Channel.Calls.Where(c => c.Method == "GET").Select(c => c.Path).ToList();
        // Six members at two a page: three pages, then the one nobody in the chat knows asked of the directory.
        Assert.Equal(3, lookups.Count(p => p.Contains("/pagedmembers?pageSize=500", StringComparison.Ordinal)));
        Assert.DoesNotContain(lookups, p => p.Contains("/members/", StringComparison.Ordinal));
        Assert.Single(GraphServer.Requests, r => r.PathAndQuery.StartsWith("/v1.0/users/aad-outsider", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OldAndUnknownNamesAreReadAgainOvernightFromTheDirectoryAndFromEachPersonsChat()
    {
        var longAgo = DateTimeOffset.UtcNow.AddDays(-45);
        var (_, program) = await ProgramAsync(c => c with
        {
            Sponsors = [new Person("aad-renamed", "Maiden Name") { NamedAt = longAgo }, new Person("aad-fresh", "Fresh Name") { NamedAt = DateTimeOffset.UtcNow.AddDays(-2) }],
            Departments = [c.Departments[0] with { Contacts = [new Person("aad-unnamed", Person.Unnamed), new Person("aad-gone", "Kept Name") { NamedAt = longAgo }] }, .. c.Departments.Skip(1)],
        });
        GraphServer.Names["aad-renamed"] = "Married Name";
        GraphServer.Names["aad-fresh"] = "Should Not Be Asked";
        // Someone the directory does not know, who has messaged JourneyBot: Teams names them in that chat.
        var chat = $"a:chat-{program.TenantId}-aad-unnamed";
        await Bot.Services.GetRequiredService<StorageTables>().Conversations.UpsertEntityAsync(new ConversationRow
        {
            PartitionKey = ConversationStore.PartitionFor(program.TenantId), RowKey = ConversationStore.UserRowKey("aad-unnamed"), ServiceUrl = Channel.ServiceUrl,
            ChannelId = "msteams", ConversationId = chat, ConversationType = "personal", TenantId = program.TenantId, BotId = "28:" + AppId,
            UserId = "29:aad-unnamed", UserAadObjectId = "aad-unnamed", Active = true,
        }, TableUpdateMode.Replace);
        Channel.MemberNames["29:aad-unnamed"] = "Una Known";
        await Bot.Services.GetRequiredService<ScheduleStore>().AddAsync(FollowUpItems.PlanItem(program.TenantId, program.Id, DateTimeOffset.UtcNow), CancellationToken.None);

        await RunDueWorkAsync();

        var charter = await StoredAsync(program);
        var people = NameFreshness.People(charter).ToDictionary(p => p.AadObjectId);
        Assert.Equal("Married Name", people["aad-renamed"].DisplayName);
        Assert.True(people["aad-renamed"].NamedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal("Una Known", people["aad-unnamed"].DisplayName);
        Assert.Equal("Fresh Name", people["aad-fresh"].DisplayName);
        // Nobody knows them any more: the name kept is better than none, and it is tried again another night.
        Assert.Equal("Kept Name", people["aad-gone"].DisplayName);
        Assert.Equal(longAgo, people["aad-gone"].NamedAt);
        Assert.DoesNotContain(GraphServer.Requests, r => r.PathAndQuery.Contains("aad-fresh", StringComparison.Ordinal));
        Assert.DoesNotContain(GraphServer.Requests, r => r.PathAndQuery.Contains(program.Charter.Owners[0].AadObjectId, StringComparison.Ordinal));
        Assert.Contains(Channel.Calls, c => c.Method == "GET" && Uri.UnescapeDataString(c.Path) == $"/v3/conversations/{chat}/members/29:aad-unnamed");
    }

    [Fact]
    public async Task AnActionOwnerPickedFromOutsideTheProgramIsNamedByTheDirectory()
    {
        var (owner, program) = await ProgramAsync();
        GraphServer.Names["aad-helper"] = "Hanna Helper";
        var form = await ClickAsync(owner, "action.new", new JsonObject { ["programId"] = program.Id });
        var data = form["actions"]![0]!["data"]!.DeepClone().AsObject();
        data["title"] = "Send the renewal notice a month earlier";
        data["owner"] = "aad-helper";
        data["dueOn"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)).ToString("yyyy-MM-dd");

        var saved = CardJson.Text(await ClickAsync(owner, "action.save", data));

        Assert.Contains("Hanna Helper", saved);
        Assert.DoesNotContain(Person.Unnamed, saved);
    }

    [Fact]
    public async Task SavingTheSamePeopleTwiceIsAlreadySavedNotAConflictWithOneself()
    {
        var (owner, program) = await ProgramAsync();
        Channel.MemberNames["aad-sponsor"] = "Sven Sponsor";
        var form = await ClickAsync(owner, "charter.edit", new JsonObject { ["programId"] = program.Id, ["step"] = "people" });
        var data = CardJson.SubmitData(form);
        data["sponsors"] = "aad-sponsor";

        var first = CardJson.Text(await ClickAsync(owner, "charter.save", data.DeepClone().AsObject()));
        var second = CardJson.Text(await ClickAsync(owner, "charter.save", data));

        Assert.Contains("Saved.", first);
        Assert.Contains("Saved.", second);
        Assert.DoesNotContain("meanwhile", second);
        Assert.Equal("Sven Sponsor", (await StoredAsync(program)).Sponsors.Single().DisplayName);
    }

    [Fact]
    public async Task OwnersOfLiveActionsAreNamedAgainOvernightAndClosedActionsAreLeftAsTheyWere()
    {
        var (_, program) = await ProgramAsync();
        var owner = program.Charter.Owners[0];
        ImprovementAction Action(string id, Person who, ActionStatus status = ActionStatus.Open) => new()
        {
            Id = id, Title = $"Action {id}", Owner = who, DueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), Status = status,
        };
        var actions = Bot.Services.GetRequiredService<JourneyBot.Actions.ActionStore>();
        await actions.AddAsync(program.Id, Action("a1", new Person("aad-outside", Person.Unnamed)), "test", CancellationToken.None);
        await actions.AddAsync(program.Id, Action("a2", owner with { DisplayName = "Olivia Maiden", NamedAt = null }), "test", CancellationToken.None);
        await actions.AddAsync(program.Id, Action("a3", new Person("aad-outside", Person.Unnamed), ActionStatus.Done), "test", CancellationToken.None);
        GraphServer.Names["aad-outside"] = "Oscar Outside";
        await Bot.Services.GetRequiredService<ScheduleStore>().AddAsync(FollowUpItems.PlanItem(program.TenantId, program.Id, DateTimeOffset.UtcNow), CancellationToken.None);

        await RunDueWorkAsync();

        var stored = (await Bot.Services.GetRequiredService<ProgramStore>().LoadAsync(program.TenantId, program.Id, CancellationToken.None))!.Actions.ToDictionary(a => a.Id);
        Assert.Equal("Oscar Outside", stored["a1"].Owner.DisplayName);
        Assert.NotNull(stored["a1"].Owner.NamedAt);
        // The charter already knows the owner's name as it is now: no source is asked for it.
        Assert.Equal("Olivia Owner", stored["a2"].Owner.DisplayName);
        Assert.DoesNotContain(GraphServer.Requests, r => r.PathAndQuery.Contains(owner.AadObjectId, StringComparison.Ordinal));
        Assert.Equal(Person.Unnamed, stored["a3"].Owner.DisplayName);
    }
}

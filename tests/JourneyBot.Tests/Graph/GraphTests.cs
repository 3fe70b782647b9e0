using System.Text.Json.Nodes;
using Azure.Data.Tables;
using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.FollowUps;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using JourneyBot.Storage;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using JourneyBot.Outreach;

namespace JourneyBot.Tests.Graph;

// Graph through the real SDK against a local fake: finding a department's people for the charter, and
// installing the app for someone the bot cannot reach yet.
public sealed class GraphTests : GraphWorld
{
    private const string TeamsAppId = "5f0b7a5e-9c4b-4d7e-9a55-2f4f4f1a7c11";
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Graph:TeamsAppId"] = TeamsAppId };

    private async Task<(Activities Owner, JourneyProgram Program)> ProgramAsync()
    {
        var owner = new Activities(Channel.ServiceUrl, AppId);
        var charter = SamplePrograms.CompleteCharter() with { Owners = [new Person(owner.UserAadObjectId, "Olivia Owner")] };
        var program = SamplePrograms.Program(charter) with { Id = "g" + Guid.NewGuid().ToString("N")[..10], TenantId = owner.TenantId };
        await Bot.Services.GetRequiredService<ProgramStore>().ImportAsync(program, CancellationToken.None);
        return (owner, program);
    }

    private static JsonObject LookupData(JourneyProgram program, string etag) => new()
    {
        ["programId"] = program.Id, ["step"] = "departments", ["formId"] = Guid.NewGuid().ToString("N"), ["v"] = "1", ["etag"] = etag,
        ["dept.d1.name"] = "Department 1", ["dept.d1.contacts"] = "person-101",
        ["dept.d2.name"] = "Field Service", ["dept.d2.contacts"] = "",
    };

    private async Task<string> ETagAsync(JourneyProgram program) =>
        (await Bot.Services.GetRequiredService<ProgramStore>().LoadHeaderAsync(program.TenantId, program.Id, CancellationToken.None))!.ETag.ToString();

    [Fact]
    public async Task OwnersFillADepartmentsContactsFromTheDirectoryAndTheirNamesAreKept()
    {
        var (owner, program) = await ProgramAsync();
        GraphServer.Departments["Field Service"] = [("aad-fs-1", "Fiona Field"), ("aad-fs-2", "Frank O'Field")];
        var data = LookupData(program, await ETagAsync(program));

        var card = await ClickAsync(owner, "charter.lookup", data);
        var text = CardJson.Text(card);
        Assert.Contains("Filled in 2 people", text);
        var picker = card["body"]!.AsArray().Single(e => e!["id"]?.GetValue<string>() == "dept.d2.contacts")!;
        Assert.Equal("aad-fs-1,aad-fs-2", picker["value"]!.GetValue<string>());
        Assert.Contains("Fiona Field", picker["choices"]!.ToJsonString());
        // Departments that already have contacts are not looked up; the lookup is Graph's advanced query.
        var request = Assert.Single(GraphServer.Requests);
        Assert.Contains("Field Service", Uri.UnescapeDataString(request.PathAndQuery));
        Assert.Contains("$count=true", Uri.UnescapeDataString(request.PathAndQuery));
        Assert.Equal("eventual", request.ConsistencyLevel);

        // Saving the step stores them by id with the directory's names.
        var saved = await ClickAsync(owner, "charter.save", CardJson.SubmitData(card));
        Assert.Contains("Saved", CardJson.Text(saved));
        var stored = await Bot.Services.GetRequiredService<ProgramStore>().LoadHeaderAsync(program.TenantId, program.Id, CancellationToken.None);
        var fieldService = stored!.Charter.Departments.Single(d => d.Name == "Field Service");
        Assert.Equal(["Fiona Field", "Frank O'Field"], fieldService.Contacts.Select(c => c.DisplayName));
    }

    [Fact]
    public async Task WhenNoTokenForGraphCanBeHadTheOwnerIsToldAtOnceAndTheirInputIsKept()
    {
        // Graph off this machine needs a token from Entra ID, which cannot be reached here: the credential fails.
        using var bot = BotApp.Authenticated(Azurite.ConnectionString, Channel, AppId, null, new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = "https://graph.invalid/v1.0",
        }).Start();
        var (owner, program) = await ProgramAsync();

        var response = await bot.PostActivityAsync(owner.CardAction("charter.lookup", LookupData(program, await ETagAsync(program))), Channel.MintToken(AppId));

        response.EnsureSuccessStatusCode();
        var text = CardJson.Text((await BotApp.ReadJsonAsync(response))!["value"]!.AsObject());
        Assert.True(text.Contains("could not sign in to the directory") || text.Contains("did not answer"), text);
        Assert.Contains("Field Service", text);
        Assert.Empty(GraphServer.Requests);
    }

    [Fact]
    public async Task WithoutABotIdentityTheLookUpSaysItIsNotConnectedAndWhatAnAdminSets()
    {
        // Local development: no Microsoft App Id, and Graph is the real one, which it cannot sign in to.
        using var bot = BotApp.Anonymous(Azurite.ConnectionString).Start();
        var (owner, program) = await ProgramAsync();

        var response = await bot.PostActivityAsync(owner.CardAction("charter.lookup", LookupData(program, await ETagAsync(program))), null);

        response.EnsureSuccessStatusCode();
        var text = CardJson.Text((await BotApp.ReadJsonAsync(response))!["value"]!.AsObject());
        Assert.Contains("not connected here", text);
        Assert.Contains("MicrosoftAppId", text);
        Assert.DoesNotContain("try again", text);
        Assert.Contains("Field Service", text);
    }

    [Fact]
    public async Task PeoplePickedFromOutsideTheChatAreNamedByTheDirectoryAndTheUnknownAreExplained()
    {
        var (owner, program) = await ProgramAsync();
        Channel.NotMembers["aad-gina"] = true;
        Channel.NotMembers["aad-nobody"] = true;
        GraphServer.Names["aad-gina"] = "Gina Graph";
        var form = await ClickAsync(owner, "charter.edit", new JsonObject { ["programId"] = program.Id, ["step"] = "people" });
        var data = CardJson.SubmitData(form);
        data["sponsors"] = "aad-gina,aad-nobody";

        await ClickAsync(owner, "charter.save", data);

        var stored = (await Bot.Services.GetRequiredService<ProgramStore>().LoadHeaderAsync(program.TenantId, program.Id, CancellationToken.None))!;
        Assert.Equal(["Gina Graph", "Someone not yet named"], stored.Charter.Sponsors.Select(s => s.DisplayName));
        Assert.Contains(GraphServer.Requests, r => r.PathAndQuery.StartsWith("/v1.0/users/aad-gina", StringComparison.Ordinal));
        var response = await Bot.PostActivityAsync(owner.Message("program"), Channel.MintToken(AppId));
        response.EnsureSuccessStatusCode();
        var shown = CardJson.Text(Channel.CallsFor(owner.ConversationId).Last().Body!["attachments"]![0]!["content"]!.AsObject());
        Assert.Contains("1 person picked here has no name yet", shown);
        Assert.Contains("Gina Graph", shown);
    }

    [Fact]
    public async Task WhenTheDirectoryRefusesTheOwnerIsToldAndTheirInputIsKept()
    {
        var (owner, program) = await ProgramAsync();
        GraphServer.DirectoryStatus = 403;
        var card = await ClickAsync(owner, "charter.lookup", LookupData(program, await ETagAsync(program)));
        var text = CardJson.Text(card);
        Assert.Contains("may not read the directory", text);
        Assert.Contains("Field Service", text);

        GraphServer.DirectoryStatus = 500;
        card = await ClickAsync(owner, "charter.lookup", LookupData(program, await ETagAsync(program)));
        Assert.Contains("did not answer", CardJson.Text(card));
    }

    [Fact]
    public async Task NobodyButAnOwnerMayLookPeopleUp()
    {
        var (_, program) = await ProgramAsync();
        var stranger = new Activities(Channel.ServiceUrl, AppId) { TenantId = program.TenantId };
        var card = await ClickAsync(stranger, "charter.lookup", LookupData(program, await ETagAsync(program)));
        Assert.Contains("does not exist, or you are not part of it", CardJson.Text(card));
        Assert.Empty(GraphServer.Requests);
    }

    private async Task<string> TenantWithTheBotInstalledAsync(string? tenantId = null)
    {
        var tenant = tenantId ?? Guid.NewGuid().ToString();
        var tables = Bot.Services.GetRequiredService<StorageTables>();
        await tables.Conversations.UpsertEntityAsync(new ConversationRow
        {
            PartitionKey = ConversationStore.PartitionFor(tenant), RowKey = ConversationStore.ConversationRowKey("19:team-channel"), ServiceUrl = Channel.ServiceUrl,
            ChannelId = "msteams", ConversationId = "19:team-channel", ConversationType = "channel", TenantId = tenant, BotId = "28:" + AppId, Active = true,
        });
        return tenant;
    }

    [Fact]
    public async Task SomeoneWithoutTheAppGetsItInstalledThroughGraphAndTheMessageArrives()
    {
        var tenant = await TenantWithTheBotInstalledAsync();
        Channel.UnreachableMembers["aad-new"] = true;
        GraphServer.Installed = id => Channel.UnreachableMembers.TryRemove(id, out _);
        var messenger = Bot.Services.GetRequiredService<PersonalMessenger>();

        var delivery = await messenger.SendAsync(tenant, "aad-new", new Activity { Type = "message", Text = "Your touchpoints are needed" }, CancellationToken.None);

        Assert.True(delivery.Delivered, delivery.Problem);
        var install = Assert.Single(GraphServer.Requests);
        Assert.Equal("/v1.0/users/aad-new/teamwork/installedApps", install.PathAndQuery);
        Assert.EndsWith($"/appCatalogs/teamsApps/{TeamsAppId}", install.Body!["teamsApp@odata.bind"]!.GetValue<string>());
        Assert.Single(Channel.Delivered, d => d.ConversationId == "a:created-aad-new");
        // The chat is remembered: the next message goes straight there, with no new chat and no install.
        var creates = Channel.Calls.Count(c => c.Path == "/v3/conversations");
        await messenger.SendAsync(tenant, "aad-new", new Activity { Type = "message", Text = "Again" }, CancellationToken.None);
        Assert.Equal(creates, Channel.Calls.Count(c => c.Path == "/v3/conversations"));
        Assert.Single(GraphServer.Requests);
        Assert.Equal(2, Channel.Delivered.Count(d => d.ConversationId == "a:created-aad-new"));
    }

    [Theory]
    [InlineData(403, "may not install itself")]
    [InlineData(403, "the app's availability (app permission or setup policies")]
    [InlineData(403, "webApplicationInfo.id must be the client id")]
    [InlineData(500, "did not answer")]
    public async Task WhenGraphCannotInstallTheAppThePersonIsRecordedAsUnreachableWithTheReason(int status, string reason)
    {
        var (owner, program) = await ProgramAsync();
        var tenant = await TenantWithTheBotInstalledAsync(owner.TenantId);
        Channel.UnreachableMembers["aad-far"] = true;
        GraphServer.InstallStatus = status;
        var delivery = await Bot.Services.GetRequiredService<PersonalMessenger>().SendAsync(tenant, "aad-far", new Activity { Type = "message", Text = "Hello" }, CancellationToken.None);
        Assert.False(delivery.Delivered);
        Assert.Contains(reason, delivery.Problem);
        Assert.DoesNotContain(Channel.Delivered, d => d.ConversationId.Contains("aad-far"));

        // A scheduled message to them (here a digest's nudge) records the reason on the program, where its owners see it.
        var work = Bot.Services.GetServices<JourneyBot.Scheduling.IScheduledWork>().Single(w => w.Kind == FollowUpItems.DigestKind);
        var nudge = new DigestEntry("gaps|aad-far", FollowUpKind.DepartmentGaps, program.Id, program.Charter.Name,
            "Stage 2 has nothing yet.", new Person("aad-far", "Fay Far")) { DepartmentId = "d1" };
        await work.RunAsync(new JourneyBot.Scheduling.ScheduledItem("d1", FollowUpItems.DigestKind, DateTimeOffset.UtcNow, tenant, "aad-far",
            System.Text.Json.JsonSerializer.Serialize(new DigestPayload([nudge]), FollowUpItems.Json)), CancellationToken.None);
        var unreachable = Assert.Single(await Bot.Services.GetRequiredService<FollowUpStore>().UnreachableAsync(program.Id, CancellationToken.None));
        Assert.Equal("Fay Far", unreachable.Person.DisplayName);
        Assert.Contains(reason, unreachable.Reason);

        var response = await Bot.PostActivityAsync(owner.Message("program"), Channel.MintToken(AppId));
        response.EnsureSuccessStatusCode();
        var shown = CardJson.Text(Channel.CallsFor(owner.ConversationId).Last().Body!["attachments"]![0]!["content"]!.AsObject());
        Assert.Contains("could not reach 1 person", shown);
        Assert.Contains("Fay Far", shown);
        Assert.Contains(reason, shown);
    }
}

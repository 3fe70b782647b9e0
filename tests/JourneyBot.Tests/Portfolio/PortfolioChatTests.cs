using System.Text.Json.Nodes;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Portfolio;

// `portfolio` in chat, through /api/messages with real JWTs: the person's programs, paged; for a member of the
// admin group (asked of Graph, as chat carries no groups) every program of their tenant and none of another.
public sealed class PortfolioChatTests : GraphWorld
{
    private readonly string _adminGroup = Guid.NewGuid().ToString();

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Portfolio:AdminGroupId"] = _adminGroup };

    private async Task<JourneyProgram> ImportAsync(string tenantId, string name, Person owner)
    {
        var charter = SamplePrograms.CompleteCharter() with { Name = name, Owners = [owner] };
        var program = SamplePrograms.Program(charter) with
        {
            Id = "p" + Guid.NewGuid().ToString("N")[..10], TenantId = tenantId,
        };
        await Bot.Services.GetRequiredService<ProgramStore>().ImportAsync(program, CancellationToken.None);
        return program;
    }

    private async Task<JsonObject> PortfolioCardAsync(Activities who)
    {
        var response = await Bot.PostActivityAsync(who.Message("portfolio"), Channel.MintToken(AppId));
        response.EnsureSuccessStatusCode();
        var reply = Assert.Single(Channel.CallsFor(who.ConversationId));
        return reply.Body!["attachments"]![0]!["content"]!.AsObject();
    }

    private Activities Person(string tenantId, string objectId) =>
        new(Channel.ServiceUrl, AppId) { TenantId = tenantId, UserAadObjectId = objectId };

    [Fact]
    public async Task AStrangerAMemberAndAnAdminEachSeeWhatTheyMayAndTheCardPagesWithinTheSizeLimit()
    {
        var tenant = Guid.NewGuid().ToString();
        var member = new Person("member-oid", "Mo Member");
        var mine = await ImportAsync(tenant, "Licence *renewal*", member);
        var others = new List<JourneyProgram>();
        for (var i = 0; i < 11; i++)
        {
            others.Add(await ImportAsync(tenant, $"Other journey {i:00}", new Person("boss", "Bo")));
        }
        var elsewhere = await ImportAsync(Guid.NewGuid().ToString(), "Another tenant's journey", member);

        var stranger = CardJson.Text(await PortfolioCardAsync(Person(tenant, "stranger-oid")));
        Assert.Contains("not part of any journey-mapping program", stranger);
        Assert.DoesNotContain("journey 0", stranger);

        var theirs = CardJson.Text(await PortfolioCardAsync(Person(tenant, member.AadObjectId)));
        Assert.Contains(@"Licence \\*renewal\\*", theirs);
        Assert.Contains("1 program,", theirs);
        Assert.DoesNotContain("Other journey", theirs);
        Assert.DoesNotContain("Another tenant", theirs);

        GraphServer.GroupMembers[_adminGroup] = ["admin-oid"];
        var admin = Person(tenant, "admin-oid");
        var first = await PortfolioCardAsync(admin);
        var text = CardJson.Text(first);
        Assert.Contains("12 programs", text);
        Assert.Contains("portfolio admin group", text);
        Assert.DoesNotContain("Another tenant", text);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(first.ToJsonString()) <= 28 * 1024);
        Assert.Contains(GraphServer.Requests, r => r.PathAndQuery.Contains("/users/admin-oid/checkMemberGroups"));

        // The second page holds the rest, and across both pages each program of the tenant shows once.
        var second = await ClickAsync(admin, "portfolio.page", CardJson.ActionData(first, "portfolio.page"));
        var both = text + CardJson.Text(second);
        foreach (var program in others.Append(mine))
        {
            var name = System.Text.RegularExpressions.Regex.Escape(program.Charter.Name.Replace("*", @"\\*"));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(both, name));
        }

        Assert.DoesNotContain(elsewhere.Charter.Name, both);
    }

    [Fact]
    public async Task WhenTheDirectoryCannotAnswerNobodyIsTakenForAnAdmin()
    {
        var tenant = Guid.NewGuid().ToString();
        await ImportAsync(tenant, "Secret journey", new Person("boss", "Bo"));
        GraphServer.GroupMembers[_adminGroup] = ["admin-oid"];
        GraphServer.DirectoryStatus = 403;
        var text = CardJson.Text(await PortfolioCardAsync(Person(tenant, "admin-oid")));
        Assert.DoesNotContain("Secret journey", text);
        Assert.Contains("not part of any", text);
    }
}

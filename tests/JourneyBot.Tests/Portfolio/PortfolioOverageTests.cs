using System.Net;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.Map;

namespace JourneyBot.Tests.Portfolio;

// The tab world with the local Graph stand-in, for the admin group asked of the directory.
public sealed class PortfolioGraphWorld : MapWorld
{
    protected override bool WithGraph => true;
}

// A person in too many groups gets a token whose groups claim is replaced by an overage marker (v2 tokens name
// it in _claim_names, implicit-flow tokens say hasgroups): the portfolio then asks Graph's checkMemberGroups, and
// a directory that cannot answer means "not an admin". Each test uses its own person: answers are remembered.
public sealed class PortfolioOverageTests(PortfolioGraphWorld world) : IClassFixture<PortfolioGraphWorld>
{
    private FakeGraph Graph => world.Graph!;

    private static IReadOnlyDictionary<string, object> Overage(string marker) => marker switch
    {
        "_claim_names" => new Dictionary<string, object>
        {
            ["_claim_names"] = new Dictionary<string, object> { ["groups"] = "src1" },
            ["_claim_sources"] = new Dictionary<string, object>
            {
                ["src1"] = new Dictionary<string, object>
                {
                    ["endpoint"] = "https://graph.microsoft.com/v1.0/users/x/getMemberObjects",
                },
            },
        },
        "hasgroups" => new Dictionary<string, object> { ["hasgroups"] = true },
        _ => throw new ArgumentOutOfRangeException(nameof(marker)),
    };

    // A program of a new tenant the person is no member of: only the admin group shows it to them.
    private async Task<(string TenantId, string ProgramId)> ProgramAsync()
    {
        var program = await world.ImportAsync(MapSamples.Program() with
        {
            Charter = MapSamples.Program().Charter with { Name = "Boiler repair" },
        });
        return (program.TenantId, program.Id);
    }

    private async Task<string> ContentAsync(string tenantId, string objectId, IReadOnlyList<string>? groups,
        IReadOnlyDictionary<string, object>? claims)
    {
        var token = world.Entra.Token(tenantId, objectId, world.ClientId, groups: groups, extraClaims: claims);
        var response = await world.GetAsync("/map/portfolio/content", token);
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            string.Join("\n", world.Logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal))
                .TakeLast(3)));
        return await response.Content.ReadAsStringAsync();
    }

    private int MemberChecksOf(string objectId) =>
        Graph.Requests.Count(r => r.PathAndQuery.Contains($"/users/{objectId}/checkMemberGroups"));

    [Theory]
    [InlineData("_claim_names")]
    [InlineData("hasgroups")]
    public async Task AnOverageTokenFallsBackToGraphForTheAdminGroup(string marker)
    {
        var (tenantId, programId) = await ProgramAsync();
        var admin = $"overage-admin-{marker}";
        var plain = $"overage-plain-{marker}";
        Graph.DirectoryStatus = 200;
        Graph.GroupMembers[world.AdminGroupId] = [admin];

        var html = await ContentAsync(tenantId, admin, null, Overage(marker));
        Assert.Contains($"data-program=\"{programId}\"", html);
        Assert.Contains("portfolio admin group", html);
        Assert.Equal(1, MemberChecksOf(admin));
        var asked = Graph.Requests.Last(r => r.PathAndQuery.Contains($"/users/{admin}/checkMemberGroups"));
        Assert.Equal(new[] { world.AdminGroupId },
            asked.Body!["groupIds"]!.AsArray().Select(g => g!.GetValue<string>()));


        // Someone Graph does not list in the group, with the same marker, sees nothing of the tenant.
        var other = await ContentAsync(tenantId, plain, null, Overage(marker));
        Assert.Contains("not part of any journey-mapping program", other);
        Assert.DoesNotContain(programId, other);
        Assert.Equal(1, MemberChecksOf(plain));
    }

    [Fact]
    public async Task AGroupsClaimThatListsTheGroupsIsTrustedAndGraphIsNotAsked()
    {
        var (tenantId, programId) = await ProgramAsync();
        Graph.DirectoryStatus = 200;
        // Graph would say yes, but the token's own list is the answer when it has one.
        Graph.GroupMembers[world.AdminGroupId] = ["listed-oid"];

        var html = await ContentAsync(tenantId, "listed-oid", [Guid.NewGuid().ToString()], null);
        Assert.DoesNotContain(programId, html);
        Assert.Equal(0, MemberChecksOf("listed-oid"));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(500)]
    public async Task WhenGraphFailsAnOverageTokenIsNotAnAdmin(int status)
    {
        var (tenantId, programId) = await ProgramAsync();
        var person = $"overage-failing-{status}";
        Graph.GroupMembers[world.AdminGroupId] = [person];
        Graph.DirectoryStatus = status;
        try
        {
            var html = await ContentAsync(tenantId, person, null, Overage("_claim_names"));
            Assert.Contains("not part of any journey-mapping program", html);
            Assert.DoesNotContain(programId, html);
            Assert.DoesNotContain("portfolio admin group", html);
            Assert.True(MemberChecksOf(person) >= 1, "Graph was never asked");
        }
        finally
        {
            Graph.DirectoryStatus = 200;
        }
    }
}

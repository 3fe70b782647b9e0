using System.Net;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Map;

// The tab's door: a valid Teams SSO token of a member opens the map; anything else gets no program data.
public sealed class MapSecurityTests(MapWorld world) : IClassFixture<MapWorld>
{
    [Fact]
    public async Task AMemberAndASponsorReadTheMapWithTheirSsoToken()
    {
        var program = await world.ImportAsync(MapSamples.Program());
        foreach (var person in new[] { MapSamples.Owner, MapSamples.Sponsor, MapSamples.Contact })
        {
            var response = await world.GetAsync($"/map/{program.Id}/content", world.TokenFor(program, person.AadObjectId));
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Calls to give the new address", html);
            // Typed text is shown literally.
            Assert.Contains("Home move &lt;script&gt;alert(1)&lt;/script&gt;", html);
            Assert.DoesNotContain("<script>alert(1)", html);
        }
    }

    public static TheoryData<string> BadTokens => new() { "none", "other-tenant", "wrong-audience", "expired", "bad-signature", "wrong-issuer", "no-scope", "garbage" };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task ABadTokenGetsNoProgramData(string kind)
    {
        var program = await world.ImportAsync(MapSamples.Program());
        var owner = MapSamples.Owner.AadObjectId;
        var token = kind switch
        {
            "none" => null,
            // A real token of another tenant, for a person with the same object id: the program is not there.
            "other-tenant" => world.Entra.Token(Guid.NewGuid().ToString(), owner, world.ClientId),
            "wrong-audience" => world.Entra.Token(program.TenantId, owner, Guid.NewGuid().ToString()),
            "expired" => world.Entra.Token(program.TenantId, owner, world.ClientId, expires: DateTime.UtcNow.AddMinutes(-10)),
            "bad-signature" => world.Entra.Token(program.TenantId, owner, world.ClientId, signWith: TestEntra.ForgedKey()),
            "wrong-issuer" => world.Entra.Token(program.TenantId, owner, world.ClientId, issuer: $"https://login.microsoftonline.com/{Guid.NewGuid()}/v2.0"),
            "no-scope" => world.Entra.Token(program.TenantId, owner, world.ClientId, scope: "User.Read"),
            _ => "not.a.token",
        };
        foreach (var path in new[] { $"/map/{program.Id}/content", $"/map/{program.Id}/export/touchpoints.csv", $"/map/{program.Id}/export/program.json", "/map/programs/content" })
        {
            var response = await world.GetAsync(path, token);
            var body = await response.Content.ReadAsStringAsync();
            // A valid person of another tenant may open the picker; it lists none of this tenant's programs.
            var pickerOfAnotherTenant = kind == "other-tenant" && path == "/map/programs/content" && response.StatusCode == HttpStatusCode.OK;
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound || pickerOfAnotherTenant, $"{kind} {path}: {response.StatusCode}");
            if (pickerOfAnotherTenant) Assert.Contains("not part of any journey-mapping program", body);
            Assert.DoesNotContain("Home move", body);
            Assert.DoesNotContain("Calls to give", body);
        }
    }

    [Fact]
    public async Task AMemberOfAnotherProgramGetsNotFoundAsIfItDidNotExist()
    {
        var program = await world.ImportAsync(MapSamples.Program());
        var other = await world.ImportAsync(MapSamples.Program(tenantId: program.TenantId) with
        {
            Charter = MapSamples.Program().Charter with { Name = "Other program", Owners = [new("stranger-oid", "Stranger")], Sponsors = [], Departments = [] },
            Touchpoints = [], Actions = [],
        });
        var stranger = world.TokenFor(program, "stranger-oid");
        var theirs = await world.GetAsync($"/map/{other.Id}/content", stranger);
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);

        foreach (var path in new[] { $"/map/{program.Id}/content", $"/map/{program.Id}/export/actions.csv", $"/map/{program.Id}/export/map.svg", "/map/no-such-program/content" })
        {
            var response = await world.GetAsync(path, stranger);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Home move", await response.Content.ReadAsStringAsync());
        }
        var picker = await (await world.GetAsync("/map/programs/content", stranger)).Content.ReadAsStringAsync();
        Assert.Contains("Other program", picker);
        Assert.DoesNotContain("Home move", picker);
    }

    [Fact]
    public async Task APlainBrowserIsToldToOpenTheMapInTeamsAndTheShellHoldsNoData()
    {
        var program = await world.ImportAsync(MapSamples.Program());
        var plain = await world.GetAsync($"/map/{program.Id}", null);
        var plainHtml = await plain.Content.ReadAsStringAsync();
        Assert.Contains("Open this map in Microsoft Teams", plainHtml);
        Assert.DoesNotContain("Home move", plainHtml);

        var shell = await world.GetAsync($"/map/{program.Id}?inTeams=1&persona=renter", null);
        var shellHtml = await shell.Content.ReadAsStringAsync();
        Assert.Contains($"data-content=\"/map/{program.Id}/content?inTeams=1&amp;persona=renter\"", shellHtml);
        Assert.Contains("/lib/teams-js/MicrosoftTeams.min.js", shellHtml);
        Assert.DoesNotContain("Home move", shellHtml);
    }

    [Fact]
    public async Task OnlyTeamsAndOfficeHostsMayFrameTheTab()
    {
        var response = await world.GetAsync("/map/?inTeams=1", null);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var ancestors = policy.Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("frame-ancestors ", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(["https://teams.microsoft.com", "https://*.teams.microsoft.com", "https://*.cloud.microsoft", "https://*.microsoft365.com",
            "https://*.office.com", "https://outlook.office.com", "https://outlook.office365.com", "https://outlook.live.com"], ancestors);
        Assert.DoesNotContain("'self'", ancestors);
        Assert.DoesNotContain("*", ancestors);
        Assert.Contains("script-src 'self'", policy);
    }

    [Fact]
    public async Task TheTeamsLibraryIsServedByTheAppFromTheLockedPackage()
    {
        var response = await world.GetAsync("/lib/teams-js/MicrosoftTeams.min.js", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var script = await response.Content.ReadAsStringAsync();
        Assert.Contains("2.58.0", script);
        var lockFile = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "src", "JourneyBot", "package-lock.json")))!;
        Assert.Equal("2.58.0", lockFile["packages"]!["node_modules/@microsoft/teams-js"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task NoProgramTextReachesTheLogs()
    {
        var program = await world.ImportAsync(MapSamples.Program());
        var member = world.TokenFor(program, MapSamples.Owner.AadObjectId);
        foreach (var (path, token) in new[]
        {
            ($"/map/{program.Id}/content?persona=renter", member), ($"/map/{program.Id}/export/touchpoints.csv", member),
            ($"/map/{program.Id}/export/map.svg", member), ($"/map/{program.Id}/content", world.TokenFor(program, "stranger")),
            ($"/map/{program.Id}/content", "bad.token.here"), ("/map/programs/content", member),
        })
        {
            (await world.GetAsync(path, token)).Dispose();
        }
        Assert.Contains(world.Logs.Lines, l => l.Contains("Refused a map tab request", StringComparison.Ordinal));
        var leaked = world.Logs.Lines.Where(l => l.Contains("Home move", StringComparison.Ordinal) || l.Contains("Calls to give", StringComparison.Ordinal)
            || l.Contains("Olivia", StringComparison.Ordinal) || l.Contains(member, StringComparison.Ordinal)).ToList();
        Assert.True(leaked.Count == 0, string.Join("\n", leaked));
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Tests.Infrastructure;

public sealed record GraphRequest(string Method, string PathAndQuery, string? ConsistencyLevel, JsonNode? Body);

// A local stand-in for Microsoft Graph, on loopback: the users of each department, and installing the app for a
// user. The Graph SDK in the app is pointed here with Graph:BaseUrl.
public sealed partial class FakeGraph : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentQueue<GraphRequest> Requests { get; } = new();
    public Dictionary<string, List<(string Id, string Name)>> Departments { get; } = new(StringComparer.OrdinalIgnoreCase);
    // What the next user lookups and installs answer: 200/201, or an error status with a Graph error body.
    public int DirectoryStatus { get; set; } = 200;
    // Display names of users looked up one by one (users/{id}).
    public ConcurrentDictionary<string, string> Names { get; } = new(StringComparer.Ordinal);
    public int InstallStatus { get; set; } = 201;
    // Group id -> its members (transitively), for checkMemberGroups.
    public ConcurrentDictionary<string, HashSet<string>> GroupMembers { get; } = new(StringComparer.OrdinalIgnoreCase);
    // Called for each successful install, e.g. to make the member reachable on the test channel.
    public Action<string>? Installed { get; set; }
    public string BaseUrl { get; }

    private FakeGraph(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<FakeGraph> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var graph = new FakeGraph(builder.Build(), $"http://127.0.0.1:{port}/v1.0");
        graph.MapRoutes();
        await graph._app.StartAsync();
        return graph;
    }

    private void MapRoutes()
    {
        _app.MapGet("/v1.0/users", (HttpContext http) =>
        {
            Record(http, null);
            if (DirectoryStatus != 200) return Error(DirectoryStatus);
            var filter = http.Request.Query["$filter"].ToString();
            var department = DepartmentFilter().Match(filter) is { Success: true } m ? m.Groups[1].Value.Replace("''", "'") : null;
            var people = department is not null && Departments.TryGetValue(department, out var list) ? list : [];
            return Results.Json(new
            {
                value = people.Select(p => new { id = p.Id, displayName = p.Name }),
            });
        });
        _app.MapGet("/v1.0/users/{id}", (HttpContext http, string id) =>
        {
            Record(http, null);
            if (DirectoryStatus != 200) return Error(DirectoryStatus);
            return Names.TryGetValue(id, out var name) ? Results.Json(new { id, displayName = name }) : Error(404);
        });
        _app.MapPost("/v1.0/users/{id}/checkMemberGroups", async (HttpContext http, string id) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body);
            Record(http, body);
            if (DirectoryStatus != 200) return Error(DirectoryStatus);
            var asked = body?["groupIds"]?.AsArray().Select(g => g!.GetValue<string>()) ?? [];
            return Results.Json(new { value = asked.Where(g => GroupMembers.TryGetValue(g, out var m) && m.Contains(id)) });
        });
        _app.MapPost("/v1.0/users/{id}/teamwork/installedApps", async (HttpContext http, string id) =>
        {
            Record(http, await JsonNode.ParseAsync(http.Request.Body));
            if (InstallStatus is not (200 or 201)) return Error(InstallStatus);
            Installed?.Invoke(id);
            return Results.Json(new { id = "installation-" + id }, statusCode: InstallStatus);
        });
    }

    private void Record(HttpContext http, JsonNode? body) =>
        Requests.Enqueue(new GraphRequest(http.Request.Method, http.Request.Path + http.Request.QueryString, http.Request.Headers["ConsistencyLevel"].FirstOrDefault(), body));

    private static IResult Error(int status) => Results.Json(new { error = new { code = status switch { 403 => "Forbidden", 404 => "Request_ResourceNotFound", _ => "InternalServerError" }, message = "Refused by the fake Graph." } }, statusCode: status);

    [GeneratedRegex(@"department eq '((?:[^']|'')*)'")]
    private static partial Regex DepartmentFilter();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

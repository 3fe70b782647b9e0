using JourneyBot.Domain;
using JourneyBot.Programs;

namespace JourneyBot.Map;

// The tab's routes. Pages that hold program data answer only to a signed-in member (SSO token, or the local user
// in development); anyone else gets 401 without a token and 404 for a program that is not theirs, exactly as
// for a program that does not exist.
public static class MapEndpoints
{
    private const string Html = "text/html; charset=utf-8";

    public static IEndpointRouteBuilder MapMapTab(this IEndpointRouteBuilder app)
    {
        var map = app.MapGroup("/map");
        map.MapGet("/", (HttpContext http, MapSettings settings, MembershipStore memberships) => PickerAsync(http, settings, memberships, configure: false));
        map.MapGet("/configure", (HttpContext http, MapSettings settings, MembershipStore memberships) => PickerAsync(http, settings, memberships, configure: true));
        map.MapGet("/programs/content", async (HttpContext http, TabAuthenticator auth, MembershipStore memberships) =>
        {
            if (await UserAsync(http, auth) is not { } user) return Unauthorized();
            return Results.Content(await ProgramsAsync(user, memberships, http.Request.Query["configure"] == "1", http.RequestAborted), Html);
        });
        map.MapGet("/{programId}", async (string programId, HttpContext http, MapSettings settings, TabAuthenticator auth, ProgramStore store,
            MapSnapshotStore snapshots, MapLinks links, TimeProvider clock) =>
        {
            if (Entry(http, settings) is { } shellOrRefusal)
            {
                return shellOrRefusal is "teams"
                    ? Results.Content(MapDocument.Shell("Journey map", $"/map/{Uri.EscapeDataString(programId)}/content{http.Request.QueryString}"), Html)
                    : Results.Content(shellOrRefusal, Html);
            }
            if (await UserAsync(http, auth) is not { } user) return Unauthorized();
            if (await ReadableAsync(user, programId, store, http.RequestAborted) is not { } program)
            {
                return Results.Content(MapDocument.Page("Map not found", MapDocument.NotFound(), "local"), Html, statusCode: 404);
            }
            var view = await ViewAsync(program, http, snapshots, clock);
            return new HtmlResult(MapDocument.Page(program.Charter.Name + " · journey map", "local",
                html => MapContent.Write(html, view, links, IsOwner(program, user))));
        });
        map.MapGet("/{programId}/content", async (string programId, HttpContext http, TabAuthenticator auth, ProgramStore store,
            MapSnapshotStore snapshots, MapLinks links, TimeProvider clock) =>
        {
            if (await UserAsync(http, auth) is not { } user) return Unauthorized();
            if (await ReadableAsync(user, programId, store, http.RequestAborted) is not { } program) return Results.Content(MapDocument.NotFound(), Html, statusCode: 404);
            var view = await ViewAsync(program, http, snapshots, clock);
            var html = MapDocument.Streamed();
            MapContent.Write(html, view, links, IsOwner(program, user));
            return new HtmlResult(html);
        });
        map.MapGet("/{programId}/export/{file}", async (string programId, string file, HttpContext http, TabAuthenticator auth, ProgramStore store, MapSnapshotStore snapshots, TimeProvider clock) =>
        {
            if (await UserAsync(http, auth) is not { } user) return Unauthorized();
            if (await ReadableAsync(user, programId, store, http.RequestAborted) is not { } program) return Results.NotFound();
            // The CSVs follow the map shown: as it was on a snapshot's day when one is viewed. The JSON is always
            // the whole program as it is now (a snapshot keeps only what the map draws).
            var shown = program;
            var asOf = Today(clock);
            if (file.EndsWith(".csv", StringComparison.Ordinal) && MapFilter.From(http.Request.Query).At is { } at
                && await snapshots.LoadAsync(program.Id, at, http.RequestAborted) is { } snapshot)
            {
                shown = snapshot.AsProgram(program.Id, program.TenantId);
                asOf = snapshot.TakenOn;
            }
            var name = string.Concat(program.Id, shown == program ? "" : $"-{asOf:yyyyMMdd}", "-", file);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
            return file switch
            {
                "touchpoints.csv" => Results.Text(MapCsv.Touchpoints(shown), "text/csv; charset=utf-8"),
                "actions.csv" => Results.Text(MapCsv.Actions(shown, asOf), "text/csv; charset=utf-8"),
                "program.json" => Results.Text(ProgramFile.Write(program), "application/json; charset=utf-8"),
                "map.svg" => Results.Text(MapSvg.Build(await ViewAsync(program, http, snapshots, clock)), "image/svg+xml; charset=utf-8"),
                _ => Results.NotFound(),
            };
        });
        return app;
    }

    private static async Task<IResult> PickerAsync(HttpContext http, MapSettings settings, MembershipStore memberships, bool configure)
    {
        if (Entry(http, settings) is { } shellOrRefusal)
        {
            return shellOrRefusal is "teams"
                ? Results.Content(MapDocument.Shell("Journey map", "/map/programs/content" + (configure ? "?configure=1" : "")), Html)
                : Results.Content(shellOrRefusal, Html);
        }
        var auth = http.RequestServices.GetRequiredService<TabAuthenticator>();
        if (await UserAsync(http, auth) is not { } user) return Unauthorized();
        return Results.Content(MapDocument.Page("Journey map", await ProgramsAsync(user, memberships, configure, http.RequestAborted), "local"), Html);
    }

    // Which page an entry URL gets before anyone is signed in: "teams" for the SSO shell, a finished page for a
    // plain browser or a tab that is not set up, or null to render here (local development on loopback).
    public static string? Entry(HttpContext http, MapSettings settings)
    {
        if (settings.IsLocal && http.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip)) return null;
        if (!settings.IsConfigured)
        {
            return MapDocument.Page("Map not set up", "<h1>The map tab is not set up</h1><p>An administrator sets Map:ClientId to the tab's Entra app registration (see README).</p>", "plain");
        }
        return http.Request.Query["inTeams"] == "1" && !settings.IsLocal ? "teams" : MapDocument.OpenInTeams();
    }

    // The map as the query asks for it: now, or as a stored snapshot had it, compared with another if asked. Only
    // snapshots of this program's own partition are read, so a snapshot id from another program names nothing.
    private static async Task<MapView> ViewAsync(JourneyProgram program, HttpContext http, MapSnapshotStore snapshots, TimeProvider clock)
    {
        var filter = MapFilter.From(http.Request.Query);
        var headers = await snapshots.ListAsync(program.Id, http.RequestAborted);
        async Task<MapSnapshot?> LoadAsync(string? id) =>
            id is not null && headers.Any(h => h.Id == id) ? await snapshots.LoadAsync(program.Id, id, http.RequestAborted) : null;
        return MapViewBuilder.Build(program, filter, Today(clock), new StoredSnapshots(headers, await LoadAsync(filter.At), await LoadAsync(filter.Since)));
    }

    public static async Task<TabUser?> UserAsync(HttpContext http, TabAuthenticator auth) =>
        (await auth.AuthenticateAsync(http.Request.Headers.Authorization.FirstOrDefault(), http.Connection.RemoteIpAddress, http.RequestAborted)).User;

    private static async Task<JourneyProgram?> ReadableAsync(TabUser user, string programId, ProgramStore store, CancellationToken cancellationToken)
    {
        var program = await store.LoadAsync(user.TenantId, programId, cancellationToken);
        // Members read and sponsors read; someone else's program reads like no program.
        return program is not null && ProgramRoles.Of(program.Charter, user.ObjectId) != ProgramRole.None ? program : null;
    }

    private static bool IsOwner(JourneyProgram program, TabUser user) =>
        ProgramRoles.Of(program.Charter, user.ObjectId).HasFlag(ProgramRole.Owner);

    private static async Task<string> ProgramsAsync(TabUser user, MembershipStore memberships, bool configure, CancellationToken cancellationToken)
    {
        var mine = await memberships.ProgramsOfAsync(user.TenantId, user.ObjectId, cancellationToken);
        return MapDocument.Programs(mine.Select(m => (m.RowKey, m.ProgramName)).OrderBy(p => p.Item2, StringComparer.CurrentCultureIgnoreCase).ToList(), configure);
    }

    public static IResult Unauthorized() =>
        Results.Content("<h1>Sign-in needed</h1><p>Open the map from Teams so it can sign you in.</p>", Html, statusCode: 401);

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

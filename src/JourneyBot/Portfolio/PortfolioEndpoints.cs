using JourneyBot.Map;

namespace JourneyBot.Portfolio;

// /map/portfolio on the tab: the same door as the map (Teams SSO shell, or the local user on loopback), and only
// programs the signed-in person may see.
public static class PortfolioEndpoints
{
    private const string Html = "text/html; charset=utf-8";

    public static IEndpointRouteBuilder MapPortfolio(this IEndpointRouteBuilder app)
    {
        app.MapGet("/map/portfolio", async (HttpContext http, MapSettings settings, TabAuthenticator auth,
            PortfolioSource source) =>
        {
            if (MapEndpoints.Entry(http, settings) is { } shellOrRefusal)
            {
                var contentUrl = $"/map/portfolio/content{http.Request.QueryString}";
                return shellOrRefusal is "teams"
                    ? Results.Content(MapDocument.Shell("Portfolio", contentUrl), Html)
                    : Results.Content(shellOrRefusal, Html);
            }
            if (await MapEndpoints.UserAsync(http, auth) is not { } user) return MapEndpoints.Unauthorized();
            var content = await ContentAsync(user, source, http.RequestAborted);
            return Results.Content(MapDocument.Page("Portfolio", content, "local"), Html);
        });
        app.MapGet("/map/portfolio/content", async (HttpContext http, TabAuthenticator auth, PortfolioSource source) =>
        {
            if (await MapEndpoints.UserAsync(http, auth) is not { } user) return MapEndpoints.Unauthorized();
            return Results.Content(await ContentAsync(user, source, http.RequestAborted), Html);
        });
        return app;
    }

    private static async Task<string> ContentAsync(TabUser user, PortfolioSource source,
        CancellationToken cancellationToken)
    {
        // The token's groups when it lists them; with too many to list (overage), the directory is asked.
        var groups = user.GroupsOverage ? null : user.Groups;
        var admin = await source.IsAdminAsync(user.TenantId, user.ObjectId, groups, cancellationToken);
        var rows = await source.RowsAsync(user.TenantId, user.ObjectId, admin, cancellationToken);
        return PortfolioPage.Content(rows, admin);

    }
}

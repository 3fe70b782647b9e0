namespace JourneyBot.Operations;

// The pages the Teams manifest links to (developer website, privacy, terms). Plain and static on purpose:
// the tenant's own policies are what govern the data; these say what the app stores and where.
public static class AboutPages
{
    public static IEndpointRouteBuilder MapAboutPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Page("JourneyBot",
            "JourneyBot runs customer-journey-mapping programs in Microsoft Teams. Teams talks to it at /api/messages; " +
            "its health is at /healthz. Add the app in Teams and type <b>help</b> in a chat with it."));
        app.MapGet("/privacy", () => Page("JourneyBot privacy",
            "JourneyBot stores, in your organisation's own Azure Storage account: the Teams conversation references it needs to " +
            "message people (tenant, conversation and user ids), and the program data people enter through its cards. " +
            "It does not store message text it does not need, and it sends nothing to third parties. Uninstalling the app " +
            "marks its conversation references inactive; your administrator can delete the storage account's tables at any time."));
        app.MapGet("/terms", () => Page("JourneyBot terms of use",
            "JourneyBot is provided by your organisation for internal customer-journey-mapping work. Use it in line with your " +
            "organisation's policies for Microsoft Teams and customer data."));
        return app;
    }

    private static IResult Page(string title, string body) => Results.Content(
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head>" +
        $"<body style=\"font-family:sans-serif;max-width:40em;margin:2em auto\"><h1>{title}</h1><p>{body}</p></body></html>",
        "text/html; charset=utf-8");
}

using JourneyBot.Configuration;
using JourneyBot.Protocol;

namespace JourneyBot.Programs;

// Where a card's "Open the map" goes: a Teams deep link to the app's Map tab (which then opens that program),
// or, in local development, the page itself. None when the app's public address (Map:PublicUrl) is not set.
// appId is the bot's id (the chat with it); catalogId the app's id in the org's app catalog, which a deep link to
// an app uploaded there must name (the manifest's id, the bot's, only works for a sideloaded app).
public sealed class MapLinks(Uri? publicUrl, string? appId, string? catalogId = null)
{
    public const string TabEntityId = "map";

    public Uri? For(string programId)
    {
        if (publicUrl is null) return null;
        var page = new Uri(publicUrl, "/map/" + Uri.EscapeDataString(programId));
        if ((catalogId ?? appId) is not { } app) return page;
        var context = Uri.EscapeDataString($"{{\"subEntityId\":\"{programId}\"}}");
        return new Uri($"https://teams.microsoft.com/l/entity/{app}/{TabEntityId}" +
            $"?webUrl={Uri.EscapeDataString(page.ToString())}&label=Map&context={context}");
    }

    // The chat with JourneyBot, the command typed in the compose box for the person to send (a Teams deep link to a
    // chat with the app). None when the app's id is not known.
    public Uri? ChatWithBot(string command) => appId is null ? null
        : new Uri($"https://teams.microsoft.com/l/chat/0/0?users=28:{Uri.EscapeDataString(appId)}" +
            $"&message={Uri.EscapeDataString(command)}");

    // A public address that is not an absolute https URL turns the links off (cards name no map) and says so.
    public static MapLinks Load(
        IConfiguration config, BotSettings bot, OptionalFeatures? features = null, string? catalogId = null)
    {
        var text = config["Map:PublicUrl"];
        if (string.IsNullOrWhiteSpace(text)) return new MapLinks(null, bot.AppId, catalogId);
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url)
            || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            features?.TurnOff("mapLinks",
                "Map:PublicUrl is not the app's absolute https address (http only on loopback)");
            return new MapLinks(null, bot.AppId, catalogId);
        }
        return new MapLinks(url, bot.AppId, catalogId);
    }
}

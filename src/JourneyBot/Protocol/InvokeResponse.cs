using System.Text.Json.Nodes;

namespace JourneyBot.Protocol;

// The body Teams expects back, synchronously, for an invoke activity.
public sealed record InvokeResponse(int Status, JsonNode? Body)
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    public const string MessageContentType = "application/vnd.microsoft.activity.message";
    public const string ErrorContentType = "application/vnd.microsoft.error";

    // Universal Actions: the card shown in place of the one the user clicked.
    public static InvokeResponse Card(JsonObject card) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = AdaptiveCardContentType,
        ["value"] = card,
    });

    public static InvokeResponse Error(int statusCode, string code, string message) => new(200, new JsonObject
    {
        ["statusCode"] = statusCode,
        ["type"] = ErrorContentType,
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    });

    public static InvokeResponse NotImplemented(string name) => new(501, new JsonObject
    {
        ["error"] = $"This bot does not handle invoke '{(name.Length <= 64 ? name : name[..64] + "…")}'.",
    });
}

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

    // A dialog (task module) answer: show this card in the dialog, keeping it open.
    public static InvokeResponse TaskContinue(string title, JsonObject card, string height = "large",
        string width = "medium") => new(200, new JsonObject
        {
            ["task"] = new JsonObject
            {
                ["type"] = "continue",
                ["value"] = new JsonObject
                {
                    ["title"] = title,
                    ["height"] = height,
                    ["width"] = width,
                    ["card"] = new JsonObject { ["contentType"] = AdaptiveCardContentType, ["content"] = card },
                },
            },
        });

    // A dialog answer that closes it and shows a short plain-text message.
    public static InvokeResponse TaskMessage(string text) =>
        new(200, new JsonObject { ["task"] = new JsonObject { ["type"] = "message", ["value"] = text } });

    public static InvokeResponse BadRequest(string problem) => new(400, new JsonObject { ["error"] = problem });

    // The command id is not echoed: it is whatever the client sent.
    public static InvokeResponse UnknownCommand() =>
        new(501, new JsonObject { ["error"] = "This bot has no message extension command of that id." });

    public static InvokeResponse NotImplemented(string name) => new(501, new JsonObject
    {
        ["error"] = $"This bot does not handle invoke '{(name.Length <= 64 ? name : name[..64] + "…")}'.",
    });
}

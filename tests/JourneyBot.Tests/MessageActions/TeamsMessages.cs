using System.Text.Json.Nodes;

namespace JourneyBot.Tests.MessageActions;

// value.messagePayload as Teams sends it with a message action (Teams platform documentation, "Create and send the
// dialog": the message's id, author, body as HTML or text, mentions and the link to it).
public static class TeamsMessages
{
    public const string AuthorName = "Chris Care";
    public const string Link =
        "https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1700000000000?tenantId=t&groupId=g";

    public static JsonObject Payload(string content, string contentType = "html", string authorName = AuthorName,
        string? authorId = null, string? link = Link, JsonArray? mentions = null) => new()
    {
        ["id"] = "1700000000000",
        ["replyToId"] = null,
        ["createdDateTime"] = "2026-12-01T09:30:00.000Z",
        ["lastModifiedDateTime"] = null,
        ["deleted"] = false,
        ["subject"] = null,
        ["summary"] = null,
        ["importance"] = "normal",
        ["locale"] = "en-us",
        ["linkToMessage"] = link,
        ["messageType"] = "message",
        ["from"] = new JsonObject
        {
            ["device"] = null,
            ["conversation"] = null,
            ["user"] = new JsonObject
            {
                ["userIdentityType"] = "aadUser", ["id"] = authorId ?? Guid.NewGuid().ToString(),
                ["displayName"] = authorName,
            },
        },
        ["body"] = new JsonObject { ["contentType"] = contentType, ["content"] = content },
        ["attachments"] = new JsonArray(),
        ["mentions"] = mentions ?? new JsonArray(),
        ["reactions"] = new JsonArray(),
    };

    // A mention as Teams writes it in the body (<at id="0">Name</at>) and in mentions[].
    public static JsonObject Mention(int id, string name) => new()
    {
        ["id"] = id,
        ["mentionText"] = name,
        ["mentioned"] = new JsonObject
        {
            ["user"] = new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(), ["displayName"] = name, ["userIdentityType"] = "aadUser",
            },
        },
    };
}

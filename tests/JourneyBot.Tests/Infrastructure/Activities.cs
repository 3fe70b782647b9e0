using System.Text.Json.Nodes;

namespace JourneyBot.Tests.Infrastructure;

// Teams-shaped activities for tests, each in its own conversation and tenant unless told otherwise.
public sealed class Activities(string serviceUrl, string botId)
{
    public string TenantId { get; init; } = Guid.NewGuid().ToString();
    public string ConversationId { get; init; } = "a:" + Guid.NewGuid().ToString("N");
    public string ConversationType { get; init; } = "personal";
    public string UserId { get; init; } = "29:" + Guid.NewGuid().ToString("N");
    public string UserAadObjectId { get; init; } = Guid.NewGuid().ToString();
    public string BotId => "28:" + botId;

    public JsonObject Message(string text, string? id = null, JsonArray? entities = null)
    {
        var activity = Base("message", id);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        if (entities is not null) activity["entities"] = entities;
        return activity;
    }

    public JsonObject MessageMentioningBot(string command, string? id = null)
    {
        var mention = "<at>JourneyBot</at>";
        return Message($"{mention} {command}", id, [new JsonObject
        {
            ["type"] = "mention",
            ["text"] = mention,
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "JourneyBot" },
        }]);
    }

    public JsonObject BotAdded(string? id = null)
    {
        var activity = Base("conversationUpdate", id);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        return activity;
    }

    public JsonObject BotRemoved(string? id = null)
    {
        var activity = Base("conversationUpdate", id);
        activity["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = BotId });
        return activity;
    }

    public JsonObject Installation(string action, string? id = null)
    {
        var activity = Base("installationUpdate", id);
        activity["action"] = action;
        return activity;
    }

    public JsonObject CardAction(string verb, JsonObject? data = null, string? id = null)
    {
        var activity = Base("invoke", id);
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? new JsonObject() },
            ["trigger"] = "manual",
        };
        return activity;
    }

    // A message extension action invoke as Teams sends it: composeExtension/fetchTask when the command is chosen on a
    // message (or in the compose box), composeExtension/submitAction when its dialog submits (the data in value.data).
    public JsonObject MessageAction(string name, string commandId, JsonObject? messagePayload, JsonObject? data = null,
        string commandContext = "message", string? id = null)
    {
        var activity = Base("invoke", id);
        activity["name"] = name;
        var value = new JsonObject
        {
            ["commandId"] = commandId, ["commandContext"] = commandContext, ["context"] = new JsonObject { ["theme"] = "default" },
        };
        if (data is not null) value["data"] = data.DeepClone();
        if (messagePayload is not null) value["messagePayload"] = messagePayload.DeepClone();
        activity["value"] = value;
        return activity;
    }

    private JsonObject Base(string type, string? id) => new()
    {
        ["type"] = type,
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Ada Lovelace", ["aadObjectId"] = UserAadObjectId },
        ["conversation"] = new JsonObject
        {
            ["id"] = ConversationId,
            ["conversationType"] = ConversationType,
            ["tenantId"] = TenantId,
            ["isGroup"] = ConversationType != "personal" ? true : null,
        },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "JourneyBot" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["locale"] = "en-US",
    };
}

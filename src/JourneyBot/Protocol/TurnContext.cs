namespace JourneyBot.Protocol;

// One inbound activity being handled: what came in, who sent it, and how to answer.
public sealed class TurnContext(Activity activity, ChannelIdentity identity, ConnectorClient connector)
{
    public Activity Activity { get; } = activity;
    public ChannelIdentity Identity { get; } = identity;
    public ConnectorClient Connector { get; } = connector;

    // Set by the handler for invoke activities; returned in the HTTP response.
    public InvokeResponse? InvokeResponse { get; set; }

    public async Task<ResourceResponse> SendActivityAsync(Activity reply, CancellationToken cancellationToken)
    {
        Activity.CreateReply(reply);
        return reply.ReplyToId is { Length: > 0 } replyToId
            ? await Connector.ReplyToActivityAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, replyToId, reply, cancellationToken)
            : await Connector.SendToConversationAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, reply, cancellationToken);
    }

    public Task<ResourceResponse> SendTextAsync(string text, CancellationToken cancellationToken) =>
        SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "markdown" }, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string activityId, Activity replacement, CancellationToken cancellationToken)
    {
        Activity.CreateReply(replacement);
        replacement.Id = activityId;
        return Connector.UpdateActivityAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, activityId, replacement, cancellationToken);
    }
}

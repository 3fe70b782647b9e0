namespace JourneyBot.Protocol;

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
}

public static class ConversationTypes
{
    public const string Personal = "personal";
    public const string Channel = "channel";
}

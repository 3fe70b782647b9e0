namespace JourneyBot.Meetings;

// Reviews held in a Teams meeting: the side panel, the stage and its push stream, the summary to the meeting chat.
public static class MeetingSetup
{
    public static IServiceCollection AddMeetings(this IServiceCollection services) => services
        .AddSingleton<MeetingStore>()
        .AddSingleton<StageSignal>()
        .AddSingleton<MeetingChat>()
        .AddSingleton<MeetingServices>();

    public static WebApplication MapMeetings(this WebApplication app)
    {
        app.MapMeeting();
        return app;
    }
}

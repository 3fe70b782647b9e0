using JourneyBot.Bot;
using JourneyBot.Domain;
using JourneyBot.Protocol;
using JourneyBot.Storage;

namespace JourneyBot.Conversations;

// Installs and uninstalls: store the conversation reference, welcome once per installation. Every message keeps
// the reference current and notes the sender's time zone, so proactive sends reach people in their hours.
public sealed class InstallHandler(ConversationStore conversations, IdempotencyStore idempotency, WelcomeCards welcome) : ICommandSource
{
    public IEnumerable<BotCommand> Commands => [];
    public IEnumerable<CardVerb> Verbs => [];

    public async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        await conversations.EnsureCurrentAsync(activity.GetConversationReference(), cancellationToken);
        // Nudges wait for the person's working hours in their own time zone, as their Teams client reports it.
        if (activity.GetClientTimeZone() is { } zone && activity.From?.AadObjectId is { Length: > 0 } person && WorkingTime.Find(zone) is not null)
        {
            await conversations.RecordTimeZoneAsync(activity.GetTenantId(), person, zone, cancellationToken);
        }
    }

    public Task OnInstalledAsync(TurnContext turn, CancellationToken cancellationToken) =>
        OnceAsync(turn, async () =>
        {
            if (await conversations.RecordInstallAsync(turn.Activity.GetConversationReference(), cancellationToken))
            {
                var language = Languages.Of(turn.Activity.Locale);
                await turn.SendActivityAsync(welcome.Build(language).ToActivity(WelcomeCards.In(language)["Summary"]), cancellationToken);
            }
        }, cancellationToken);

    public Task OnUninstalledAsync(TurnContext turn, CancellationToken cancellationToken) =>
        OnceAsync(turn, () => conversations.RecordUninstallAsync(turn.Activity.GetConversationReference(), cancellationToken), cancellationToken);

    private async Task OnceAsync(TurnContext turn, Func<Task> work, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(turn.Activity.Id))
        {
            await work();
            return;
        }
        await idempotency.RunOnceAsync(turn.Activity.Conversation!.Id!, turn.Activity.Id, work, cancellationToken);
    }
}

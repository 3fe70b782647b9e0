using JourneyBot.Protocol;
using JourneyBot.Storage;

namespace JourneyBot.Conversations;

// Installs and uninstalls: store the conversation reference, welcome once per installation.
public sealed class InstallHandler(ConversationStore conversations, IdempotencyStore idempotency, WelcomeCards welcome)
{
    public Task OnInstalledAsync(TurnContext turn, CancellationToken cancellationToken) =>
        OnceAsync(turn, async () =>
        {
            if (await conversations.RecordInstallAsync(turn.Activity.GetConversationReference(), cancellationToken))
            {
                await turn.SendActivityAsync(welcome.Build().ToActivity("Welcome to JourneyBot"), cancellationToken);
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

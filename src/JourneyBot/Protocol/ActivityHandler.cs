namespace JourneyBot.Protocol;

// Shaped like the Bot Framework SDK's ActivityHandler: one overridable method per kind of activity.
public abstract class ActivityHandler
{
    public virtual Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken) => turn.Activity.Type switch
    {
        ActivityTypes.Message => OnMessageAsync(turn, cancellationToken),
        ActivityTypes.ConversationUpdate => OnConversationUpdateAsync(turn, cancellationToken),
        ActivityTypes.InstallationUpdate => OnInstallationUpdateAsync(turn, cancellationToken),
        ActivityTypes.Invoke => OnInvokeDispatchAsync(turn, cancellationToken),
        _ => OnUnrecognizedActivityAsync(turn, cancellationToken),
    };

    protected virtual Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;
    protected virtual Task OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;
    protected virtual Task OnInstallationUpdateAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;
    protected virtual Task OnUnrecognizedActivityAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task<InvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken) =>
        Task.FromResult(InvokeResponse.NotImplemented("adaptiveCard/action"));

    // Message extension action commands: the dialog a command opens, and what its dialog submits.
    protected virtual Task<InvokeResponse> OnMessageExtensionFetchTaskAsync(TurnContext turn,
        MessageExtensionAction action, CancellationToken cancellationToken) =>
        Task.FromResult(InvokeResponse.NotImplemented(MessageExtensionAction.FetchTaskName));

    protected virtual Task<InvokeResponse> OnMessageExtensionSubmitActionAsync(TurnContext turn,
        MessageExtensionAction action, CancellationToken cancellationToken) =>
        Task.FromResult(InvokeResponse.NotImplemented(MessageExtensionAction.SubmitActionName));

    protected virtual Task<InvokeResponse> OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken) =>
        Task.FromResult(InvokeResponse.NotImplemented(turn.Activity.Name ?? "(unnamed)"));

    private async Task OnInvokeDispatchAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Name == "adaptiveCard/action")
        {
            turn.InvokeResponse = AdaptiveCardAction.TryParse(turn.Activity, out var action, out var problem)
                ? await OnAdaptiveCardActionAsync(turn, action, cancellationToken)
                : InvokeResponse.Error(400, "BadRequest", problem);
            return;
        }
        if (turn.Activity.Name is MessageExtensionAction.FetchTaskName or MessageExtensionAction.SubmitActionName)
        {
            if (!MessageExtensionAction.TryParse(turn.Activity, out var command, out var invalid))
            {
                turn.InvokeResponse = InvokeResponse.BadRequest(invalid);
                return;
            }
            turn.InvokeResponse = turn.Activity.Name == MessageExtensionAction.FetchTaskName
                ? await OnMessageExtensionFetchTaskAsync(turn, command, cancellationToken)
                : await OnMessageExtensionSubmitActionAsync(turn, command, cancellationToken);
            return;
        }
        turn.InvokeResponse = await OnInvokeAsync(turn, cancellationToken);
    }
}

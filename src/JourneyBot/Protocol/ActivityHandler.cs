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
        turn.InvokeResponse = await OnInvokeAsync(turn, cancellationToken);
    }
}

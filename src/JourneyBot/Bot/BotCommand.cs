using JourneyBot.Protocol;

namespace JourneyBot.Bot;

// Where a command belongs in a program's life; help lists commands in this order.
public enum WorkflowStep { SetUp, Collect, Look, Review, Act, General }

// A text command a user can type; the help card lists them all, and offers a button for those that need nothing typed after them.
public sealed record BotCommand(
    string Name,
    string Description,
    Func<TurnContext, string, CancellationToken, Task> RunAsync)
{
    public WorkflowStep Step { get; init; } = WorkflowStep.General;
    public bool TakesArgument { get; init; }
}

// An Action.Execute verb a card can send.
public sealed record CardVerb(
    string Verb,
    Func<TurnContext, AdaptiveCardAction, CancellationToken, Task<InvokeResponse>> RunAsync);

// A message extension action command (manifest composeExtensions[].commands[].id): the dialog it opens, and what
// that dialog's buttons submit.
public sealed record MessageCommand(
    string Id,
    Func<TurnContext, MessageExtensionAction, CancellationToken, Task<InvokeResponse>> FetchAsync,
    Func<TurnContext, MessageExtensionAction, CancellationToken, Task<InvokeResponse>> SubmitAsync);

// What a capability offers the router: its commands and card verbs, and, if it cares, what happens when the
// bot is installed or removed, or a message arrives before its command runs. Each capability registers one or
// more; the router knows none of them by name.
public interface ICommandSource
{
    IEnumerable<BotCommand> Commands { get; }
    IEnumerable<CardVerb> Verbs { get; }
    IEnumerable<MessageCommand> MessageCommands => [];

    Task OnInstalledAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;
    Task OnUninstalledAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;
    Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;
}

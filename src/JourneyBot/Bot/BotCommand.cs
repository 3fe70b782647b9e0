using JourneyBot.Protocol;

namespace JourneyBot.Bot;

// A text command a user can type; the help card lists them all.
public sealed record BotCommand(
    string Name,
    string Description,
    Func<TurnContext, string, CancellationToken, Task> RunAsync);

// An Action.Execute verb a card can send.
public sealed record CardVerb(
    string Verb,
    Func<TurnContext, AdaptiveCardAction, CancellationToken, Task<InvokeResponse>> RunAsync);

// A capability's commands and card verbs; each capability registers one (or more) with the router.
public interface ICommandSource
{
    IEnumerable<BotCommand> Commands { get; }
    IEnumerable<CardVerb> Verbs { get; }
}

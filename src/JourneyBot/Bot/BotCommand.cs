using JourneyBot.Protocol;

namespace JourneyBot.Bot;

// A text command a user can type; capabilities register theirs and the help card lists them all.
public sealed record BotCommand(
    string Name,
    string Description,
    Func<TurnContext, string, CancellationToken, Task> RunAsync);

// An Action.Execute verb a card can send; capabilities register theirs.
public sealed record CardVerb(
    string Verb,
    Func<TurnContext, AdaptiveCardAction, CancellationToken, Task<InvokeResponse>> RunAsync);

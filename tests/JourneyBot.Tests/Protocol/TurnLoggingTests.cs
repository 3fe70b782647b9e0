using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using JourneyBot.Bot;
using JourneyBot.Protocol;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Tests.Protocol;

// Logs name the activity, conversation and tenant of every turn, and never carry what people typed or tokens.
public sealed class TurnLoggingTests : IAsyncLifetime
{
    private sealed class CapturingProvider : ILoggerProvider, ISupportExternalScope
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
        public void Dispose() { }

        private sealed class Logger(CapturingProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new List<string>();
                provider._scopes.ForEachScope((scope, list) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs) list.AddRange(pairs.Select(p => $"{p.Key}={p.Value}"));
                }, scopes);
                provider.Lines.Enqueue($"{logLevel} {formatter(state, exception)} {exception} [{string.Join(";", scopes)}]");
            }
        }
    }

    private readonly CapturingProvider _logs = new();
    private AzuriteServer _azurite = null!;
    private TestChannel _channel = null!;
    private BotApp _bot = null!;
    private readonly string _appId = Guid.NewGuid().ToString();

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        _channel = await TestChannel.StartAsync();
        _bot = BotApp.Authenticated(_azurite.ConnectionString, _channel, _appId, services =>
        {
            services.AddSingleton<ILoggerProvider>(_logs);
            services.AddSingleton<ICommandSource, Exploding>();
        }).Start();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _channel.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task TurnLogsCarryTheActivityConversationAndTenantButNotTheTextOrTheToken()
    {
        var chat = new Activities(_channel.ServiceUrl, _appId);
        const string secretText = "my-private-words-4711";
        // The connector fails, so the turn logs warnings and an error inside its scope.
        for (var i = 0; i < 10; i++) _channel.FailNext(503);
        var token = _channel.MintToken(_appId);

        await _bot.PostActivityAsync(chat.Message(secretText, id: "activity-under-test"), token);

        var turnLines = _logs.Lines.Where(l => l.Contains("ActivityId=activity-under-test")).ToList();
        Assert.NotEmpty(turnLines);
        Assert.All(turnLines, l => Assert.Contains($"ConversationId={chat.ConversationId}", l));
        Assert.All(turnLines, l => Assert.Contains($"TenantId={chat.TenantId}", l));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(secretText) || l.Contains(token));
    }

    // A command whose handler has a bug: the stand-in for any fault in JourneyBot's own code.
    private sealed class Exploding : ICommandSource
    {
        public IEnumerable<BotCommand> Commands => [new("explode", "A fault in our own code.", (_, _, _) => throw new InvalidOperationException("a bug in a handler"))];
        public IEnumerable<CardVerb> Verbs => [];
    }

    // Operators alert on faults in our own code apart from outages: the log says which, and the failed-turn counter
    // carries the cause.
    [Fact]
    public async Task AFaultInOurOwnCodeIsLoggedAndCountedApartFromAnOutage()
    {
        var failed = new ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "journeybot.turns.failed") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags) if (tag.Key == "cause") failed.Enqueue((string)tag.Value!);
        });
        listener.Start();
        var chat = new Activities(_channel.ServiceUrl, _appId);
        var token = _channel.MintToken(_appId);

        var bug = await _bot.PostActivityAsync(chat.Message("explode", id: "activity-with-a-bug"), token);
        for (var i = 0; i < 10; i++) _channel.FailNext(503);
        await _bot.PostActivityAsync(chat.Message("help", id: "activity-in-an-outage"), token);

        Assert.True((int)bug.StatusCode < 500, $"the person was told: HTTP {(int)bug.StatusCode}");
        Assert.Contains(_logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal)
            && l.Contains("failed in JourneyBot's own code: a bug in a handler") && l.Contains("ActivityId=activity-with-a-bug"));
        Assert.Contains(_logs.Lines, l => l.StartsWith("Warning ", StringComparison.Ordinal)
            && l.Contains("the Bot Framework connector did not answer") && l.Contains("ActivityId=activity-in-an-outage"));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains("own code") && l.Contains("ActivityId=activity-in-an-outage"));
        listener.RecordObservableInstruments();
        // The listener hears every test's turns in this process: both causes are among them.
        Assert.Contains("code", failed);
        Assert.Contains("dependency", failed);
    }

    [Theory]
    [InlineData(typeof(InvalidOperationException), null)]
    [InlineData(typeof(NullReferenceException), null)]
    [InlineData(typeof(HttpRequestException), "a service over the network")]
    [InlineData(typeof(TimeoutException), "a service that timed out")]
    public void FailuresAreToldApartByWhatThrew(Type type, string? dependency)
    {
        var e = (Exception)Activator.CreateInstance(type)!;

        Assert.Equal(dependency, TurnFailure.Dependency(e));
        Assert.Equal("storage", TurnFailure.Dependency(new Azure.RequestFailedException(500, "down")));
        Assert.Equal("storage", TurnFailure.Dependency(new InvalidOperationException("wrapped", new Azure.RequestFailedException(503, "down"))));
    }

    [Fact]
    public void TheTurnScopePrintsAsKeyValuePairs()
    {
        var activity = new JourneyBot.Protocol.Activity { Id = "a1", Conversation = new JourneyBot.Protocol.ConversationAccount { Id = "c1", TenantId = "t1" } };

        Assert.Equal("ActivityId=a1 ConversationId=c1 TenantId=t1", JourneyBot.Protocol.TurnScope.For(activity).ToString());
        Assert.Equal("ActivityId=- ConversationId=- TenantId=-", JourneyBot.Protocol.TurnScope.For(new JourneyBot.Protocol.Activity()).ToString());
    }
}

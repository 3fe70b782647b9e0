using System.Collections.Concurrent;
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
        _bot = BotApp.Authenticated(_azurite.ConnectionString, _channel, _appId, services => services.AddSingleton<ILoggerProvider>(_logs)).Start();
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

    [Fact]
    public void TheTurnScopePrintsAsKeyValuePairs()
    {
        var activity = new JourneyBot.Protocol.Activity { Id = "a1", Conversation = new JourneyBot.Protocol.ConversationAccount { Id = "c1", TenantId = "t1" } };

        Assert.Equal("ActivityId=a1 ConversationId=c1 TenantId=t1", JourneyBot.Protocol.TurnScope.For(activity).ToString());
        Assert.Equal("ActivityId=- ConversationId=- TenantId=-", JourneyBot.Protocol.TurnScope.For(new JourneyBot.Protocol.Activity()).ToString());
    }
}

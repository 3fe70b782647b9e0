using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Telemetry;
using Polly.Timeout;

namespace JourneyBot.Protocol;

// One connector call as the retry pipeline sees it. Attempts counts the requests made (for messages).
internal sealed record OutboundCall(HttpMethod Method, Uri Url, object? Body, SendPacer? Pacer, bool PostsActivity)
{
    public int Attempts { get; set; }
}

// What the connector client retries, and when. Polly (through Microsoft.Extensions.Http.Resilience) does the
// retrying: exponential backoff with jitter, Retry-After, the attempt timeout and their telemetry.
internal static class ConnectorResilience
{
    public static readonly ResiliencePropertyKey<OutboundCall> Call = new("journeybot.connector.call");

    public static ResiliencePipeline<HttpResponseMessage> Retries(ConnectorRetryOptions options, TimeProvider clock, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = "connector", TimeProvider = clock };
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            // Jitter, so instances that failed together do not retry together.
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.Properties.GetValue(Call, null!), options, clock)),
            OnRetry = args =>
            {
                var call = args.Context.Properties.GetValue(Call, null!);
                var status = args.Outcome.Result?.StatusCode;
                if (status == HttpStatusCode.TooManyRequests) call.Pacer?.Throttled(args.RetryDelay);
                logger.LogWarning("Connector answered {Answer} to {Method} {Path}; retrying in {Delay} ms (attempt {Attempt})",
                    status is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name,
                    call.Method, call.Url.AbsolutePath, (int)args.RetryDelay.TotalMilliseconds, call.Attempts);
                return default;
            },
        });
        return builder.ConfigureTelemetry(MetricsOnly).Build();
    }

    public static ResiliencePipeline AttemptTimeout(ConnectorRetryOptions options, TimeProvider clock) =>
        new ResiliencePipelineBuilder { Name = "connector-attempt", TimeProvider = clock }.AddTimeout(options.AttemptTimeout).ConfigureTelemetry(MetricsOnly).Build();

    // Polly's meter counts retries and timeouts; the log line is ours (OnRetry above), one per retry with the path,
    // rather than Polly's three.
    private static readonly TelemetryOptions MetricsOnly = new() { LoggerFactory = NullLoggerFactory.Instance };

    // Teams answered that it did not take the request (429, 5xx, 408): try again, unless it asks for a longer wait
    // than a call may take. No answer: a message may have been taken, so only a request that never left is sent
    // again; other calls (reads, updates in place, opening a 1:1 chat) are safe to repeat. Anything else (the
    // caller stopped, the pacer's claim check failed) ends the call as it is.
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, OutboundCall call, ConnectorRetryOptions options, TimeProvider clock) =>
        outcome switch
        {
            { Result: { } response } => HttpClientResiliencePredicates.IsTransient(outcome)
                && !(RetryAfter(response, clock) > options.MaxRetryAfter),
            { Exception: TimeoutRejectedException or HttpRequestException } => !call.PostsActivity || !MayHaveArrived(outcome.Exception),
            _ => false,
        };

    // Whether the request may have reached the connector: everything but a failure to open the connection.
    public static bool MayHaveArrived(Exception e) => e switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError } => false,
        HttpRequestException or TimeoutRejectedException => true,
        _ => false,
    };

    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}

using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Protocol;

// Turns one POST /api/messages into one turn: authenticate, parse, check, run the handler, answer.
public sealed class BotAdapter(
    ChannelAuthenticator authenticator,
    ConnectorClient connector,
    IServiceUrlTrust trust,
    BotSettings settings,
    ActivityHandler handler,
    ILogger<BotAdapter> logger)
{
    // Teams messages are far smaller; the cap only keeps a hostile body from being buffered whole.
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public async Task<IResult> ProcessAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var auth = await authenticator.AuthenticateRequestAsync(http.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null,
            http.Connection.RemoteIpAddress, cancellationToken);
        if (auth.Identity is null) return Unauthorized(auth.FailureReason!, null);

        if (http.Request.ContentLength > MaxBodyBytes) return Problem(StatusCodes.Status413PayloadTooLarge, $"The activity is larger than {MaxBodyBytes} bytes.");
        Activity activity;
        try
        {
            var body = await ReadBodyAsync(http.Request, cancellationToken);
            if (body is null) return Problem(StatusCodes.Status413PayloadTooLarge, $"The activity is larger than {MaxBodyBytes} bytes.");
            activity = ActivityJson.Parse(body);
        }
        catch (JsonException e)
        {
            return Problem(StatusCodes.Status400BadRequest, $"The body is not a valid activity: {e.Message}");
        }
        if (ActivityJson.FindMissingRequiredField(activity) is { } missing)
        {
            return Problem(StatusCodes.Status400BadRequest, $"The activity is missing the required field '{missing}'.");
        }

        if (authenticator.CheckActivity(auth.Identity, activity) is { } refusal) return Unauthorized(refusal, activity.Id);
        if (InboundLimits.FindProblem(activity, settings) is { } problem) return Problem(StatusCodes.Status400BadRequest, problem);

        using var scope = logger.BeginScope(TurnScope.For(activity));
        using var trace = BotMetrics.Tracing.StartActivity($"turn {activity.Type}");
        trace?.SetTag("bot.activity.type", activity.Type);
        trace?.SetTag("bot.conversation.id", activity.Conversation!.Id);
        trace?.SetTag("bot.activity.id", activity.Id);

        var turn = new TurnContext(activity, auth.Identity, connector);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            // Inside the turn's error handling: storage that is down answers like any failed turn.
            await trust.RememberAsync(activity.ServiceUrl!, cancellationToken);
            await handler.OnTurnAsync(turn, cancellationToken);
            if (activity.Type == ActivityTypes.Invoke)
            {
                var invoke = turn.InvokeResponse ?? InvokeResponse.NotImplemented(activity.Name ?? "(unnamed)");
                return Results.Json(invoke.Body, statusCode: invoke.Status);
            }
            return Results.Ok();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var dependency = TurnFailure.Dependency(e);
            outcome = dependency is null ? "failed-code" : "failed-dependency";
            BotMetrics.FailedTurns.Add(1, new TagList { { "activity.type", activity.Type }, { "cause", dependency is null ? "code" : "dependency" } });
            if (dependency is null) logger.LogError(e, "The turn for a {ActivityType} activity failed in JourneyBot's own code: {Cause}", activity.Type, e.Message);
            else logger.LogWarning(e, "The turn for a {ActivityType} activity failed: {Dependency} did not answer", activity.Type, dependency);
            return await AnswerFailureAsync(turn, outage: dependency is not null);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var tags = new TagList { { "activity.type", activity.Type }, { "outcome", outcome } };
            BotMetrics.Turns.Add(1, tags);
            BotMetrics.TurnDuration.Record(elapsed, tags);
        }
    }

    // A message gets an apology in the chat. An invoke gets an error, so Teams keeps the card with what the person
    // typed; events get a retryable status, so the channel delivers them again (an install is not lost). An outage
    // answers 503 with Retry-After; a fault in our own code answers 500, since trying again will not help.
    private async Task<IResult> AnswerFailureAsync(TurnContext turn, bool outage)
    {
        const string apology = "Sorry, something went wrong on our side and nothing was changed. Please try again in a minute.";
        var (status, code) = outage ? (StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable") : (StatusCodes.Status500InternalServerError, "InternalServerError");
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            var error = InvokeResponse.Error(status, code, apology);
            var json = Results.Json(error.Body, statusCode: error.Status);
            return outage ? Retryable(json) : json;
        }
        if (turn.Activity.Type != ActivityTypes.Message) return outage ? Retryable(Results.StatusCode(status)) : Results.StatusCode(status);
        try
        {
            await turn.SendTextAsync(apology, CancellationToken.None);
            return Results.Ok();
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or TaskCanceledException)
        {
            logger.LogError(e, "Could not tell the user about the failed turn");
            return Retryable(Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        }
    }

    private static IResult Retryable(IResult result) => new WithRetryAfter(result, RetryAfterSeconds);

    private const int RetryAfterSeconds = 10;

    private sealed class WithRetryAfter(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private IResult Unauthorized(string reason, string? activityId)
    {
        BotMetrics.Rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
        authenticator.LogRejected(reason, activityId);
        return Results.Json(new { error = "unauthorized" }, statusCode: StatusCodes.Status401Unauthorized);
    }

    private static IResult Problem(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}

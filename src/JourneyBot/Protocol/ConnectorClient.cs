using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Protocol;

public sealed record ResourceResponse(string? Id);

public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

// Outbound Bot Connector REST calls (v3). Calls go only to trusted serviceUrls; tokens never go to loopback ones.
public sealed class ConnectorClient(
    HttpClient http,
    ConnectorTokenProvider tokens,
    IServiceUrlTrust trust,
    ConnectorRetryOptions retry,
    TimeProvider clock,
    ILogger<ConnectorClient> logger)
{
    // With a pacer, every attempt (retries too) first waits for its turn, and a 429 pauses the pacer.
    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, SendPacer pacer, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, cancellationToken, pacer);

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, cancellationToken);

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, cancellationToken);

    // Teams: a 1:1 conversation between the bot and a member of the tenant.
    public Task<ConversationResourceResponse> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string botId, string memberId, CancellationToken cancellationToken)
    {
        var body = new CreateConversationRequest(
            Bot: new ChannelAccount { Id = botId },
            Members: [new ChannelAccount { Id = memberId }],
            IsGroup: false,
            TenantId: tenantId,
            ChannelData: JsonSerializer.SerializeToElement(new { tenant = new { id = tenantId } }));
        return SendAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", body, cancellationToken);
    }

    public Task<ChannelAccount> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken) =>
        SendAsync<ChannelAccount>(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}", null, cancellationToken);

    private sealed record CreateConversationRequest(
        ChannelAccount Bot, ChannelAccount[] Members, bool IsGroup, string TenantId, JsonElement ChannelData);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private async Task<T> SendAsync<T>(HttpMethod method, string serviceUrl, string path, object? body, CancellationToken cancellationToken, SendPacer? pacer = null)
    {
        if (!Uri.TryCreate(serviceUrl.TrimEnd('/') + "/", UriKind.Absolute, out var baseUrl)
            || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ConnectorException($"'{serviceUrl}' is not a connector URL.");
        }
        if (!await trust.IsTrustedAsync(serviceUrl, cancellationToken))
        {
            throw new ConnectorException($"Refusing to call '{baseUrl.Host}': it was never learnt from an authenticated inbound activity.");
        }

        var url = new Uri(baseUrl, path);
        for (var attempt = 1; ; attempt++)
        {
            var answered = pacer is null ? null : await pacer.WaitTurnAsync();
            using var request = new HttpRequestMessage(method, url);
            if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: ActivityJson.Options);

            TimeSpan delay;
            try
            {
                using var response = await SendPacedAsync(request, baseUrl, answered, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    if (response.Content.Headers.ContentLength == 0) return default!;
                    var text = await response.Content.ReadAsStringAsync(cancellationToken);
                    return string.IsNullOrWhiteSpace(text) ? default! : JsonSerializer.Deserialize<T>(text, ActivityJson.Options)!;
                }

                var status = response.StatusCode;
                var retryable = status == HttpStatusCode.TooManyRequests || (int)status >= 500 || status == HttpStatusCode.RequestTimeout;
                if (!retryable || attempt >= retry.MaxAttempts)
                {
                    throw new ConnectorException($"{method} {url.AbsolutePath} failed with {(int)status} {status} after {attempt} attempt(s).", status);
                }
                delay = status == HttpStatusCode.TooManyRequests ? RetryAfter(response) ?? Backoff(attempt) : Backoff(attempt);
                if (status == HttpStatusCode.TooManyRequests) pacer?.Throttled(delay);
                if (delay > retry.MaxRetryAfter)
                {
                    throw new ConnectorException($"{method} {url.AbsolutePath} was throttled for {delay.TotalSeconds:0} s, longer than we wait inside a call.", status);
                }
                logger.LogWarning("Connector answered {Status} to {Method} {Path}; retrying in {Delay} ms (attempt {Attempt})",
                    (int)status, method, url.AbsolutePath, (int)delay.TotalMilliseconds, attempt);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested && method == HttpMethod.Post && path.EndsWith("/activities", StringComparison.Ordinal))
            {
                // The message went out and no answer came in time: Teams may have taken it. Sending it again could
                // post it twice, so the caller hears it may have arrived and does not repeat it.
                throw new ConnectorException($"{method} {url.AbsolutePath} got no answer in time; not sent again, since Teams may have taken it.", null, e) { MayHaveArrived = true };
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= retry.MaxAttempts)
                {
                    throw new ConnectorException($"{method} {url.AbsolutePath} could not reach the connector after {attempt} attempt(s): {e.Message}", null, e);
                }
                delay = Backoff(attempt);
                logger.LogWarning("Connector call {Method} {Path} failed ({Error}); retrying in {Delay} ms", method, url.AbsolutePath, e.GetType().Name, (int)delay.TotalMilliseconds);
            }
            await Task.Delay(delay, clock, cancellationToken);
        }
    }

    // The pacer hears when the request was answered (or failed), whatever happened.
    private async Task<HttpResponseMessage> SendPacedAsync(HttpRequestMessage request, Uri baseUrl, Action? answered, CancellationToken cancellationToken)
    {
        try
        {
            // The Playground's mock connector and local fakes live on loopback: never hand them a real token.
            if (!baseUrl.IsLoopback && await tokens.GetTokenAsync(cancellationToken) is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            return await http.SendAsync(request, cancellationToken);
        }
        finally
        {
            answered?.Invoke();
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }

    // Exponential backoff with full jitter, so instances that failed together do not retry together.
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(retry.MaxDelay.TotalMilliseconds, retry.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }
}

// Paces one logical send: WaitTurnAsync before each attempt, returning what to call once that attempt was answered;
// Throttled when Teams answered 429 for this long.
public sealed record SendPacer(Func<Task<Action>> WaitTurnAsync, Action<TimeSpan> Throttled);

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace JourneyBot.Protocol;

public sealed record ResourceResponse(string? Id);

public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

public sealed record PagedMembersResult(string? ContinuationToken, ChannelAccount[]? Members);

// Outbound Bot Connector REST calls (v3). Calls go only to trusted serviceUrls; tokens never go to loopback ones.
// Retries, backoff, Retry-After and the attempt timeout are a Polly pipeline (ConnectorResilience); what is ours
// runs inside each attempt: the pacer's turn (and the scheduler's claim check with it) and the token.
public sealed class ConnectorClient(
    HttpClient http,
    ConnectorTokenProvider tokens,
    IServiceUrlTrust trust,
    ConnectorRetryOptions retry,
    TimeProvider clock,
    ILogger<ConnectorClient> logger)
{
    private readonly ResiliencePipeline<HttpResponseMessage> _retries = ConnectorResilience.Retries(retry, clock, logger);
    private readonly ResiliencePipeline _attemptTimeout = ConnectorResilience.AttemptTimeout(retry, clock);

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

    // One page of the conversation's members (Teams allows up to 500 per page); the token asks for the next.
    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        SendAsync<PagedMembersResult>(HttpMethod.Get, serviceUrl,
            $"v3/conversations/{Escape(conversationId)}/pagedmembers?pageSize={pageSize}" + (continuationToken is null ? "" : "&continuationToken=" + Escape(continuationToken)),
            null, cancellationToken);

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

        var call = new OutboundCall(method, new Uri(baseUrl, path), body, pacer, PostsActivity: method == HttpMethod.Post && path.Contains("/activities", StringComparison.Ordinal));
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ConnectorResilience.Call, call);
        HttpResponseMessage response;
        try
        {
            response = await _retries.ExecuteAsync(static (ctx, state) => state.Client.AttemptAsync(state.Call, ctx.CancellationToken), context, (Client: this, Call: call));
        }
        catch (Exception e) when (call.PostsActivity && ConnectorResilience.MayHaveArrived(e))
        {
            // The message went out and no answer came (in time, or whole): Teams may have taken it. Sending it again
            // could post it twice, so the caller hears it may have arrived and does not repeat it.
            throw new ConnectorException($"{method} {call.Url.AbsolutePath} got no answer ({e.Message}); not sent again, since Teams may have taken it.", null, e) { MayHaveArrived = true };
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException)
        {
            throw new ConnectorException($"{method} {call.Url.AbsolutePath} could not reach the connector after {call.Attempts} attempt(s): {e.Message}", null, e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                if (response.Content.Headers.ContentLength == 0) return default!;
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                return string.IsNullOrWhiteSpace(text) ? default! : JsonSerializer.Deserialize<T>(text, ActivityJson.Options)!;
            }
            var status = response.StatusCode;
            if (ConnectorResilience.RetryAfter(response, clock) is { } wait && wait > retry.MaxRetryAfter)
            {
                if (status == HttpStatusCode.TooManyRequests) pacer?.Throttled(wait);
                throw new ConnectorException($"{method} {call.Url.AbsolutePath} was throttled for {wait.TotalSeconds:0} s, longer than we wait inside a call.", status);
            }
            throw new ConnectorException($"{method} {call.Url.AbsolutePath} failed with {(int)status} {status} after {call.Attempts} attempt(s).", status);
        }
    }

    // One attempt: its turn with the pacer, then the request. The pacer hears when it was answered (or failed).
    private async ValueTask<HttpResponseMessage> AttemptAsync(OutboundCall call, CancellationToken cancellationToken)
    {
        var answered = call.Pacer is null ? null : await call.Pacer.WaitTurnAsync();
        call.Attempts++;
        try
        {
            using var request = new HttpRequestMessage(call.Method, call.Url);
            if (call.Body is not null) request.Content = JsonContent.Create(call.Body, call.Body.GetType(), options: ActivityJson.Options);
            // The Playground's mock connector and local fakes live on loopback: never hand them a real token.
            if (!call.Url.IsLoopback && await tokens.GetTokenAsync(cancellationToken) is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            return await _attemptTimeout.ExecuteAsync(
                static async (state, ct) => await state.Http.SendAsync(state.Request, ct), (Http: http, Request: request), cancellationToken);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's own timeout (when it is shorter than ours) means the same as ours.
            throw new TimeoutRejectedException($"No answer within the HttpClient's timeout of {http.Timeout.TotalSeconds:0} s.", e);
        }
        finally
        {
            answered?.Invoke();
        }
    }
}

// Paces one logical send: WaitTurnAsync before each attempt, returning what to call once that attempt was answered;
// Throttled when Teams answered 429 for this long.
public sealed record SendPacer(Func<Task<Action>> WaitTurnAsync, Action<TimeSpan> Throttled);

using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JourneyBot.Protocol;

public sealed record ChannelIdentity(bool IsAnonymous, ClaimsIdentity? Claims, ChannelSigningKey? SigningKey);

public sealed record AuthOutcome(ChannelIdentity? Identity, string? FailureReason)
{
    public static AuthOutcome Fail(string reason) => new(null, reason);
}

// Inbound authentication per the Bot Connector spec: a channel-signed JWT for this bot's app id, or — only when
// no app id is configured — an unauthenticated request from this machine.
public sealed class ChannelAuthenticator(BotSettings settings, OpenIdKeyCache keys, ILogger<ChannelAuthenticator> logger)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    public const string TeamsChannelId = "msteams";
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<AuthOutcome> AuthenticateRequestAsync(string? authorizationHeader, IPAddress? remoteAddress, CancellationToken cancellationToken)
    {
        if (settings.IsAnonymous)
        {
            return remoteAddress is not null && IPAddress.IsLoopback(remoteAddress)
                ? new AuthOutcome(new ChannelIdentity(true, null, null), null)
                : AuthOutcome.Fail("no MicrosoftAppId is configured, so only loopback callers are accepted");
        }

        if (string.IsNullOrEmpty(authorizationHeader)) return AuthOutcome.Fail("no Authorization header");
        if (!authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthOutcome.Fail("Authorization is not a Bearer token");
        var token = authorizationHeader["Bearer ".Length..].Trim();

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            return AuthOutcome.Fail("malformed token");
        }

        if (string.IsNullOrEmpty(jwt.Kid)) return AuthOutcome.Fail("token names no signing key");
        var signingKey = await keys.GetKeyAsync(jwt.Kid, cancellationToken);
        if (signingKey is null) return AuthOutcome.Fail("unknown signing key");

        var result = await _handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuer = settings.TokenIssuer,
            ValidAudience = settings.AppId,
            IssuerSigningKey = signingKey.Key,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
        });
        if (!result.IsValid)
        {
            return AuthOutcome.Fail(TokenFailure.Describe(result.Exception));
        }
        return new AuthOutcome(new ChannelIdentity(false, result.ClaimsIdentity, signingKey), null);
    }

    // Checks that need the activity: the token was minted for this serviceUrl and its key speaks for this channel.
    public string? CheckActivity(ChannelIdentity identity, Activity activity)
    {
        if (identity.IsAnonymous)
        {
            return Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var url) && url.IsLoopback
                ? null
                : "no MicrosoftAppId is configured, so only loopback serviceUrls are accepted";
        }

        // JourneyBot is a Teams app: a key endorsed for another channel speaks for that channel only.
        if (!string.Equals(activity.ChannelId, TeamsChannelId, StringComparison.OrdinalIgnoreCase)) return "the activity is not from the msteams channel";

        var claimed = identity.Claims?.FindFirst("serviceurl")?.Value;
        if (claimed is null || !SameServiceUrl(claimed, activity.ServiceUrl!)) return "serviceUrl does not match the token";

        if (!identity.SigningKey!.Endorsements.Contains(activity.ChannelId!, StringComparer.OrdinalIgnoreCase))
        {
            return "signing key is not endorsed for the channel";
        }
        return null;
    }

    public static bool SameServiceUrl(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    public void LogRejected(string reason, string? activityId) =>
        logger.LogWarning("Rejected an inbound request: {Reason} (activity {ActivityId})", reason, activityId ?? "unknown");
}

using System.Net;
using JourneyBot.Protocol;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JourneyBot.Map;

// The person looking at the tab: Entra object id within a tenant, as chat knows them.
// Groups: the token's groups claim (Entra puts it in when the tab registration asks for it); GroupsOverage when
// the person is in too many groups for the token to list (Entra then names the claim in _claim_names instead).
public sealed record TabUser(string TenantId, string ObjectId, string Name)
{
    public IReadOnlyList<string> Groups { get; init; } = [];
    public bool GroupsOverage { get; init; }
}

public sealed record TabAuthOutcome(TabUser? User, string? FailureReason);

// Teams SSO tokens for the tab: Entra ID v2 access tokens for our tab registration, signed with a key from the
// Entra OpenID metadata (through the same key cache the bot uses for the channel), issued by the user's own
// tenant and carrying the tab's scope. Local development: loopback callers are the named local user.
public sealed class TabAuthenticator(MapSettings settings, OpenIdKeyCache keys, ILogger<TabAuthenticator> logger)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<TabAuthOutcome> AuthenticateAsync(string? authorizationHeader, IPAddress? remoteAddress, CancellationToken cancellationToken)
    {
        if (settings.IsLocal)
        {
            return remoteAddress is not null && IPAddress.IsLoopback(remoteAddress)
                ? new(new TabUser(settings.LocalTenantId, settings.LocalUserObjectId, settings.LocalUserName), null)
                : Fail("no tab client id is configured, so only loopback callers are accepted");
        }
        if (settings.ClientId is null) return Fail("the map tab has no Map:ClientId");
        if (string.IsNullOrEmpty(authorizationHeader) || !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Fail("no Bearer token");

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(authorizationHeader["Bearer ".Length..].Trim());
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            return Fail("malformed token");
        }
        if (string.IsNullOrEmpty(jwt.Kid)) return Fail("token names no signing key");
        ChannelSigningKey? key;
        try
        {
            key = await keys.GetKeyAsync(jwt.Kid, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return Fail("signing keys unavailable");
        }
        if (key is null) return Fail("unknown signing key");

        var result = await _handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidAudience = settings.ClientId,
            // Any tenant may sign in, but each token must come from the tenant it names.
            IssuerValidator = (issuer, token, parameters) => token is JsonWebToken t && t.TryGetPayloadValue<string>("tid", out var tid)
                && Guid.TryParse(tid, out _) && issuer == $"https://login.microsoftonline.com/{tid}/v2.0"
                    ? issuer
                    : throw new SecurityTokenInvalidIssuerException("issuer does not match the token's tenant"),
            IssuerSigningKey = key.Key,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
        });
        if (!result.IsValid)
        {
            return Fail(TokenFailure.Describe(result.Exception));
        }
        var claims = result.ClaimsIdentity;
        var scopes = (claims.FindFirst("scp")?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!scopes.Contains(MapSettings.Scope, StringComparer.Ordinal)) return Fail("token lacks the access_as_user scope");
        var oid = claims.FindFirst("oid")?.Value;
        var tenant = claims.FindFirst("tid")?.Value;
        if (string.IsNullOrEmpty(oid) || string.IsNullOrEmpty(tenant)) return Fail("token names no user");
        return new(new TabUser(tenant, oid, claims.FindFirst("name")?.Value ?? "Someone")
        {
            Groups = claims.FindAll("groups").Select(c => c.Value).ToList(),
            GroupsOverage = claims.FindFirst("hasgroups") is not null
                || (claims.FindFirst("_claim_names")?.Value.Contains("\"groups\"", StringComparison.Ordinal) ?? false),
        }, null);
    }

    private TabAuthOutcome Fail(string reason)
    {
        // The reason only: never the token, the program or anything it holds.
        logger.LogInformation("Refused a map tab request: {Reason}", reason);
        return new(null, reason);
    }
}

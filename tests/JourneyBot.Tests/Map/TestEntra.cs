using System.Net;
using System.Security.Cryptography;
using JourneyBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JourneyBot.Tests.Map;

// Stands in for Entra ID on loopback: OpenID metadata and keys, and Teams SSO tokens (v2 access tokens) signed
// with them, shaped like the ones Teams hands a tab.
public sealed class TestEntra : IAsyncDisposable
{
    public const string KeyId = "entra-test-key";
    public const string TeamsWebClient = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346";
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = KeyId };

    public string BaseUrl { get; }
    public string MetadataUrl => BaseUrl + "/common/v2.0/.well-known/openid-configuration";

    private TestEntra(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<TestEntra> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var entra = new TestEntra(app, $"http://127.0.0.1:{port}");
        app.MapGet("/common/v2.0/.well-known/openid-configuration", () => Results.Json(new
        {
            issuer = "https://login.microsoftonline.com/{tenantid}/v2.0",
            jwks_uri = entra.BaseUrl + "/common/discovery/v2.0/keys",
        }));
        app.MapGet("/common/discovery/v2.0/keys", () =>
        {
            var p = entra._key.Rsa.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
        });
        await app.StartAsync();
        return entra;
    }

    public string Token(string tenantId, string objectId, string audience, string scope = "access_as_user", string? issuer = null,
        DateTime? expires = null, RsaSecurityKey? signWith = null, string name = "Test Person", IReadOnlyList<string>? groups = null,
        IReadOnlyDictionary<string, object>? extraClaims = null)
    {
        var now = DateTime.UtcNow;
        var exp = expires ?? now.AddHours(1);
        var nbf = exp < now ? exp.AddHours(-1) : now.AddMinutes(-1);
        var key = signWith ?? _key;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? $"https://login.microsoftonline.com/{tenantId}/v2.0",
            Audience = audience,
            IssuedAt = nbf,
            NotBefore = nbf,
            Expires = exp,
            Claims = new Dictionary<string, object>
            {
                ["tid"] = tenantId, ["oid"] = objectId, ["scp"] = scope, ["azp"] = TeamsWebClient, ["name"] = name,
                ["preferred_username"] = "person@example.test", ["ver"] = "2.0",
            }.Concat(groups is null ? [] : [new KeyValuePair<string, object>("groups", groups.ToArray())])
                .Concat(extraClaims ?? new Dictionary<string, object>())
                .ToDictionary(),

            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key.Rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    // Same key id, different key: a forged signature.
    public static RsaSecurityKey ForgedKey() => new(RSA.Create(2048)) { KeyId = KeyId };

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

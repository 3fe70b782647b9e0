using Microsoft.IdentityModel.Tokens;

namespace JourneyBot.Protocol;

// Why a JWT was refused, in words for the log (never for the caller): one wording for the bot's and the tab's tokens.
public static class TokenFailure
{
    public static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "bad signature",
        SecurityTokenNoExpirationException => "token has no expiry",
        _ => "invalid token",
    };
}

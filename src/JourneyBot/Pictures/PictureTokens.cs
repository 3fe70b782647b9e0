using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Buffers.Text;

namespace JourneyBot.Pictures;

// A picture's URL token: "{snapshotId}.{expiry, Unix seconds}.{signature}". The snapshot id is itself derived with
// the key, so it says nothing about the program and cannot be guessed; the signature is an HMAC-SHA256 over the
// snapshot id and expiry bound to the tenant and program whose row it names, so a token works only for that one
// card's picture, only until it expires, and only while its row says it belongs to that tenant and program.
public static class PictureTokens
{
    public static string SnapshotId(byte[] key, string tenantId, string programId, string cardId) =>
        Base64Url.EncodeToString(Mac(key, $"snapshot|{tenantId}|{programId}|{cardId}"))[..22];

    public static string Issue(byte[] key, string tenantId, string programId, string snapshotId, DateTimeOffset expires)
    {
        var expiry = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = Mac(key, Signed(tenantId, programId, snapshotId, expiry));
        return $"{snapshotId}.{expiry}.{Base64Url.EncodeToString(mac)}";
    }

    // The snapshot id a well-formed, unexpired token names; the caller then checks Verify against its row.
    public static (string SnapshotId, string Expiry, byte[] Signature)? Read(string? token, DateTimeOffset now)
    {
        if (token is null || token.Length > 200 || token.Split('.') is not [var id, var expiry, var signature])
        {
            return null;
        }
        if (id.Length != 22 || !long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }
        if (seconds <= now.ToUnixTimeSeconds()) return null;
        byte[] mac;
        try
        {
            mac = Base64Url.DecodeFromChars(signature);
        }
        catch (FormatException)
        {
            return null;
        }
        return mac.Length == 32 ? (id, expiry, mac) : null;
    }

    public static bool Verify(byte[] key, string tenantId, string programId,
        (string SnapshotId, string Expiry, byte[] Signature) read) =>

        CryptographicOperations.FixedTimeEquals(Mac(key, Signed(tenantId, programId, read.SnapshotId, read.Expiry)),
            read.Signature);

    private static string Signed(string tenantId, string programId, string snapshotId, string expiry) =>
        $"picture|{tenantId}|{programId}|{snapshotId}|{expiry}";

    private static byte[] Mac(byte[] key, string text) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text));
}

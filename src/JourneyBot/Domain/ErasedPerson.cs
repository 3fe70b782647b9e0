using System.Security.Cryptography;
using System.Text;

namespace JourneyBot.Domain;

// Who stands where an erased person was (`erase-person`): one stable id per tenant and person, so two erased
// contributors still count as two and a second run writes the same marker, and one name for all of them. The id is
// a truncated hash, not the object id: it cannot be read back, though someone who knows the object id can compute it.
public static class ErasedPerson
{
    public const string IdPrefix = "erased-";
    public const string DisplayName = "Erased person";

    public static string IdFor(string tenantId, string aadObjectId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(
            $"journeybot-erased|{tenantId.Trim().ToLowerInvariant()}|{aadObjectId.Trim().ToLowerInvariant()}"));
        return IdPrefix + Convert.ToHexStringLower(hash)[..16];
    }

    public static Person For(string tenantId, string aadObjectId) => new(IdFor(tenantId, aadObjectId), DisplayName);

    // Object ids from Entra are GUIDs, so nothing real starts with the prefix.
    public static bool Is(string? aadObjectId) =>
        aadObjectId is not null && aadObjectId.StartsWith(IdPrefix, StringComparison.Ordinal);

    public static bool Is(Person person) => Is(person.AadObjectId);
}

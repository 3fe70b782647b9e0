using System.Text.RegularExpressions;
using Azure;

namespace JourneyBot.Storage;

// The version of a row as a card carries it back. A client never gets "match any version" semantics: a missing,
// empty, "*" or malformed version is no version, and the caller answers "this card is out of date".
public static partial class RowVersion
{
    public static ETag? FromCard(string? text) => text is { Length: <= 128 } && TableETag().IsMatch(text) ? new ETag(text) : null;

    [GeneratedRegex("""^W/"datetime'[0-9A-Za-z%.:\-]{1,64}'"$""", RegexOptions.CultureInvariant)]
    private static partial Regex TableETag();
}

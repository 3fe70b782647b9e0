using System.Text;

namespace JourneyBot.Storage;

// Table keys may not contain / \ # ? or control characters; Teams ids can. Percent-encode just those
// (and % itself) so keys stay readable and unique.
public static class TableKey
{
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '%' or '/' or '\\' or '#' or '?' || char.IsControl(c)) builder.Append('%').Append(((int)c).ToString("X2"));
            else builder.Append(c);
        }
        return builder.ToString();
    }

    public static string Decode(string key) => Uri.UnescapeDataString(key);
}

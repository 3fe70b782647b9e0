using System.Globalization;
using System.Text.RegularExpressions;

namespace JourneyBot.Domain;

// Numbers as people type them: "38%", "1,200 emails", "€ 20.000", "3,5". The unit typed with the number comes back
// apart, so the caller can keep it. The app runs with invariant globalization, so the decimal mark of a locale comes
// from its language: those listed write "3,5" for three and a half.
public static partial class NumberText
{
    private static readonly HashSet<string> DecimalCommaLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        "de", "fr", "es", "it", "nl", "pt", "sv", "da", "fi", "nb", "nn", "no", "pl", "cs", "sk", "ru", "uk", "tr", "el", "hu", "ro", "bg", "hr", "sl", "sr",
        "lt", "lv", "et", "id", "vi", "ca", "eu", "gl", "is",
    };

    public static bool UsesDecimalComma(string? locale) =>
        locale is { Length: >= 2 } && DecimalCommaLanguages.Contains(locale.Split('-', '_')[0]);

    public static bool TryRead(string text, bool decimalComma, out decimal value, out string? unit)
    {
        value = 0;
        unit = null;
        var match = Shape().Match(text);
        if (!match.Success) return false;
        var digits = match.Groups["num"].Value.Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", "").Replace("'", "").Replace("\u2019", "");
        var lastComma = digits.LastIndexOf(',');
        var lastDot = digits.LastIndexOf('.');
        string normal;
        if (lastComma >= 0 && lastDot >= 0)
        {
            // Both marks: the last one is the decimal mark, the other groups thousands.
            normal = lastComma > lastDot ? digits.Replace(".", "").Replace(',', '.') : digits.Replace(",", "");
        }
        else if (lastComma >= 0)
        {
            normal = !decimalComma && Grouped(',').IsMatch(digits) ? digits.Replace(",", "") : digits.Replace(',', '.');
        }
        else if (lastDot >= 0)
        {
            normal = decimalComma && Grouped('.').IsMatch(digits) ? digits.Replace(".", "") : digits;
        }
        else normal = digits;
        if (normal.Count(c => c == '.') > 1 || !decimal.TryParse(normal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return false;
        var written = (match.Groups["pre"].Value + match.Groups["suf"].Value).Trim();
        unit = written.Length > 0 ? written : null;
        return true;
    }

    private static Regex Grouped(char mark) => mark == ',' ? CommaGroups() : DotGroups();

    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+$")]
    private static partial Regex CommaGroups();

    [GeneratedRegex(@"^[+-]?\d{1,3}(\.\d{3})+$")]
    private static partial Regex DotGroups();

    [GeneratedRegex(@"^\s*(?<pre>[€$£¥])?\s*(?<num>[+-]?\d[\d\s\u00A0\u202F.,'’]*)\s*(?<suf>%|[\p{L}€$£¥][\p{L}\s/€$£¥.]{0,19})?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}

using System.Globalization;
using System.Net;

namespace JourneyBot.Map;

// Everything a person typed goes through E: shown literally, never as markup.
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Signed(double value) => (value > 0 ? "+" : "") + value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}

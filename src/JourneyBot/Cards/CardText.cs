using System.Text;
using System.Text.RegularExpressions;

namespace JourneyBot.Cards;

public static partial class CardText
{
    private const string InlineMarkdown = "\\`*_[]<>#~|";

    // What people typed, shown as typed: Markdown and markup in it must not format (or forge) the card.
    public static string Literal(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (InlineMarkdown.Contains(c)) builder.Append('\\');
            builder.Append(c);
        }
        // A line that starts like a list item or a heading would be formatted as one; Teams ends lines at \r too.
        var literal = ListMarker().Replace(builder.ToString(), m => m.Groups["start"].Value + m.Groups["space"].Value
            + (m.Groups["number"].Success ? m.Groups["number"].Value + "\\." : "\\" + m.Groups["bullet"].Value));
        // A last line of digits becomes a numbered item when the card's own text goes on with a full stop: an
        // invisible word joiner keeps the two apart.
        return TrailingNumber().IsMatch(literal) ? literal + "\u2060" : literal;
    }

    // Long texts on summary cards are cut so a card stays small whatever people typed: at the last word that fits
    // (unless that leaves less than half), never inside a character made of two UTF-16 units.
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text[..(max - 1)];
        if (cut.Length > 0 && char.IsHighSurrogate(cut[^1])) cut = cut[..^1];
        var space = cut.LastIndexOfAny([' ', '\n', '\t']);
        if (space >= max / 2 && !char.IsWhiteSpace(text[cut.Length])) cut = cut[..space];
        return cut.TrimEnd(' ', '\n', '\t', ',', ';', ':') + "…";
    }

    // "42%": no culture's spacing or sign placement, the same in every card.
    public static string Percent(double share) => $"{Math.Round(share * 100):0}%";

    [GeneratedRegex(@"(?<start>^|[\r\n])(?<space>[ \t]*)(?:(?<bullet>[-+])|(?<number>\d+)\.)", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"(?:^|[\r\n])[ \t]*\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingNumber();
}

using System.Net;
using System.Text;

namespace JourneyBot.MessageActions;

// A Teams message body as plain text: what a person would read in the message, never markup. HTML bodies have
// their tags dropped (script and style with their content), block ends and <br> become line breaks, <at> mentions
// and links become their text, emoji and images their alt text, and entities are decoded once, after the tags are
// gone, so "&lt;b&gt;" stays the text "<b>". Half surrogate pairs and control characters do not survive either.
public static class MessageText
{
    // Teams bodies are far shorter (about 28 KB); a hostile one is cut before any work.
    public const int MaxRead = 64 * 1024;

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "p", "div", "li", "ul", "ol", "tr", "table", "blockquote", "pre",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    };

    private static readonly HashSet<string> Dropped =
        new(StringComparer.OrdinalIgnoreCase) { "script", "style", "head" };

    public static string FromBody(string? content, string? contentType)
    {
        if (string.IsNullOrEmpty(content)) return "";
        if (content.Length > MaxRead) content = content[..MaxRead];
        var text = string.Equals(contentType, "html", StringComparison.OrdinalIgnoreCase) ? FromHtml(content) : content;
        return Clean(text);
    }

    private static string FromHtml(string html)
    {
        var text = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<')
            {
                // Source line breaks are only spacing in HTML; the tags say where lines end.
                text.Append(c is '\r' or '\n' or '\t' ? ' ' : c);
                i++;
                continue;
            }
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }
            var end = html.IndexOf('>', i + 1);
            var nameStart = i + 1 < html.Length && html[i + 1] == '/' ? i + 2 : i + 1;
            if (end < 0 || nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                // Not a tag ("a < b" written by hand): the character is text.
                text.Append(c);
                i++;
                continue;
            }
            var nameEnd = nameStart;
            while (nameEnd < end && char.IsAsciiLetterOrDigit(html[nameEnd])) nameEnd++;
            var name = html[nameStart..nameEnd];
            var tag = html.AsSpan(i, end - i + 1);
            var closing = nameStart == i + 2;
            i = end + 1;
            if (!closing && Dropped.Contains(name) && !tag.EndsWith("/>"))
            {
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                var closeEnd = close < 0 ? -1 : html.IndexOf('>', close);
                i = closeEnd < 0 ? html.Length : closeEnd + 1;
                continue;
            }
            if (Blocks.Contains(name)) text.Append('\n');
            else if (!closing && (name.Equals("img", StringComparison.OrdinalIgnoreCase)
                || name.Equals("emoji", StringComparison.OrdinalIgnoreCase))
                && Attribute(tag, "alt") is { Length: > 0 } alt)
            {
                text.Append(alt);
            }
        }
        return WebUtility.HtmlDecode(text.ToString());
    }

    // The value of a quoted attribute, as written (decoded with the rest of the text).
    private static string? Attribute(ReadOnlySpan<char> tag, string name)
    {
        var at = tag.IndexOf((" " + name + "=").AsSpan(), StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var rest = tag[(at + name.Length + 2)..];
        if (rest.Length == 0 || rest[0] is not ('"' or '\'')) return null;
        var quote = rest[0];
        var close = rest[1..].IndexOf(quote);
        return close < 0 ? null : rest.Slice(1, close).ToString();
    }

    // One space between words, one line break between lines and paragraphs, no half surrogate pairs (read as
    // U+FFFD), no control or bidirectional-override characters.
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            if (char.IsSurrogate(c)) c = '\uFFFD';
            else if (c is '\u00a0' or '\t' or '\r') c = c == '\r' ? '\n' : ' ';
            else if (c != '\n'
                && (char.IsControl(c) || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069'))
            {
                continue;
            }
            builder.Append(c);
        }
        var lines = builder.ToString().Split('\n')
            .Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        return string.Join('\n', lines.Where(l => l.Length > 0));
    }
}

using JourneyBot.MessageActions;

namespace JourneyBot.Tests.MessageActions;

// Teams message bodies as the plain text a person would read: no markup survives, nothing typed is lost.
public sealed class MessageTextTests
{
    [Theory]
    [InlineData("<p>one</p><p>two</p>", "one\ntwo")]
    [InlineData("a < b and c > d", "a < b and c > d")]
    [InlineData("x <3 y", "x <3 y")]
    [InlineData("&#60;script&#62;alert(1)&#60;/script&#62;", "<script>alert(1)</script>")]
    [InlineData("<script>alert(1)", "")]
    [InlineData("<SCRIPT type=x>alert(1)</SCRIPT >after", "after")]
    [InlineData("before<style>p { color: red }</style>after", "beforeafter")]
    [InlineData("<at id=\"0\">Ada</at>&nbsp;<at id=\"1\">Lovelace</at> hi", "Ada Lovelace hi")]
    [InlineData("<attachment id=\"abc\"></attachment>quoted reply", "quoted reply")]
    [InlineData("<emoji id=\"smile\" alt=\"🙂\" title=\"Smile\"></emoji> ok", "🙂 ok")]
    [InlineData("<img src=\"https://evil.example/x.png\" onerror=\"alert(1)\">", "")]
    [InlineData("<p   class='x'\n>spread\n over\r\n lines</p>", "spread over lines")]
    [InlineData("<!-- never closed", "")]
    [InlineData("<p>unterminated <b", "unterminated <b")]
    [InlineData("&amp;lt;b&amp;gt;", "&lt;b&gt;")]
    [InlineData("", "")]
    public void HtmlBecomesThePlainTextAPersonReads(string html, string text)
    {
        Assert.Equal(text, MessageText.FromBody(html, "html"));
    }

    [Fact]
    public void TextBodiesKeepTheirMarkupAsText()
    {
        Assert.Equal("<b>not bold</b>\n[x](https://evil.example)",
            MessageText.FromBody("<b>not bold</b>\r\n[x](https://evil.example)", "text"));
    }

    [Fact]
    public void HalfSurrogatePairsAndControlCharactersDoNotSurviveButWholeOnesDo()
    {
        Assert.Equal("a\ufffdb\ufffdc😀d", MessageText.FromBody("a\ud800b\udc00c😀d\u0001\u202e", "text"));
    }

    [Fact]
    public void AHostileBodyIsCutBeforeAnyWork()
    {
        var body = string.Concat(Enumerable.Repeat("<p>word </p>", 1_000_000));

        var text = MessageText.FromBody(body, "html");

        Assert.True(text.Length <= MessageText.MaxRead, $"{text.Length}");
        Assert.StartsWith("word\nword", text);
    }
}

using JourneyBot.Cards;

namespace JourneyBot.Tests.Cards;

public sealed class CardTextTests
{
    [Theory]
    [InlineData("**bold** and _em_", "\\*\\*bold\\*\\* and \\_em\\_")]
    [InlineData("<at>Everyone</at>", "\\<at\\>Everyone\\</at\\>")]
    [InlineData("[click](https://evil.example.com)", "\\[click\\](https://evil.example.com)")]
    [InlineData("# Heading", "\\# Heading")]
    [InlineData("- not a list\n1. nor this", "\\- not a list\n1\\. nor this")]
    [InlineData("a\r- b\r\n+ c\r2. d", "a\r\\- b\r\n\\+ c\r2\\. d")]
    [InlineData("Plain text, 2026-11-01.", "Plain text, 2026-11-01.")]
    public void PeoplesTextIsShownLiterally(string typed, string shown)
    {
        Assert.Equal(shown, CardText.Literal(typed));
    }

    [Fact]
    public void LongTextIsShortenedWithAnEllipsis()
    {
        Assert.Equal("abc…", CardText.Shorten("abcdefgh", 4));
        Assert.Equal("abc", CardText.Shorten("abc", 4));
    }
}

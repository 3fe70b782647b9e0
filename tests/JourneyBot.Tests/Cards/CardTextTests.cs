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

    [Theory]
    [InlineData("Customers get a wrong price in the email", 20, "Customers get a…")]
    [InlineData("Customers get a wrong price", 16, "Customers get a…")]
    [InlineData("Short words, then averyveryverylongword", 20, "Short words, then…")]
    [InlineData("Onewordthatgoesonandon and on", 10, "Onewordth…")]
    public void LongTextIsCutAtAWord(string text, int max, string shown)
    {
        Assert.Equal(shown, CardText.Shorten(text, max));
        Assert.True(CardText.Shorten(text, max).Length <= max);
    }

    [Fact]
    public void ACutNeverSplitsACharacterInTwo()
    {
        var text = new string('a', 8) + "😀😀😀";
        for (var max = 4; max < text.Length; max++)
        {
            var shown = CardText.Shorten(text, max);
            Assert.False(shown.Length > 1 && char.IsHighSurrogate(shown[^2]) && shown[^1] == '…', $"max {max}: {shown}");
            Assert.All(shown.Where(char.IsSurrogate).Chunk(2), pair => Assert.True(pair.Length == 2 && char.IsSurrogatePair(pair[0], pair[1])));
        }
    }
}

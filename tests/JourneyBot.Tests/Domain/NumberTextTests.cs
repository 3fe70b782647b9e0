using JourneyBot.Domain;

namespace JourneyBot.Tests.Domain;

public sealed class NumberTextTests
{
    [Theory]
    [InlineData("38%", false, "38", "%")]
    [InlineData(" 38 % ", false, "38", "%")]
    [InlineData("1,200", false, "1200", null)]
    [InlineData("1,200 emails", false, "1200", "emails")]
    [InlineData("3.5", false, "3.5", null)]
    [InlineData("3,5", true, "3.5", null)]
    [InlineData("1.200", true, "1200", null)]
    [InlineData("1.234,5", true, "1234.5", null)]
    [InlineData("1,234.5", false, "1234.5", null)]
    [InlineData("€ 20.000", true, "20000", "€")]
    [InlineData("1 200", true, "1200", null)]
    [InlineData("-2", false, "-2", null)]
    [InlineData("0,82", false, "0.82", null)]
    [InlineData("12 days", false, "12", "days")]
    public void NumbersAsPeopleTypeThemAreRead(string typed, bool decimalComma, string expected, string? unit)
    {
        Assert.True(NumberText.TryRead(typed, decimalComma, out var value, out var typedUnit));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(unit, typedUnit);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("1e309")]
    [InlineData("about a third")]
    [InlineData("1.2.3")]
    [InlineData("")]
    [InlineData("%")]
    [InlineData("99999999999999999999999999999999")]
    [InlineData("12 <b>bold</b>")]
    public void TextThatIsNotANumberIsRefused(string typed) => Assert.False(NumberText.TryRead(typed, false, out _, out _));

    [Theory]
    [InlineData("de-DE", true)]
    [InlineData("fr", true)]
    [InlineData("en-US", false)]
    [InlineData("en-GB", false)]
    [InlineData(null, false)]
    [InlineData("x", false)]
    public void TheLocaleSaysWhichMarkIsTheDecimalOne(string? locale, bool comma) => Assert.Equal(comma, NumberText.UsesDecimalComma(locale));
}

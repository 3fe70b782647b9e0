using System.Globalization;
using System.Text.Json;
using JourneyBot.Cards;
using JourneyBot.Domain;

namespace JourneyBot.Readings;

// A figure as typed on the reading card, read in the person's locale as the charter reads its numbers ("1.200,5"
// in de-DE, "1,200.5" in en-US, "38%"). The values are kept to show again beside what is wrong with them.
public sealed class ReadingInput : FormInput
{
    public const string Value = "readingValue";
    public const string On = "readingOn";
    public const string Link = "readingLink";
    public static readonly string[] Fields = [Value, On, Link];

    public static ReadingInput Read(JsonElement data)
    {
        var input = new ReadingInput();
        // Input.Text answers with text; a number sent where text belongs is read as its digits.
        input.ReadFrom(data, Fields, acceptNumbers: true);
        return input;
    }

    protected override int LimitOf(string field) => field switch
    {
        Value => 40,
        On => 10,
        Link => TextLimits.Link,
        _ => base.LimitOf(field),
    };

    public MetricReading? Validate(Metric metric, Person caller, DateOnly today, DateTimeOffset now, bool decimalComma)
    {
        decimal value = 0;
        var valueText = Text(Value, 40, required: true);
        if (valueText is not null && !NumberText.TryRead(valueText, decimalComma, out value, out _))
        {
            Errors[Value] = decimalComma
                ? "This must be a number, like 38, 38%, 1.200 or 3,5."
                : "This must be a number, like 38, 38%, 1,200 or 3.5.";
        }
        var on = today;
        if (Text(On, 10) is { } onText)
        {
            if (!DateOnly.TryParseExact(onText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out on))
            {
                Errors[On] = "Pick a date (yyyy-MM-dd).";
            }
            else if (on > today) Errors[On] = "That day has not come yet: a figure is for today or a day before.";
        }
        var link = Text(Link, TextLimits.Link);
        if (link is not null && (!Uri.TryCreate(link, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps))
        {
            Errors[Link] = "Give an https link to where the figure can be checked, or leave it empty.";
        }
        if (Errors.Count > 0 || valueText is null) return null;
        return new MetricReading
        {
            MetricId = metric.Id, Value = value, On = on, RecordedBy = caller, RecordedAt = now,
            Source = link is null ? ReadingSource.Typed : ReadingSource.Link, Link = link,
        };
    }
}

using JourneyBot.Charters;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Charters;

// The charter card cuts long texts at a word; whoever wants the rest unfolds it.
public sealed class CharterFullTextTests
{
    private const string LongObjective = "Fewer customers who move home get a wrong first bill, because the meter reading, the contract change and the welcome letter happen in one conversation instead of three separate ones weeks apart";

    [Fact]
    public void ALongObjectiveIsCutAtAWordAndOfferedInFull()
    {
        var charter = SamplePrograms.CompleteCharter() with { Objective = LongObjective };
        var card = CharterCards.Review(new ProgramHeader("p1", "t1", charter, null), isOwner: false).ToJson();

        var text = CardJson.Text(card);
        var shown = card["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "FactSet")!["facts"]!.AsArray()
            .Single(f => f!["title"]!.GetValue<string>() == "Objective")!["value"]!.GetValue<string>();
        Assert.EndsWith("…", shown);
        var kept = shown[..^1].TrimEnd();
        Assert.StartsWith(kept, LongObjective);
        Assert.Equal(' ', LongObjective[kept.Length]);
        Assert.Contains("Read the full texts", text);
        Assert.Contains(LongObjective, text);
    }

    [Fact]
    public void ShortTextsNeedNoFullTextButton()
    {
        var card = CharterCards.Review(new ProgramHeader("p1", "t1", SamplePrograms.CompleteCharter(), null), isOwner: false).ToJson();

        Assert.DoesNotContain("Read the full texts", CardJson.Text(card));
    }
}

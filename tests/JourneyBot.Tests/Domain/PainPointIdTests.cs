using JourneyBot.Domain;

namespace JourneyBot.Tests.Domain;

// Pain point ids outlive edits: the same text keeps its id wherever it moves, and an id is never given to
// different text on the same touchpoint, so an action never ends up addressing a pain point it was not about.
public sealed class PainPointIdTests
{
    private static IReadOnlyList<PainPoint> Edit(string before, string after) =>
        PainPoint.KeepIds("t9", PainPoint.Split("t9", before), PainPoint.Split("t9", after));

    [Fact]
    public void TextThatStaysKeepsItsIdWhereverItMoves() =>
        Assert.Equal(["t9-p3:C", "t9-p1:A"], Edit("A; B; C", "C; A").Select(p => $"{p.Id}:{p.Text}"));

    [Fact]
    public void NewTextGetsANumberNeverUsedBeforeOnTheTouchpoint() =>
        // B (p2) and C (p3) went; the new one is p4, not a reused p2 that an old action may still name.
        Assert.Equal(["t9-p1:A", "t9-p4:D"], Edit("A; B; C", "A; D").Select(p => $"{p.Id}:{p.Text}"));

    [Fact]
    public void AChangedWordMakesANewPainPoint() =>
        Assert.Equal(["t9-p2:Slow replies"], Edit("Slow reply", "Slow replies").Select(p => $"{p.Id}:{p.Text}"));

    [Fact]
    public void RepeatedTextIsMatchedOncePerItem() =>
        Assert.Equal(["t9-p1:A", "t9-p2:A"], Edit("A; A", "A; A").Select(p => $"{p.Id}:{p.Text}"));

    [Fact]
    public void NothingBeforeMeansNumbersFromOne() =>
        Assert.Equal(["t9-p1:A", "t9-p2:B"], Edit("", "A; B").Select(p => $"{p.Id}:{p.Text}"));

    [Theory]
    [InlineData("t9-p1", true)]
    [InlineData("t9-p12", true)]
    [InlineData("t9-p0", false)]
    [InlineData("t9-p 3", false)]
    [InlineData("t9-p-3", false)]
    [InlineData("t9-p+3", false)]
    [InlineData("t8-p1", false)]
    [InlineData("t9-px", false)]
    public void OnlyIdsOfTheTouchpointsOwnFormBelongToIt(string id, bool belongs) => Assert.Equal(belongs, PainPoint.IsIdOf("t9", id));
}

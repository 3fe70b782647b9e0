using JourneyBot.Admin;
using JourneyBot.Domain;

namespace JourneyBot.Tests.Admin;

// The text rules of an erasure, without storage: person records by id, whole values, whole words.
public sealed class PersonErasureTextTests
{
    private const string Id = "6f1c2a9e-0000-4000-8000-00000000abcd";
    private static readonly Person Marker = ErasedPerson.For("tenant", Id);

    private static PersonText Text(params string[] names)
    {
        var text = new PersonText(Id, Marker);
        foreach (var name in names) text.AddName(name);
        return text;
    }

    [Fact]
    public void ARecordWithTheirIdBecomesTheMarkerAndAnotherPersonsRecordWithTheSameNameStays()
    {
        var json = $$"""{"owners":[{"aadObjectId":"{{Id}}","displayName":"Ann Lee",""" +
            """ "namedAt":"2026-01-01T00:00:00Z"},""" +
            $$"""{"aadObjectId":"other","displayName":"Ann Lee"}],"sentTo":["{{Id.ToUpperInvariant()}}","other"]}""";

        var rewritten = Text("Ann Lee").Rewrite(json);

        Assert.Equal($$"""{"owners":[{"aadObjectId":"{{Marker.AadObjectId}}","displayName":"Erased person"},""" +
            $$"""{"aadObjectId":"other","displayName":"Ann Lee"}],"sentTo":["{{Marker.AadObjectId}}","other"]}""",
            rewritten);
    }

    [Fact]
    public void TheNamesComeFromTheirRecordsWhereverTheyAre()
    {
        var text = Text();
        text.CollectNames($$$"""{"a":[{"b":{"aadObjectId":"{{{Id}}}","displayName":"Zoë O'Brien"}}],""" +
            """ "c":{"aadObjectId":"x","displayName":"Someone Else"}}""");

        Assert.Equal(["Zoë O'Brien"], text.Names);
        // As System.Text.Json stores it: escaped.
        Assert.True(text.Mentions("""{"note":"Zo\u00EB O\u0027Brien said so"}"""));
        Assert.Equal("""{"note":"Erased person said so"}""",
            text.Rewrite("""{"note":"Zo\u00EB O\u0027Brien said so"}"""));
    }

    [Theory]
    [InlineData("Ann Lee", "Erased person")]
    [InlineData("Ann Lee walked me through it", "Erased person walked me through it")]
    [InlineData("Ask Ann Lee.", "Ask Erased person.")]
    [InlineData("Annual renewal", null)]
    [InlineData("as Ann Leeway explained", null)]
    [InlineData("JoAnn Lee", null)]
    public void ATwoWordNameGoesWhereItStandsAsWholeWords(string text, string? expected) =>
        Assert.Equal(expected, Text("Ann Lee").Rewrite(text));

    [Theory]
    [InlineData("Sales", "Erased person")]
    [InlineData("Sales team", null)]
    [InlineData("Annual", null)]
    public void AOneWordNameGoesOnlyAsAWholeValue(string text, string? expected) =>
        Assert.Equal(expected, Text("Sales").Rewrite(text));

    [Fact]
    public void TheIdGoesWhereverItStandsAndTheMarkersOwnNameIsNoName()
    {
        var text = Text("Erased person", Person.Unnamed, " ");

        Assert.Empty(text.Names);
        Assert.Equal($"review|20261101|1|{Marker.AadObjectId}", text.Rewrite($"review|20261101|1|{Id}"));
        Assert.Null(text.Rewrite("nothing of theirs"));
    }
}

using System.Text.Json;
using JourneyBot.Charters;
using JourneyBot.Domain;
using JourneyBot.Tests.Domain;

namespace JourneyBot.Tests.Charters;

// The basics step maps one journey and records any other the owner considered: that, never the wording of the
// trigger, is what makes the scope too broad.
public sealed class CharterJourneysTests
{
    private static (Charter? Charter, CharterInput Input) Basics(Charter charter, Dictionary<string, string> form)
    {
        var input = CharterInput.Read(JsonSerializer.SerializeToElement(form));
        return (input.Apply(CharterSteps.Basics, charter, TouchpointUse.None, new Dictionary<string, Person>(), "seed1234"), input);
    }

    private static Dictionary<string, string> Form() => new()
    {
        ["name"] = "Moving home", ["journeyName"] = "Move", ["journeyStart"] = "Customer reports a move and asks for a new contract",
        ["journeyEnd"] = "First bill at the new address is paid", ["objective"] = "Halve churn among movers", ["definitionOfDone"] = "Every stage verified with evidence",
    };

    [Fact]
    public void OneJourneyWithAndInItsTriggerIsOneJourney()
    {
        var (charter, _) = Basics(SamplePrograms.CompleteCharter(stages: 4), Form());

        Assert.Equal(new Journey("Customer reports a move and asks for a new contract", "First bill at the new address is paid", "Move"), charter!.Journey);
        Assert.Empty(charter.MoreJourneys);
        Assert.Equal(HealthStatus.Ok, SamplePrograms.Check(SamplePrograms.Program(charter), "scope").Status);
    }

    [Fact]
    public void ASecondJourneyIsRecordedAndFlagged()
    {
        var form = Form();
        form["journey.0.name"] = "Moving out of the country";
        form["journey.0.start"] = "Customer says they emigrate";
        form["journey.0.end"] = "Final bill paid";

        var (charter, _) = Basics(SamplePrograms.CompleteCharter(stages: 4), form);

        Assert.Equal([new Journey("Customer says they emigrate", "Final bill paid", "Moving out of the country")], charter!.MoreJourneys);
        Assert.Equal(HealthStatus.Warn, SamplePrograms.Check(SamplePrograms.Program(charter), "scope").Status);
        Assert.NotEmpty(CharterRules.ScopeWarnings(charter));
    }

    [Fact]
    public void AHalfGivenOtherJourneyComesBackWithAReason()
    {
        var form = Form();
        form["journey.0.start"] = "Customer says they emigrate";

        var (charter, input) = Basics(SamplePrograms.CompleteCharter(), form);

        Assert.Null(charter);
        Assert.True(input.Errors.ContainsKey("journey.0.end"));
        Assert.Equal("Customer says they emigrate", input.Values["journey.0.start"]);
    }
}

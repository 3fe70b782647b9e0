using System.Text.Json;
using JourneyBot.Charters;
using JourneyBot.Domain;
using JourneyBot.Tests.Domain;

namespace JourneyBot.Tests.Charters;

// The charter's resources step: budget amount and currency, each owner's share of a full-time role, tools.
public sealed class CharterResourcesTests
{
    private static (Charter? Charter, CharterInput Input) Apply(Charter charter, object form)
    {
        var input = CharterInput.Read(JsonSerializer.SerializeToElement(form));
        return (input.Apply(CharterSteps.Resources, charter, TouchpointUse.None, new Dictionary<string, Person>(), "seed1234"), input);
    }

    [Fact]
    public void ABudgetTheOwnersTimeAndToolsAreRecorded()
    {
        var (charter, _) = Apply(SamplePrograms.CompleteCharter(), new Dictionary<string, string>
        {
            ["fundingAmount"] = "12500.50", ["fundingCurrency"] = "gbp", ["time.owner-1"] = "40", ["tools"] = "Miro, Qualtrics, miro",
        });

        Assert.Equal(new Funding(12500.50m, "GBP"), charter!.Funding);
        Assert.Equal([new TeamMember(SamplePrograms.Owner, 40)], charter.Team);
        Assert.Equal(["Miro", "Qualtrics"], charter.Tools);
        Assert.Equal(HealthStatus.Warn, SamplePrograms.Check(SamplePrograms.Program(charter), "resources").Status);
    }

    [Fact]
    public void NoBudgetIsRecordedAsExplicitlyNone()
    {
        var (charter, _) = Apply(SamplePrograms.CompleteCharter(), new Dictionary<string, string> { ["fundingAmount"] = "0", ["time.owner-1"] = "50" });

        Assert.Equal(new Funding(0, CharterInput.NoCurrency), charter!.Funding);
        Assert.Contains("no budget (charter says none)", SamplePrograms.Check(SamplePrograms.Program(charter), "resources").Details!);
    }

    [Theory]
    [InlineData("fundingAmount", "-5", "fundingAmount")]
    [InlineData("fundingCurrency", "euro", "fundingCurrency")]
    [InlineData("time.owner-1", "150", "time.owner-1")]
    [InlineData("time.owner-1", "12.5", "time.owner-1")]
    public void BadValuesComeBackWithAReasonAndNothingIsLost(string field, string value, string errorField)
    {
        var form = new Dictionary<string, string> { ["fundingAmount"] = "1000", ["fundingCurrency"] = "EUR", ["time.owner-1"] = "50", ["tools"] = "Miro" };
        form[field] = value;

        var (charter, input) = Apply(SamplePrograms.CompleteCharter(), form);

        Assert.Null(charter);
        Assert.True(input.Errors.ContainsKey(errorField));
        Assert.Equal("Miro", input.Values["tools"]);
    }
}

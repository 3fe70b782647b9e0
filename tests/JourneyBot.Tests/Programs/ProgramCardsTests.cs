using JourneyBot.Programs;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Programs;

public sealed class ProgramCardsTests
{
    [Fact]
    public void UseHereIsOfferedOnlyForProgramsThisConversationDoesNotUseYet()
    {
        var memberships = new[]
        {
            new MembershipRow { RowKey = "p1", ProgramName = "Licence renewal", Roles = "Owner" },
            new MembershipRow { RowKey = "p2", ProgramName = "Onboarding", Roles = "Contributor" },
        };

        var card = ProgramCards.List(memberships, activeProgramId: "p1").ToJson();
        var uses = card.ToJsonString().Split("\"verb\":\"program.use\"").Length - 1;

        Assert.Equal(1, uses);
        Assert.Contains("\"programId\":\"p2\"", card.ToJsonString());
        Assert.DoesNotContain("\"programId\":\"p1\"", card.ToJsonString());
        Assert.Contains("Licence renewal (active here)", CardJson.Text(card));
    }
}

using JourneyBot.Domain;
using JourneyBot.Health;
using static JourneyBot.Tests.Domain.SamplePrograms;
using JourneyBot.Tests.Domain;

namespace JourneyBot.Tests.Health;

// Checks that are not a threshold: which checks exist, what they say, what counts as what.
public sealed class MapHealthProgramTests
{
    [Fact]
    public void EveryPitfallTheIssueNamesIsReported()
    {
        var ids = MapHealth.Evaluate(Program(), AsOf).Select(c => c.Id.Name());

        Assert.Equal(
            ["objective", "outcome-metrics", "output-heavy", "resources", "sponsor", "sponsor-engagement", "scope", "silo", "personas",
             "evidence", "emotion", "verbatims", "employee-side", "stale", "metrics-read", "actions", "overdue-actions", "contributors"],
            ids);
    }

    [Fact]
    public void EveryCheckSaysWhyItMattersAndOffersAButtonForItsNextStep()
    {
        foreach (var check in MapHealth.Evaluate(Program(touchpoints: Ten(3, t => t)), AsOf))
        {
            Assert.False(string.IsNullOrWhiteSpace(check.Why), check.Id.Name());
            Assert.False(string.IsNullOrWhiteSpace(check.Threshold), check.Id.Name());
            Assert.False(string.IsNullOrWhiteSpace(check.NextStep), check.Id.Name());
            Assert.NotNull(check.Command);
        }
    }

    [Theory]
    [InlineData("Customer reports a move and asks for a new contract", "First bill at the new address is paid")]
    [InlineData("Policyholder finds damage and reports it online, by phone or through a broker", "Claim closed")]
    [InlineData("Order placed / paid", "Parcel delivered and unpacked")]
    public void OrdinaryWordsInTheTriggerAreOneJourney(string start, string end)
    {
        var charter = CompleteCharter(stages: 4) with { Journey = new Journey(start, end) };

        Assert.Equal(HealthStatus.Ok, Check(Program(charter), "scope").Status);
        Assert.Empty(CharterRules.ScopeWarnings(charter));
    }

    [Fact]
    public void ASecondRecordedJourneyOrAMissingEndIsTooBroadAScope()
    {
        var two = CompleteCharter() with { MoreJourneys = [new Journey("Customer buys an add-on", "Add-on in use", "Add-on purchase")] };
        var open = CompleteCharter() with { Journey = new Journey("Renewal notice received", " ") };

        Assert.Equal(HealthStatus.Warn, Check(Program(two), "scope").Status);
        Assert.Contains("2 journeys recorded", Check(Program(two), "scope").Details!);
        Assert.NotEmpty(CharterRules.ScopeWarnings(two));
        Assert.Equal(HealthStatus.Warn, Check(Program(open), "scope").Status);
    }

    [Fact]
    public void ASponsorWhoIsAnOwnerIsNoSponsor()
    {
        var ownerOnly = CompleteCharter() with { Sponsors = [Owner] };

        var check = Check(Program(ownerOnly), "sponsor");

        Assert.Equal(HealthStatus.Fail, check.Status);
        Assert.Equal("the only sponsor is an owner", check.Figure);
        Assert.Contains("at least one sponsor", CharterRules.MissingForCollection(ownerOnly));
        Assert.Equal(HealthStatus.Ok, Check(Program(), "sponsor").Status);
    }

    [Fact]
    public void NotRecordedEvidenceIsNeitherEvidenceNorAnAssumption()
    {
        var touchpoints = Enumerable.Range(0, 10).Select(i => Touchpoint(i) with
        {
            Evidence = i < 5 ? Evidence.CustomerInterview : i < 7 ? Evidence.Assumption : Evidence.NotRecorded,
        });

        var check = Check(Program(touchpoints: touchpoints), "evidence");

        Assert.Equal("5 of 10 backed by evidence (50%); 2 assumed, 3 not recorded", check.Figure);
        Assert.Equal(Evidence.NotRecorded, new Touchpoint { Id = "t", StageId = "s1", DepartmentId = "d1", Channel = TouchpointChannel.Web, CustomerAction = "x", CreatedBy = Owner, CreatedAt = DateTimeOffset.UnixEpoch }.Evidence);
    }

    [Fact]
    public void RetiredTouchpointsDoNotCount()
    {
        var touchpoints = Ten(7, t => t with { Verbatim = "I never know when it ends." }).Select((t, i) => i < 7 ? t : t with { Retired = true });

        Assert.Equal("7 of 7 (100%)", Check(Program(touchpoints: touchpoints), "verbatims").Figure);
    }

    [Fact]
    public void TooFewTouchpointsAreNotJudgedYet()
    {
        var check = Check(Program(touchpoints: Ten(0, t => t).Take(HealthThresholds.MinTouchpointsToJudge - 1)), "evidence");

        Assert.Equal(HealthStatus.NotJudged, check.Status);
        Assert.StartsWith("too few touchpoints to judge", check.Figure);
        Assert.Contains("Judged once", check.NextStep);
    }

    [Fact]
    public void AnActionAddressesThePainPointItNamesNotTheOthersOnItsTouchpoint()
    {
        var touchpoint = Touchpoint(1) with { Emotion = -2, PainPoints = "Price rise is a surprise; Invoice has no PO number" };
        var items = touchpoint.PainPointList();
        var action = new ImprovementAction { Id = "a1", Title = "Announce prices early", TouchpointId = "t1", PainPointId = items[0].Id, Owner = Owner, DueOn = AsOf.AddDays(10) };

        var check = Check(Program(touchpoints: [touchpoint], actions: [action]), "actions");

        Assert.Equal(["t1-p1", "t1-p2"], items.Select(p => p.Id));
        Assert.Equal("Invoice has no PO number", items[1].Text);
        Assert.Equal(HealthStatus.Ok, check.Status);
        Assert.Equal(["Invoice has no PO number"], check.Details);
    }

    [Fact]
    public void ADroppedActionIsNoAction()
    {
        var touchpoint = Touchpoint(1) with { Emotion = -1, PainPoints = "Long wait" };
        var dropped = new ImprovementAction { Id = "a1", Title = "Call-back", TouchpointId = "t1", Owner = Owner, DueOn = AsOf, Status = ActionStatus.Dropped };

        Assert.Equal(HealthStatus.Fail, Check(Program(touchpoints: [touchpoint], actions: [dropped]), "actions").Status);
    }

    [Fact]
    public void APostponedOrCancelledReviewIsNotAHeldOne()
    {
        var postponed = new Review("r2", AsOf.AddDays(-5), Owner) { Outcome = ReviewOutcome.Postponed, PostponedTo = AsOf.AddDays(9), Note = "Team at a trade fair" };
        var cancelled = new Review("r3", AsOf.AddDays(-2), Owner) { Outcome = ReviewOutcome.Cancelled };
        var held = new Review("r1", AsOf.AddDays(-70), Owner) { Outcome = ReviewOutcome.Updated };

        var check = Check(Program(reviews: [held, postponed, cancelled], collectionOpenedOn: AsOf.AddDays(-100)), "stale");

        Assert.Equal(HealthStatus.Fail, check.Status);
        Assert.StartsWith("last review held 70 days ago (2 reviews postponed or cancelled since)", check.Figure);
    }
}

using JourneyBot.Domain;
using JourneyBot.Health;
using static JourneyBot.Tests.Domain.SamplePrograms;
using JourneyBot.Tests.Domain;

namespace JourneyBot.Tests.Health;

// The rules added from the seeds' sentences: each on both sides of its wording or threshold, and "not judged yet"
// for every check whose rule can wait.
public sealed class HealthRuleTests
{
    private static HealthCheck Objective(
        string objective, string done = "Every stage verified by two departments with evidence.") =>
        Check(Program(CompleteCharter() with { Objective = objective, DefinitionOfDone = done }), "objective");

    [Theory]
    // 003: "What business processes are you looking to improve or optimize?": improving needs a measure and a way.
    [InlineData("Improve the onboarding experience for our customers",
        "objective is a wish to improve with no direction, figure or measure")]
    [InlineData("Enhance and optimise the customer journey across all channels",
        "objective is a wish to improve with no direction, figure or measure")]
    [InlineData("Deliver a seamless, world-class moving experience",
        "objective is a wish to improve with no direction, figure or measure")]
    // 001: "Don’t say creating a journey map visual is your sole objective."
    [InlineData("Create a complete customer journey map of the home-move process for every department",
        "objective is about producing the map, with no change to reach")]
    [InlineData("Produce the end-to-end journey map and present it at the leadership workshop",
        "objective is about producing the map, with no change to reach")]
    public void AnObjectiveThatNamesNoChangeIsFlagged(string objective, string figure)
    {
        var check = Objective(objective);

        Assert.Equal(HealthStatus.Warn, check.Status);
        Assert.Equal(figure, check.Figure);
        Assert.Equal(HealthCommand.Charter, check.Command);
    }

    [Theory]
    [InlineData("Improve first-contact resolution for billing questions")]        // a measure
    [InlineData("Improve onboarding so that new customers call us less often")]   // a direction
    [InlineData("Enhance the moving experience to an NPS of 40")]                 // a figure
    [InlineData("Create a journey map to reduce failed home moves by a quarter")] // the map as a means to a change
    [InlineData("Understand why renewing customers leave and keep more of them")] // no improve-word, no map to make
    [InlineData("Improve the welcome pack so renewals hold")]                     // a measure's noun
    public void AnObjectiveThatNamesAChangeIsNot(string objective) =>
        Assert.Equal(HealthStatus.Ok, Objective(objective).Status);

    [Theory]
    // 003: a "definition of done" beside the mission statement and the success metrics: a state, not a sign-off.
    [InlineData("Signed off by the steering committee", "definition of done is only an approval")]
    [InlineData("Approved by the executive board.", "definition of done is only an approval")]
    [InlineData("Formal sign-off from the sponsor and the PMO", "definition of done is only an approval")]
    [InlineData("See the project plan on SharePoint", "definition of done is a pointer to somewhere else")]
    [InlineData("As defined in the programme charter document", "definition of done is a pointer to somewhere else")]
    [InlineData("https://contoso.sharepoint.com/sites/cx/done.docx",
        "definition of done is a pointer to somewhere else")]
    public void ADefinitionOfDoneThatNamesOnlyAnApprovalOrAPointerIsFlagged(string done, string figure)
    {
        var check = Objective("Cut renewal churn by a third", done);

        Assert.Equal(HealthStatus.Warn, check.Status);
        Assert.Equal(figure, check.Figure);
        Assert.Contains("how you will know it is done", check.NextStep);
    }

    [Theory]
    [InlineData("Signed off by the steering committee once call volume is down 15% for two quarters")]
    [InlineData("Every stage verified by its department and the top pain points owned, approved by the sponsor")]
    [InlineData("All critical pain points have actions; see the action plan for owners")]
    [InlineData("Churn below the target for two reviews in a row")]
    public void ADefinitionOfDoneThatStatesWhenIsNot(string done) =>
        Assert.Equal(HealthStatus.Ok, Objective("Cut renewal churn by a third", done).Status);

    [Theory]
    [InlineData("TBD")] [InlineData("tbc")] [InlineData("n/a")] [InlineData("?")] [InlineData("…")] [InlineData("--")]
    [InlineData("To be confirmed")] [InlineData("not decided yet")]
    [InlineData("noch offen")] [InlineData("k. A.")] [InlineData("wird noch festgelegt")]
    [InlineData("à définir")] [InlineData("À confirmer")]
    [InlineData("por definir")] [InlineData("Pendiente")]
    [InlineData("未定")] [InlineData("検討中")] [InlineData("ー")]
    public void AJourneyStartOrEndThatIsAPlaceholderIsNotWritten(string placeholder)
    {
        var start = Check(
            Program(CompleteCharter() with { Journey = new Journey(placeholder, "licence renewed") }), "scope");
        var end = Check(
            Program(CompleteCharter() with { Journey = new Journey("renewal notice received", placeholder) }), "scope");

        Assert.Equal(HealthStatus.Warn, start.Status);
        Assert.Equal(HealthStatus.Warn, end.Status);
        Assert.Contains("the journey has no start trigger or no end decided", end.Details!);
    }

    [Theory]
    [InlineData("Customer asks for a quote")] [InlineData("Kunde meldet den Umzug")]
    [InlineData("Le client signale un déménagement")]
    [InlineData("El cliente pide un presupuesto")] [InlineData("転居の連絡")] [InlineData("Later payment received")]
    [InlineData("NA region order placed")]
    public void AWrittenJourneyStartOrEndIsNotAPlaceholder(string written)
    {
        var check = Check(Program(CompleteCharter() with { Journey = new Journey(written, written) }), "scope");

        Assert.Equal(HealthStatus.Ok, check.Status);
    }

    [Theory]
    // 002: "Neglecting the employee experience can result in service delivery gaps." Pain on 10% of the map is
    // the least.
    [InlineData(40, 0, HealthStatus.Warn)]
    [InlineData(40, 1, HealthStatus.Warn)]  // 2.5%: a token
    [InlineData(40, 3, HealthStatus.Warn)]  // 7.5%: just under
    [InlineData(40, 4, HealthStatus.Ok)]    // 10%: at the threshold
    [InlineData(40, 5, HealthStatus.Ok)]    // above
    [InlineData(5, 1, HealthStatus.Ok)]     // a small map: one is a fifth
    public void EmployeePainIsAShareOfTheMapNotATickedBox(int touchpoints, int withPain, HealthStatus expected)
    {
        var map = Enumerable.Range(0, touchpoints).Select(i => Touchpoint(i) with
        {
            Backstage = new Backstage("Billing team", "SAP", i < withPain ? "Re-keys the address by hand" : null),
        });

        var check = Check(Program(touchpoints: map), "employee-side");

        Assert.Equal(expected, check.Status);
        if (expected == HealthStatus.Warn && withPain > 0)
        {
            Assert.Contains($"employee pain on only {withPain} of {touchpoints}", check.Details![0]);
        }
    }

    public static TheoryData<string> ChecksThatCanWait() =>
    [
        "output-heavy", "sponsor-engagement", "silo", "personas", "evidence", "emotion", "verbatims", "employee-side",
        "stale", "actions", "overdue-actions", "contributors",
    ];

    // Nothing to judge yet: no metrics, no sponsor, no touchpoints, collection not open, no pain points, no actions.
    [Theory]
    [MemberData(nameof(ChecksThatCanWait))]
    public void ACheckWhoseRuleDoesNotApplyYetSaysNotJudgedNeverOk(string id)
    {
        var program = Program(CompleteCharter(personas: 2) with { Metrics = [], Sponsors = [] });

        var check = Check(program, id);

        Assert.Equal(HealthStatus.NotJudged, check.Status);
        Assert.False(string.IsNullOrWhiteSpace(check.Figure), id);
        Assert.StartsWith("Judged once", check.NextStep);
        Assert.NotNull(check.Command);
    }

    [Fact]
    public void ChecksThatAlwaysApplyAreJudgedOnAnEmptyProgram()
    {
        var checks = MapHealth.Evaluate(
            Program(CompleteCharter(personas: 2) with { Metrics = [], Sponsors = [] }), AsOf);

        var judged = checks.Where(c => c.Status != HealthStatus.NotJudged).Select(c => c.Id.Name()).ToList();
        Assert.Equal(["objective", "outcome-metrics", "resources", "sponsor", "scope"], judged);
        Assert.DoesNotContain(checks, c =>
            c.Status == HealthStatus.Ok && c.Figure.StartsWith("0 outcome, 0 output", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckIdsKeepTheirWrittenNames()
    {
        Assert.Equal("outcome-metrics", HealthCheckId.OutcomeMetrics.Name());
        Assert.Equal("overdue-actions", HealthCheckId.OverdueActions.Name());
        Assert.All(Enum.GetValues<HealthCheckId>(), id =>
            Assert.True(HealthCheckIds.TryParse(id.Name(), out var back) && back == id));
        Assert.False(HealthCheckIds.TryParse("freshness", out _));
    }
}

using JourneyBot.Domain;
using JourneyBot.Health;

namespace JourneyBot.Tests.Domain;

public class FollowUpPlanTests
{
    private static readonly DateOnly Opened = new(2026, 10, 1);
    private static readonly FollowUpRules Rules = new();

    private static JourneyProgram Opening(params Touchpoint[] touchpoints) =>
        SamplePrograms.Program(touchpoints: touchpoints, collectionOpenedOn: Opened);

    private static IReadOnlyList<FollowUp> On(JourneyProgram program, DateOnly day, FollowUpKind kind) =>
        FollowUpPlan.Due(program, day, Rules).Where(f => f.Kind == kind).ToList();

    [Fact]
    public void NothingIsDueBeforeCollectionOpens()
    {
        Assert.Empty(FollowUpPlan.Due(SamplePrograms.Program(), new DateOnly(2027, 1, 1), Rules));
    }

    [Fact]
    public void ReviewIsDueACadenceAfterOpeningThenAfterTheLastReviewWithASecondReminderLater()
    {
        var program = Opening();
        Assert.Empty(On(program, Opened.AddDays(29), FollowUpKind.ReviewDue));
        var due = Assert.Single(On(program, Opened.AddDays(30), FollowUpKind.ReviewDue));
        Assert.Equal(SamplePrograms.Owner, due.Recipient);
        Assert.Empty(On(program, Opened.AddDays(32), FollowUpKind.ReviewReminder));
        var second = Assert.Single(On(program, Opened.AddDays(33), FollowUpKind.ReviewReminder));
        Assert.NotEqual(due.Key, second.Key);
        // The same occasion keeps its key day after day, so it is planned once.
        Assert.Equal(due.Key, Assert.Single(On(program, Opened.AddDays(40), FollowUpKind.ReviewDue)).Key);

        var reviewed = program with { Reviews = [new Review("r1", Opened.AddDays(35), SamplePrograms.Owner)] };
        Assert.Empty(On(reviewed, Opened.AddDays(64), FollowUpKind.ReviewDue));
        var next = Assert.Single(On(reviewed, Opened.AddDays(65), FollowUpKind.ReviewDue));
        Assert.NotEqual(due.Key, next.Key);
        Assert.Equal(Opened.AddDays(65), FollowUpPlan.NextReviewDue(reviewed));
    }

    [Fact]
    public void APostponedReviewIsDueOnItsNewDateAndACancelledOneStaysDue()
    {
        var program = Opening();
        var postponed = program with { Reviews = [new Review("r1", Opened.AddDays(30), SamplePrograms.Owner) { Outcome = ReviewOutcome.Postponed, PostponedTo = Opened.AddDays(44), Note = "Audit week" }] };
        var cancelled = program with { Reviews = [new Review("r1", Opened.AddDays(31), SamplePrograms.Owner) { Outcome = ReviewOutcome.Cancelled }] };

        Assert.Equal(Opened.AddDays(44), FollowUpPlan.NextReviewDue(postponed));
        Assert.Empty(On(postponed, Opened.AddDays(43), FollowUpKind.ReviewDue));
        Assert.Single(On(postponed, Opened.AddDays(44), FollowUpKind.ReviewDue));
        Assert.Equal(Opened.AddDays(30), FollowUpPlan.NextReviewDue(cancelled));
    }

    [Fact]
    public void DepartmentsWithEmptyStagesAreNudgedAWeekAfterOpeningOncePerCadence()
    {
        var program = Opening(SamplePrograms.Touchpoint(1, "s1", "d1"), SamplePrograms.Touchpoint(2, "s2", "d1"), SamplePrograms.Touchpoint(3, "s1", "d2"));
        Assert.Empty(On(program, Opened.AddDays(6), FollowUpKind.DepartmentGaps));
        var gap = Assert.Single(On(program, Opened.AddDays(7), FollowUpKind.DepartmentGaps));
        Assert.Equal("d2", gap.DepartmentId);
        Assert.Contains("Stage 2", gap.Text);
        Assert.Equal(gap.Key, Assert.Single(On(program, Opened.AddDays(36), FollowUpKind.DepartmentGaps)).Key);
        Assert.NotEqual(gap.Key, Assert.Single(On(program, Opened.AddDays(37), FollowUpKind.DepartmentGaps)).Key);

        var empty = Opening();
        var both = On(empty, Opened.AddDays(7), FollowUpKind.DepartmentGaps);
        Assert.Equal(2, both.Count);
        Assert.All(both, f => Assert.Contains("no touchpoints", f.Text));
    }

    [Fact]
    public void TouchpointsNotVerifiedWithinTheCadenceAreNudgedToTheirDepartment()
    {
        var created = SamplePrograms.Touchpoint(1, "s1", "d1") with { CreatedAt = new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.Zero) };
        var verified = SamplePrograms.Touchpoint(2, "s2", "d1") with { CreatedAt = created.CreatedAt, LastVerifiedOn = new DateOnly(2026, 10, 20) };
        var program = Opening(created, verified);
        Assert.Empty(On(program, new DateOnly(2026, 11, 1), FollowUpKind.Unverified));
        var stale = Assert.Single(On(program, new DateOnly(2026, 11, 2), FollowUpKind.Unverified));
        Assert.StartsWith("1 touchpoint of Department 1", stale.Text);
        Assert.Equal(SamplePrograms.PersonNo(101), stale.Recipient);
        Assert.StartsWith("2 touchpoints", Assert.Single(On(program, new DateOnly(2026, 11, 20), FollowUpKind.Unverified)).Text);
    }

    [Fact]
    public void OverdueActionsNudgeTheirOwnerOncePerWeek()
    {
        var owner = SamplePrograms.PersonNo(7);
        var action = new ImprovementAction { Id = "a1", Title = "Show the price", Owner = owner, DueOn = new DateOnly(2026, 10, 10) };
        var program = Opening() with { Actions = [action] };
        Assert.Empty(On(program, new DateOnly(2026, 10, 10), FollowUpKind.ActionOverdue));
        var first = Assert.Single(On(program, new DateOnly(2026, 10, 11), FollowUpKind.ActionOverdue));
        Assert.Equal(owner, first.Recipient);
        Assert.Equal(first.Key, Assert.Single(On(program, new DateOnly(2026, 10, 17), FollowUpKind.ActionOverdue)).Key);
        Assert.NotEqual(first.Key, Assert.Single(On(program, new DateOnly(2026, 10, 18), FollowUpKind.ActionOverdue)).Key);
        Assert.Empty(On(program with { Actions = [action with { Status = ActionStatus.Done }] }, new DateOnly(2026, 10, 18), FollowUpKind.ActionOverdue));
    }

    [Fact]
    public void SponsorsGetAProgressCardEveryCadence()
    {
        var program = Opening();
        Assert.Empty(On(program, Opened.AddDays(29), FollowUpKind.Progress));
        var first = Assert.Single(On(program, Opened.AddDays(30), FollowUpKind.Progress));
        Assert.Equal("sponsor-1", first.Recipient.AadObjectId);
        Assert.Equal(first.Key, Assert.Single(On(program, Opened.AddDays(59), FollowUpKind.Progress)).Key);
        Assert.NotEqual(first.Key, Assert.Single(On(program, Opened.AddDays(60), FollowUpKind.Progress)).Key);
    }

    [Fact]
    public void ASnapshotHoldsCountsEvidenceEmotionHealthAndActions()
    {
        var program = Opening(
            SamplePrograms.Touchpoint(1, "s1", "d1") with { Emotion = -2, Evidence = Evidence.SupportTickets, PersonaIds = ["p1"] },
            SamplePrograms.Touchpoint(2, "s1", "d2") with { Emotion = 1 },
            SamplePrograms.Touchpoint(3, "s2", "d1") with { Retired = true, Emotion = 2 }) with
        {
            Actions = [new ImprovementAction { Id = "a", Title = "t", Owner = SamplePrograms.Owner, DueOn = new DateOnly(2026, 10, 5) }],
        };
        var snapshot = MapHealth.TakeSnapshot(program, new DateOnly(2026, 10, 20));
        Assert.Equal(2, snapshot.Touchpoints);
        Assert.Equal(1, snapshot.Cells["s1|d1"]);
        Assert.Equal(0.5, snapshot.EvidenceShare);
        Assert.Equal(-0.5, snapshot.EmotionByStage["s1"]);
        Assert.False(snapshot.EmotionByStage.ContainsKey("s2"));
        Assert.Equal(-0.5, snapshot.EmotionByPersona["p1"]);
        Assert.Equal(MapHealth.Evaluate(program, new DateOnly(2026, 10, 20)).Count, snapshot.Health.Count);
        Assert.Equal((1, 0, 1), (snapshot.ActionsOpen, snapshot.ActionsDone, snapshot.ActionsOverdue));
    }
}

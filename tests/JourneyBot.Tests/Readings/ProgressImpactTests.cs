using JourneyBot.Domain;
using JourneyBot.FollowUps;
using JourneyBot.Health;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Readings;

// The sponsor's progress card ranks done actions by what they moved, and says so for those not judged yet.
public sealed class ProgressImpactTests
{
    [Fact]
    public void DoneActionsAreRankedByMovementTowardsTheTarget()
    {
        var asOf = SamplePrograms.AsOf;
        ImprovementAction Done(string id, string title, int started, int done) => new()
        {
            Id = id, Title = title, Owner = SamplePrograms.Owner, DueOn = asOf, MetricId = "m1", Status = ActionStatus.Done,
            StartedOn = asOf.AddDays(-started), DoneOn = asOf.AddDays(-done),
        };
        MetricReading Reading(int daysAgo, decimal value) => new() { MetricId = "m1", Value = value, On = asOf.AddDays(-daysAgo), RecordedBy = SamplePrograms.Owner };
        var program = SamplePrograms.Program(actions: [
            Done("a1", "Moved it a little", 30, 29), Done("a2", "Moved it up", 20, 19), Done("a3", "Just finished", 2, 1),
        ], collectionOpenedOn: asOf.AddDays(-60)) with { Readings = [Reading(31, 0.84m), Reading(25, 0.80m), Reading(21, 0.80m), Reading(10, 0.86m)] };

        // A cell starting with "+" is kept from reading as a list item (CardText.Literal): read past the escape.
        var card = CardJson.Text(ProgressCards.Build(program, MapHealth.TakeSnapshot(program, asOf), null, asOf, null).ToJson())
            .Replace("\\\\+", "+", StringComparison.Ordinal);

        Assert.Contains("What the done actions moved", card);
        Assert.Contains("+0.06 points since done (towards the target), 1 reading", card);
        Assert.Contains("+0.02 points since done (towards the target), 3 readings", card);
        Assert.Contains("not judged yet — no reading since done", card);
        var order = new[] { "Moved it up", "Moved it a little", "Just finished" }.Select(t => card.IndexOf(t, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
    }
}

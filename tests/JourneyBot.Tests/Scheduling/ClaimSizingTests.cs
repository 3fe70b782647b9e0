using JourneyBot.Scheduling;

namespace JourneyBot.Tests.Scheduling;

// How much an instance takes into its hands, as a pure function of what it measured.
public sealed class ClaimSizingTests
{
    private static ClaimSizing Sizing(int share = 50, double roundSeconds = 0.1, int leaseSeconds = 60, int instances = 1, bool moreDue = true) =>
        new(share, roundSeconds, TimeSpan.FromSeconds(leaseSeconds), instances, moreDue);

    [Theory]
    [InlineData(0.01, 0.4)] // quick rounds: never less than 0.4 s in hand
    [InlineData(0.1, 0.4)]
    [InlineData(0.25, 1.0)] // four rounds' worth
    [InlineData(3.0, 2.0)]  // slow rounds: never more than 2 s
    public void InHandCoversFourRoundsWithinItsBounds(double roundSeconds, double expected) =>
        Assert.Equal(expected, Sizing(roundSeconds: roundSeconds).InHandSeconds, 3);

    [Fact]
    public void WhatIsInHandFollowsTheShareAndNeverDropsBelowTwo()
    {
        Assert.Equal(20, Sizing(share: 50, roundSeconds: 0.1).InHand);
        Assert.Equal(10, Sizing(share: 50, roundSeconds: 0.1).RunningLow);
        Assert.Equal(100, Sizing(share: 50, roundSeconds: 0.1).ActiveWithin);
        Assert.Equal(2, Sizing(share: 1, roundSeconds: 0.1).InHand);
    }

    [Fact]
    public void WhileMoreIsDueATenantIsHeldToFourHands()
    {
        var sizing = Sizing(share: 50, roundSeconds: 0.1, moreDue: true);
        Assert.Equal(80, sizing.MostToHold(dueForTenant: 1000));
        Assert.Equal(80, sizing.MostToHold(dueForTenant: 5));
        Assert.Equal(TimeSpan.FromSeconds(1.6), sizing.SendableWithin);
    }

    [Fact]
    public void OnceTheLastIsReadEachInstanceTakesItsPartOrAHand()
    {
        var three = Sizing(share: 16, roundSeconds: 0.1, instances: 3, moreDue: false);
        Assert.Equal(6, three.InHand);
        Assert.Equal(34, three.MostToHold(dueForTenant: 100)); // a third, rounded up
        Assert.Equal(6, three.MostToHold(dueForTenant: 9));    // never less than a hand
        Assert.Equal(TimeSpan.FromSeconds(0.4), three.SendableWithin);
    }

    [Fact]
    public void NothingIsHeldLongerThanHalfALeaseCouldSend()
    {
        var shortLease = Sizing(share: 10, roundSeconds: 0.5, leaseSeconds: 4, moreDue: true);
        Assert.Equal(20, shortLease.LeaseCap);
        Assert.Equal(20, shortLease.MostToHold(dueForTenant: 1000));
        Assert.Equal(1, Sizing(share: 0, leaseSeconds: 1).LeaseCap);
    }
}

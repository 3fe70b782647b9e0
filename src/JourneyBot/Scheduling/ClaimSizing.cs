namespace JourneyBot.Scheduling;

// How much of what is due an instance takes into its hands, from what it measured: its share of a tenant's send
// rate, how long a read-and-claim round takes, the lease, how many instances run and whether more is due than the
// last read took. Enough in hand that no share of a limit idles while the next read runs; little enough that
// instances run out of work together instead of one finishing a tenant alone at its share of the limit.
public readonly record struct ClaimSizing(int TenantShare, double RoundSeconds, TimeSpan Lease, int Instances, bool MoreDue)
{
    // A few rounds' worth in hand, so no tenant runs dry while the instance reads again.
    public const double RoundsInHand = 4;
    public const double MinInHandSeconds = 0.4;
    public const double MaxInHandSeconds = 2;
    // While more is due, a tenant's claims stop at this many times what should be in hand.
    public const int HoldAtMostInHands = 4;
    // One read never asks for more rows than this.
    public const int MaxRead = 1000;

    public double InHandSeconds => Math.Clamp(RoundsInHand * RoundSeconds, MinInHandSeconds, MaxInHandSeconds);

    // A tenant's sends that should be in hand; reading again starts once a tenant is down to half of it.
    public int InHand => Math.Max(2, (int)(TenantShare * InHandSeconds));
    public int RunningLow => InHand / 2;

    // A tenant none of whose rows came among this many claimed rows has probably nothing more due.
    public int ActiveWithin => 5 * InHand;

    // Never more of a tenant's sends than this instance can make in half a lease, so none waits out its lease.
    public int LeaseCap => Math.Max(1, (int)(TenantShare * Lease.TotalSeconds / 2));

    // The most of one tenant's sends to hold, given how many of them this read found. While more is due: a few
    // hands' worth. Once this read took the last of it: this instance's part of what is left (at least a hand).
    public int MostToHold(int dueForTenant) =>
        Math.Min(LeaseCap, MoreDue ? HoldAtMostInHands * InHand : Math.Max(InHand, (dueForTenant + Instances - 1) / Instances));

    // Alongside other instances, a person's sends are claimed only as far as this instance could send them within
    // this window; another instance may send the rest at once.
    public TimeSpan SendableWithin => TimeSpan.FromSeconds(MoreDue ? HoldAtMostInHands * InHandSeconds : InHandSeconds);
}

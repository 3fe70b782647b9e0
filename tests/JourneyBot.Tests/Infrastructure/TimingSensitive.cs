namespace JourneyBot.Tests.Infrastructure;

// Tests whose outcome depends on leases of a few seconds being honoured (several scheduler instances sending the
// same due rows). They run on their own, after the parallel tests, so a machine busy with other tests cannot
// starve an instance past its lease and make them measure the machine instead of the design.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitive
{
    public const string Name = "Timing-sensitive";
}

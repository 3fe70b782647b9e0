using JourneyBot.Domain;
using JourneyBot.People;
using JourneyBot.Tests.Domain;

namespace JourneyBot.Tests.Admin;

// The marker an erasure leaves: one per tenant and person, and nobody the app plans for, names again or reaches.
public sealed class PersonErasureMarkerTests
{
    private const string Id = "6f1c2a9e-0000-4000-8000-00000000abcd";

    [Fact]
    public void TheMarkerIsStablePerTenantAndPersonAndAPlainId()
    {
        var marker = ErasedPerson.For("tenant", Id);

        Assert.Equal(ErasedPerson.IdFor("TENANT", Id.ToUpperInvariant()), marker.AadObjectId);
        Assert.NotEqual(ErasedPerson.IdFor("tenant-2", Id), marker.AadObjectId);
        Assert.NotEqual(ErasedPerson.IdFor("tenant", "another"), marker.AadObjectId);
        Assert.Equal("Erased person", marker.DisplayName);
        Assert.True(ErasedPerson.Is(marker));
        Assert.False(ErasedPerson.Is(new Person(Id, "Ann Lee")));
        Assert.True(PlainId.IsValid(marker.AadObjectId));
    }

    [Fact]
    public void AnErasedOwnerSponsorContactOrActionOwnerIsToldNothingAndNeverNamedAgain()
    {
        var marker = ErasedPerson.For("tenant", Id);
        var charter = SamplePrograms.CompleteCharter() with
        {
            Owners = [SamplePrograms.Owner, marker],
            Sponsors = [marker],
            Departments = [new Department("d1", "Department 1", [marker]), new Department("d2", "Department 2", [])],
        };
        var overdue = new ImprovementAction
        {
            Id = "a1", Title = "Fix it", Owner = marker, DueOn = SamplePrograms.AsOf.AddDays(-20),
        };
        var program = SamplePrograms.Program(charter, actions: [overdue],
            collectionOpenedOn: SamplePrograms.AsOf.AddDays(-90));

        var due = FollowUpPlan.Due(program, SamplePrograms.AsOf, new FollowUpRules());

        Assert.Contains(due, f => f.Recipient == SamplePrograms.Owner);
        Assert.DoesNotContain(due, f => ErasedPerson.Is(f.Recipient));
        Assert.False(NameFreshness.IsStale(marker, DateTimeOffset.UtcNow));
    }
}

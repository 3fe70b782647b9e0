namespace JourneyBot.Domain;

[Flags]
public enum ProgramRole { None = 0, Owner = 1, Contributor = 2, Sponsor = 4 }

public static class ProgramRoles
{
    // Owners edit everything; department contacts (and people owners add) contribute; sponsors read.
    public static ProgramRole Of(Charter charter, string aadObjectId)
    {
        var roles = ProgramRole.None;
        if (charter.Owners.Any(p => p.AadObjectId == aadObjectId)) roles |= ProgramRole.Owner;
        if (charter.Departments.Any(d => d.Contacts.Any(p => p.AadObjectId == aadObjectId))) roles |= ProgramRole.Contributor;
        if (charter.Sponsors.Any(p => p.AadObjectId == aadObjectId)) roles |= ProgramRole.Sponsor;
        return roles;
    }

    public static IEnumerable<Person> Members(Charter charter) =>
        charter.Owners.Concat(charter.Sponsors).Concat(charter.Departments.SelectMany(d => d.Contacts)).DistinctBy(p => p.AadObjectId);
}

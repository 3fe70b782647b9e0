using JourneyBot.Domain;

namespace JourneyBot.People;

// Names change (marriage, a typo fixed in the directory) and some were never known: the names a program keeps are
// read again from the sources that know them, the unknown ones daily and the known ones once they are old.
public static class NameFreshness
{
    public static readonly TimeSpan KnownNameLifetime = TimeSpan.FromDays(30);

    // An erased person's marker is never looked up again: no source knows it, and the name must stay erased.
    public static bool IsStale(Person person, DateTimeOffset now) => !ErasedPerson.Is(person) && (
        person.DisplayName == Person.Unnamed || person.NamedAt is not { } at || now - at > KnownNameLifetime);

    // Everyone the charter names, for the work that refreshes them.
    public static IEnumerable<Person> People(Charter charter) =>
        charter.Owners.Concat(charter.Sponsors).Concat(charter.Team.Select(t => t.Person))
            .Concat(charter.Departments.SelectMany(d => d.Contacts)).DistinctBy(p => p.AadObjectId);

    // The charter with each person the lookup named replaced; people it did not name keep what they had.
    public static Charter Rename(Charter charter, IReadOnlyDictionary<string, Person> named)
    {
        Person Renamed(Person p) => named.TryGetValue(p.AadObjectId, out var fresh) ? fresh : p;
        return charter with
        {
            Owners = [.. charter.Owners.Select(Renamed)],
            Sponsors = [.. charter.Sponsors.Select(Renamed)],
            Team = [.. charter.Team.Select(t => t with { Person = Renamed(t.Person) })],
            Departments = [.. charter.Departments.Select(d => d with { Contacts = [.. d.Contacts.Select(Renamed)] })],
        };
    }
}

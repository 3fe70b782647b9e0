namespace JourneyBot.Domain;

// Held reviews were confirmed or updated the map; postponed and cancelled ones were not held. Rows written before
// outcomes existed are Held.
public enum ReviewOutcome { Held, Confirmed, Updated, Postponed, Cancelled }

// A review as it ended (on CompletedOn), with the program's figures as they stood then.
public sealed record Review(string Id, DateOnly CompletedOn, Person By, Snapshot? Snapshot = null)
{
    public ReviewOutcome Outcome { get; init; } = ReviewOutcome.Held;
    public string? Note { get; init; }
    // For a held review: what changed on the map while it ran, kept so its summary says so whenever it is shown.
    public ReviewChanges? Changes { get; init; }
    // For a postponed review: the date it moved to.
    public DateOnly? PostponedTo { get; init; }
    // For a review held in a Teams meeting: the attendees who opened its side panel or acted in it. Absent for
    // reviews held in chat (and in files written before meetings).
    public IReadOnlyList<Person>? Participants { get; init; }

    public bool WasHeld() => Outcome is ReviewOutcome.Held or ReviewOutcome.Confirmed or ReviewOutcome.Updated;
}

using JourneyBot.Domain;
using JourneyBot.Health;
using JourneyBot.Map;
using JourneyBot.Storage;
using JourneyBot.Touchpoints;

namespace JourneyBot.Reviews;

// What a confirm or retire left: each touchpoint as it is now, a note when one was changed or gone meanwhile, the
// touchpoint just retired (for its undo), or a refusal when one is outside the person's departments.
public sealed record ReviewChange(IReadOnlyDictionary<string, Touchpoint> Now, string? Note, StoredTouchpoint? Retired,
    string? Refusal)
{
    // The program drawn from what the change left, without reading it again.
    public JourneyProgram Applied(JourneyProgram program, IReadOnlyList<string> touchpointIds) => program with
    {
        Touchpoints = program.Touchpoints.Where(t => Now.ContainsKey(t.Id) || !touchpointIds.Contains(t.Id))
            .Select(t => Now.GetValueOrDefault(t.Id, t)).ToList(),
    };
}

// What an undo left: the touchpoint back on the map (or not), what to tell the person, or a refusal.
public sealed record ReviewUndo(Touchpoint? Back, string? Note, string? Refusal);

// The review's decisions, one set of rules for every place a review is held (the chat card and the meeting side
// panel): confirm or retire within the person's scope, each conditional on the version just read; undo a retire
// only from the version it left; complete with the snapshot and what changed.
public sealed class ReviewDecisions(TouchpointStore edits, ReviewStore reviews, MapSnapshotStore? mapSnapshots = null)
{
    public const string OtherDepartment =
        "That touchpoint belongs to another department; its own contacts or an owner review it.";
    private const string ChangedMeanwhile =
        "Someone changed a touchpoint on this page meanwhile; look at it again and confirm it if it is right.";
    private const string ChangedAfterRetire =
        "That touchpoint was changed after it was retired, so the undo was not applied; an owner can add it again.";

    // What a chat card shows of a touchpoint, as a short tag the card carries back: any change to what it says
    // changes the tag. Its last verification is left out, so two people confirming the same touchpoint both succeed.
    public static string Seen(Touchpoint touchpoint)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(touchpoint with { LastVerifiedOn = null }, ProgramFile.Options);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(json), 0, 8).ToLowerInvariant();
    }

    // seen: each touchpoint's tag as the person's card showed it (Seen). A touchpoint changed since, or a card
    // without its tag, is left as it is and named, so nobody confirms or retires what they did not see.
    public async Task<ReviewChange> ChangeAsync(string programId, ReviewScope scope,
        IReadOnlyList<string> touchpointIds, IReadOnlyDictionary<string, string> seen, bool retire, string editor,
        DateOnly today, CancellationToken cancellationToken)
    {
        string? note = null;
        StoredTouchpoint? retired = null;
        var now = new Dictionary<string, Touchpoint>(StringComparer.Ordinal);
        foreach (var id in touchpointIds)
        {
            var stored = await edits.GetAsync(programId, id, cancellationToken);
            if (stored is null || stored.Touchpoint.Retired)
            {
                note = touchpointIds.Count == 1 && stored is not null ? ChangedBy(stored) : "A touchpoint on this page was deleted or retired meanwhile.";
                if (stored is not null) now[id] = stored.Touchpoint;
                continue;
            }
            if (!scope.Covers(stored.Touchpoint)) return new ReviewChange(now, note, retired, OtherDepartment);
            if (seen.GetValueOrDefault(id) is not { Length: > 0 } tag)
            {
                note = OutOfDate;
                now[id] = stored.Touchpoint;
                continue;
            }
            if (tag != Seen(stored.Touchpoint))
            {
                note = touchpointIds.Count == 1 ? ChangedBy(stored) : ChangedMeanwhile;
                now[id] = stored.Touchpoint;
                continue;
            }
            var updated = retire
                ? stored.Touchpoint with { Retired = true, RetiredOn = today }
                : stored.Touchpoint with { LastVerifiedOn = today };
            try
            {
                var saved = await edits.UpdateAsync(programId, stored, updated, editor, cancellationToken);
                now[id] = updated;
                if (retire) retired = saved;
            }
            catch (TouchpointChangedException e)
            {
                note = ChangedMeanwhile;
                if (e.Latest is { } latest) now[id] = latest.Touchpoint;
            }
        }
        return new ReviewChange(now, note, retired, null);
    }

    // One touchpoint as the person saw it, versionText the version their page carried. Written only when that is the
    // version stored: a missing, empty, "*" or malformed one is out of date (RowVersion), never "any version", and a
    // change since is named with who made it. The notes are plain text; each place renders them as it renders text.
    public async Task<ReviewChange> ChangeSeenAsync(string programId, ReviewScope scope, string touchpointId,
        string? versionText, bool retire, string editor, DateOnly today, CancellationToken cancellationToken)
    {
        var now = new Dictionary<string, Touchpoint>(StringComparer.Ordinal);
        var stored = await edits.GetAsync(programId, touchpointId, cancellationToken);
        if (stored is null) return new ReviewChange(now, DeletedMeanwhile, null, null);
        now[touchpointId] = stored.Touchpoint;
        if (!scope.Covers(stored.Touchpoint)) return new ReviewChange(now, null, null, OtherDepartment);
        if (RowVersion.FromCard(versionText) is not { } seen) return new ReviewChange(now, OutOfDate, null, null);
        if (seen != stored.ETag || stored.Touchpoint.Retired)
        {
            return new ReviewChange(now, ChangedBy(stored), null, null);
        }
        var updated = retire
            ? stored.Touchpoint with { Retired = true, RetiredOn = today }
            : stored.Touchpoint with { LastVerifiedOn = today };
        try
        {
            var saved = await edits.UpdateAsync(programId, stored, updated, editor, cancellationToken);
            now[touchpointId] = updated;
            return new ReviewChange(now, null, retire ? saved : null, null);
        }
        catch (TouchpointChangedException e)
        {
            if (e.Latest is not { } latest)
            {
                now.Remove(touchpointId);
                return new ReviewChange(now, DeletedMeanwhile, null, null);
            }
            now[touchpointId] = latest.Touchpoint;
            return new ReviewChange(now, ChangedBy(latest), null, null);
        }
    }

    // Whether what the person saw is what is stored: null when it is, else what to tell them (as ChangeSeenAsync).
    public async Task<string?> StaleAsync(string programId, string touchpointId, string? versionText,
        CancellationToken cancellationToken)
    {
        var stored = await edits.GetAsync(programId, touchpointId, cancellationToken);
        if (stored is null) return DeletedMeanwhile;
        if (RowVersion.FromCard(versionText) is not { } seen) return OutOfDate;
        return seen != stored.ETag || stored.Touchpoint.Retired ? ChangedBy(stored) : null;
    }

    public const string OutOfDate =
        "What you saw of this touchpoint was out of date, so nothing was saved: look at it as it is now.";
    private const string DeletedMeanwhile = "That touchpoint was deleted meanwhile, so nothing was saved.";

    private static string ChangedBy(StoredTouchpoint latest)
    {
        var by = latest.LastEditedBy ?? latest.Touchpoint.CreatedBy.DisplayName;
        return latest.Touchpoint.Retired
            ? $"Retired by {by} meanwhile, so nothing was saved: it is no longer on the map."
            : $"Changed by {by} meanwhile, so nothing was saved: look at it as it is now and decide again.";
    }

    // versionText is the retire's version as the undo button carried it.
    public async Task<ReviewUndo> UndoRetireAsync(string programId, ReviewScope scope, string touchpointId,
        string? versionText, string editor, CancellationToken cancellationToken)
    {
        var stored = await edits.GetAsync(programId, touchpointId, cancellationToken);
        if (stored is null)
        {
            return new ReviewUndo(null, "That touchpoint was deleted meanwhile, so it cannot come back.", null);
        }
        if (!scope.Covers(stored.Touchpoint)) return new ReviewUndo(null, null, OtherDepartment);
        if (!stored.Touchpoint.Retired)
        {
            return new ReviewUndo(null, "That touchpoint is on the map again already.", null);
        }
        if (RowVersion.FromCard(versionText) is not { } version || version != stored.ETag)
        {
            return new ReviewUndo(null, ChangedAfterRetire, null);
        }
        var back = stored.Touchpoint with { Retired = false, RetiredOn = null };
        try
        {
            await edits.UpdateAsync(programId, stored, back, editor, cancellationToken);
            return new ReviewUndo(back, "Undone: the touchpoint is back on the map.", null);
        }
        catch (TouchpointChangedException)
        {
            return new ReviewUndo(null, ChangedAfterRetire, null);
        }
    }

    // Records the review with a snapshot of the program: updated when touchpoints were added, edited or retired since
    // it started (else since the day after the last review held), confirmed when none were. The daily planning
    // reminds again a cadence later. Participants: who took part when it was held in a meeting.
    public async Task<Review> CompleteAsync(JourneyProgram program, Person by, DateOnly today,
        IReadOnlyList<Person>? participants, CancellationToken cancellationToken)
    {
        var lastHeld = program.Reviews.Where(r => r.WasHeld()).Select(r => (DateOnly?)r.CompletedOn).Max();
        var from = await reviews.StartedOnAsync(program.Id, cancellationToken) ?? lastHeld?.AddDays(1) ?? today;
        var changes = ReviewChanges.Since(program, from);
        var review = new Review(Guid.NewGuid().ToString("N"), today, by, MapHealth.TakeSnapshot(program, today))
        {
            Outcome = changes.Outcome(), Changes = changes,
            Participants = participants is { Count: > 0 } ? participants : null,
        };
        await reviews.AddAsync(program.Id, review, cancellationToken);
        await reviews.ClearStartedAsync(program.Id, cancellationToken);
        if (mapSnapshots is not null)
        {
            await mapSnapshots.TrySaveAsync(program.Id, MapSnapshotStore.ForReview(review.Id), program, today,
                cancellationToken);
        }
        return review;
    }

    // The day the review under way counts changes from, for progress shown while it runs.
    public async Task<DateOnly> StartedOnAsync(JourneyProgram program, DateOnly today,
        CancellationToken cancellationToken)
    {
        var lastHeld = program.Reviews.Where(r => r.WasHeld()).Select(r => (DateOnly?)r.CompletedOn).Max();
        return await reviews.StartedOnAsync(program.Id, cancellationToken) ?? lastHeld?.AddDays(1) ?? today;
    }
}

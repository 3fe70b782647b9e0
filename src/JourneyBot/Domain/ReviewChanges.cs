namespace JourneyBot.Domain;

// What changed on the map from a day on: the touchpoints added, edited and retired. A review in which any changed
// updated the map; one in which none did confirmed it.
public sealed record ReviewChanges(int Added, int Changed, int Retired)
{
    public bool Any() => Added + Changed + Retired > 0;

    public ReviewOutcome Outcome() => Any() ? ReviewOutcome.Updated : ReviewOutcome.Confirmed;

    // Each touchpoint counts once: retired over added over edited.
    public static ReviewChanges Since(JourneyProgram program, DateOnly from)
    {
        int added = 0, changed = 0, retired = 0;
        foreach (var t in program.Touchpoints)
        {
            if (t.Retired && t.RetiredOn >= from) retired++;
            else if (t.Retired) continue;
            else if (DateOnly.FromDateTime(t.CreatedAt.UtcDateTime) >= from) added++;
            else if (t.ChangedOn >= from) changed++;
        }
        return new ReviewChanges(added, changed, retired);
    }

    public override string ToString() => Any()
        ? string.Join(", ", new[] { (Added, "added"), (Changed, "edited"), (Retired, "retired") }.Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {p.Item2}"))
        : "no touchpoint added, edited or retired";
}

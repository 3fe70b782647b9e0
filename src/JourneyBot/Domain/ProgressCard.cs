namespace JourneyBot.Domain;

// A sponsor's acknowledgement of a progress card, and the day it came.
public sealed record Acknowledgement(string SponsorAadObjectId, DateOnly On);

// One progress card as sent: the sponsors it went to (each added as their copy was delivered), who acknowledged
// it and when, and the program's figures as they stood when it first went out.
public sealed record ProgressCard(string Id, DateOnly SentOn, IReadOnlyList<string> SentTo, IReadOnlyList<Acknowledgement> Acknowledgements, Snapshot? Snapshot = null)
{
    public bool WentTo(string sponsorAadObjectId) => SentTo.Contains(sponsorAadObjectId, StringComparer.Ordinal);

    public Acknowledgement? AcknowledgementBy(string sponsorAadObjectId) =>
        Acknowledgements.FirstOrDefault(a => string.Equals(a.SponsorAadObjectId, sponsorAadObjectId, StringComparison.Ordinal));

    public bool IsAcknowledged() => Acknowledgements.Count > 0;

    public ProgressCard SentAlsoTo(string sponsorAadObjectId) => WentTo(sponsorAadObjectId) ? this : this with { SentTo = [.. SentTo, sponsorAadObjectId] };

    public ProgressCard AcknowledgedBy(string sponsorAadObjectId, DateOnly on) =>
        AcknowledgementBy(sponsorAadObjectId) is not null ? this : this with { Acknowledgements = [.. Acknowledgements, new Acknowledgement(sponsorAadObjectId, on)] };
}

// The shape progress was kept in before cards had rows of their own: one record per sponsor per card. Still read
// from storage and from older format-2 files, and grouped into cards.
public sealed record SponsorProgressRecord(string SponsorAadObjectId, DateOnly SentOn, DateOnly? AcknowledgedOn = null, Snapshot? Snapshot = null)
{
    // Records sent on the same day were one card sent to several sponsors (the scheduler sent them together).
    public static IReadOnlyList<ProgressCard> AsCards(IEnumerable<SponsorProgressRecord> records) =>
        records.GroupBy(r => r.SentOn).OrderBy(g => g.Key)
            .Select(g => new ProgressCard(CardId(g.Key), g.Key,
                g.Select(r => r.SponsorAadObjectId).Distinct(StringComparer.Ordinal).ToList(),
                g.Where(r => r.AcknowledgedOn is not null).DistinctBy(r => r.SponsorAadObjectId).Select(r => new Acknowledgement(r.SponsorAadObjectId, r.AcknowledgedOn!.Value)).ToList(),
                g.Select(r => r.Snapshot).FirstOrDefault(s => s is not null)))
            .ToList();

    // The id a card grouped from older records carries: one per sending day.
    public static string CardId(DateOnly sentOn) => $"sent-{sentOn:yyyyMMdd}";
}

namespace JourneyBot.Domain;

// When a metric's next figure is due and who is asked for it. A metric is read every cadence from its latest
// figure, or from the day collection opened while it has none: before that there is no period to report on.
public static class ReadingSchedule
{
    public static MetricReading? Latest(JourneyProgram program, string metricId) =>
        program.ReadingsOf(metricId).LastOrDefault();

    public static DateOnly? NextDue(JourneyProgram program, Metric metric) =>
        (Latest(program, metric.Id)?.On ?? program.CollectionOpenedOn)?.AddDays(metric.DaysBetweenReadings());

    // The metric's owner while the charter still names them (someone who left the program is not asked, and the
    // owners are asked instead), else the program's owners.
    public static IReadOnlyList<Person> AskedOf(Charter charter, Metric metric) =>
        MetricOwner(charter, metric) is { } owner ? [owner] : charter.Owners;

    // Who may record a figure: the program's owners and the metric's own owner while still in the program.
    public static bool MayRecord(Charter charter, Metric metric, string aadObjectId) =>
        charter.Owners.Any(o => o.AadObjectId == aadObjectId) || MetricOwner(charter, metric)?.AadObjectId == aadObjectId;

    private static Person? MetricOwner(Charter charter, Metric metric) =>
        metric.Owner is { } owner && ProgramRoles.Members(charter).Any(p => p.AadObjectId == owner.AadObjectId) ? owner : null;
}

namespace JourneyBot.Domain;

// When a person may be messaged: inside the program's working hours and days, in the person's own time zone.
public static class WorkingTime
{
    public static readonly WorkingHours Default = new(new TimeOnly(9, 0), new TimeOnly(17, 0),
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], "UTC");

    // The person's zone when Teams told us one we know, else the program's, else UTC.
    public static TimeZoneInfo ZoneFor(WorkingHours hours, string? personalTimeZone) =>
        Find(personalTimeZone) ?? Find(hours.TimeZone) ?? TimeZoneInfo.Utc;

    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    // The first instant at or after `at` inside working hours; `at` itself when it already is.
    public static DateTimeOffset NextSlot(DateTimeOffset at, WorkingHours hours, TimeZoneInfo zone)
    {
        if (hours.Days.Count == 0 || hours.End <= hours.Start) return at;
        var local = TimeZoneInfo.ConvertTime(at, zone);
        for (var day = 0; day <= 8; day++)
        {
            var date = DateOnly.FromDateTime(local.DateTime).AddDays(day);
            if (!hours.Days.Contains(date.DayOfWeek)) continue;
            var start = date.ToDateTime(hours.Start);
            var end = date.ToDateTime(hours.End);
            var candidate = day == 0 && local.DateTime > start ? local.DateTime : start;
            if (candidate >= end) continue;
            // A start that falls into a spring-forward gap moves to the first valid minute after it.
            while (zone.IsInvalidTime(candidate)) candidate = candidate.AddMinutes(15);
            var utc = new DateTimeOffset(candidate, zone.GetUtcOffset(candidate)).ToUniversalTime();
            return utc < at ? at : utc;
        }
        return at;
    }

    // The program's today: dates on reviews, verifications and progress cards are in its own time zone.
    public static DateOnly Today(DateTimeOffset now, Charter charter) => LocalDate(now, ZoneFor(charter.WorkingHours ?? Default, null));

    public static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    public static bool IsWorkingTime(DateTimeOffset at, WorkingHours hours, TimeZoneInfo zone) => NextSlot(at, hours, zone) == at;
}

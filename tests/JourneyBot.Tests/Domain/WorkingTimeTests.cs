using JourneyBot.Domain;

namespace JourneyBot.Tests.Domain;

public class WorkingTimeTests
{
    private static readonly WorkingHours NineToFive = WorkingTime.Default with { TimeZone = "Europe/Berlin" };
    private static readonly TimeZoneInfo Berlin = WorkingTime.ZoneFor(NineToFive, null);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void InsideWorkingHoursTheMessageGoesNow()
    {
        // Tuesday 10:00 UTC = 11:00 in Berlin (winter time).
        Assert.Equal(Utc(11, 24, 10), WorkingTime.NextSlot(Utc(11, 24, 10), NineToFive, Berlin));
    }

    [Fact]
    public void AtNightItWaitsForNineInThePersonsZone()
    {
        // Tuesday 03:00 Berlin = 02:00 UTC: waits until 09:00 Berlin = 08:00 UTC.
        Assert.Equal(Utc(11, 24, 8), WorkingTime.NextSlot(Utc(11, 24, 2), NineToFive, Berlin));
        // After 17:00 it is the next working morning.
        Assert.Equal(Utc(11, 25, 8), WorkingTime.NextSlot(Utc(11, 24, 16, 30), NineToFive, Berlin));
    }

    [Fact]
    public void WeekendsWaitForMonday()
    {
        // Saturday 28 November 12:00 UTC → Monday 30 November 09:00 Berlin.
        Assert.Equal(Utc(11, 30, 8), WorkingTime.NextSlot(Utc(11, 28, 12), NineToFive, Berlin));
    }

    [Fact]
    public void ThePersonsOwnZoneWinsOverTheProgramsAndUnknownZonesFallBack()
    {
        var newYork = WorkingTime.ZoneFor(NineToFive, "America/New_York");
        // 09:00 in New York (EST) is 14:00 UTC.
        Assert.Equal(Utc(11, 24, 14), WorkingTime.NextSlot(Utc(11, 24, 9), NineToFive, newYork));
        Assert.Equal(Berlin.Id, WorkingTime.ZoneFor(NineToFive, "Mars/Olympus").Id);
        Assert.Equal(TimeZoneInfo.Utc.Id, WorkingTime.ZoneFor(NineToFive with { TimeZone = "nowhere" }, null).Id);
    }

    [Fact]
    public void DaylightSavingChangesKeepNineOClockLocal()
    {
        // Summer time: 09:00 Berlin is 07:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 7, 7, 7, 0, 0, TimeSpan.Zero), WorkingTime.NextSlot(new DateTimeOffset(2026, 7, 7, 1, 0, 0, TimeSpan.Zero), NineToFive, Berlin));
        // Working hours that start inside the spring-forward gap (02:00–03:00 on 29 March) start after it.
        var early = NineToFive with { Start = new TimeOnly(2, 30), Days = [DayOfWeek.Sunday] };
        var slot = WorkingTime.NextSlot(new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero), early, Berlin);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), slot);
    }

    [Fact]
    public void ProgramTodayIsTheDateInTheProgramsZone()
    {
        var charter = SamplePrograms.CompleteCharter() with { WorkingHours = NineToFive with { TimeZone = "Pacific/Auckland" } };
        Assert.Equal(new DateOnly(2026, 11, 25), WorkingTime.Today(Utc(11, 24, 12), charter));
    }
}

using JourneyBot.Domain;
using static JourneyBot.Health.CheckResult;
using static JourneyBot.Health.HealthThresholds;

namespace JourneyBot.Health;

// Little support from the top: no sponsor outside the team, or sponsors who stopped following progress.
internal static class SponsorChecks
{
    // 001: "strong executive sponsorship is a must from day one."
    public static HealthCheck Sponsor(Charter charter)
    {
        var sponsors = CharterRules.SponsorsOtherThanOwners(charter);
        var ownersOnly = charter.Sponsors.Count > 0 && sponsors.Count == 0;
        return Make(HealthCheckId.Sponsor, "A sponsor outside the team",
            sponsors.Count > 0 ? HealthStatus.Ok : HealthStatus.Fail,
            sponsors.Count > 0 ? Words.Count(sponsors.Count, "sponsor")
                : ownersOnly ? "the only sponsor is an owner" : "no sponsor",
            "at least one sponsor who is not an owner",
            sponsors.Count > 0 ? "Keep the sponsors updated on outcomes."
                : "Ask an executive to sponsor the program and name them in the charter.",
            "Without executive backing from day one the program loses out to everyday work.", HealthCommand.Charter);
    }

    // 001: "always keep your chief sponsors and stakeholders updated on your progress." A sponsor who stops reading
    // the updates is no longer backing the program; one card left unread during a busy week is not that.
    public static HealthCheck Engagement(JourneyProgram program, DateOnly asOf)
    {
        const string title = "Sponsors read the progress cards";
        const string why = "Sponsors who stop following progress stop backing the program.";
        var sponsors = CharterRules.SponsorsOtherThanOwners(program.Charter);
        var threshold = $"fewer than {UnacknowledgedCardsInARow} progress cards in a row that no sponsor " +
                        $"acknowledged (a card counts {AcknowledgeGraceDays} days after it was sent)";
        if (sponsors.Count == 0)
        {
            return NotJudged(HealthCheckId.SponsorEngagement, title, threshold, why, "no sponsor to update",
                "Judged once the charter names a sponsor; they get a progress card every review cadence.",
                HealthCommand.Charter);
        }
        // Most recent first; a card still within its grace days is neither missed nor acknowledged.
        var cards = program.ProgressUpdates
            .Where(c => c.IsAcknowledged() || asOf.DayNumber - c.SentOn.DayNumber > AcknowledgeGraceDays)
            .OrderByDescending(c => c.SentOn).ToList();
        if (cards.Count == 0)
        {
            return NotJudged(HealthCheckId.SponsorEngagement, title, threshold, why,
                program.ProgressUpdates.Count == 0 ? "no progress card sent yet"
                    : $"no progress card {AcknowledgeGraceDays} days old yet",
                "Judged once a progress card has gone out and had time to be read: " +
                "send one now if the sponsors have heard nothing.",
                HealthCommand.SendProgress);
        }
        var unread = cards.TakeWhile(c => !c.IsAcknowledged()).ToList();
        var flagged = unread.Count >= UnacknowledgedCardsInARow;
        var lastRead = cards.FirstOrDefault(c => c.IsAcknowledged());
        var figure = unread.Count == 0
            ? "the latest card was acknowledged " +
              $"({Words.Count(cards.Count(c => c.IsAcknowledged()), "card")} of {cards.Count} acknowledged)"
            : $"{Words.Count(unread.Count, "card")} in a row unacknowledged" +
              (lastRead is null ? ", none ever acknowledged" : $" since {lastRead.SentOn:yyyy-MM-dd}");
        var names = string.Join(", ", sponsors.Select(s => s.DisplayName));
        return Make(HealthCheckId.SponsorEngagement, title, flagged ? HealthStatus.Fail : HealthStatus.Ok,
            figure, threshold,
            flagged ? $"Send the sponsors a progress card now, then talk to {names} in person: " +
                      $"the last {unread.Count} went unread."
                : "Keep sending progress cards.",
            why, HealthCommand.SendProgress,
            flagged ? unread.Select(c => $"sent {c.SentOn:yyyy-MM-dd} to {Words.Count(c.SentTo.Count, "sponsor")}")
                .ToList() : null);
    }
}

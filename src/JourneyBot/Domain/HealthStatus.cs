namespace JourneyBot.Domain;

// How a map-health check stands. Kept in the domain because every review's snapshot records it; the checks
// themselves live in Health/. NotJudged is a rule that does not apply yet (no metrics, too few touchpoints, no card
// sent): never counted as OK. Its value comes last so stored files and orderings of the others keep their meaning.
public enum HealthStatus { Ok, Warn, Fail, NotJudged }

public static class HealthStatuses
{
    public static bool IsFlag(this HealthStatus status) => status is HealthStatus.Warn or HealthStatus.Fail;
}

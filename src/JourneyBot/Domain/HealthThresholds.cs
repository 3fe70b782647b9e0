namespace JourneyBot.Domain;

// Every map-health threshold in one place; README's table lists the same numbers.
public static class HealthThresholds
{
    public const double DepartmentsContributingOk = 1.0;
    public const double DepartmentsContributingWarn = 0.5;
    public const double StageDepartmentCellsOk = 0.6;
    public const double PersonaCellsOk = 0.6;
    public const double PersonaCellsWarn = 0.3;
    public const double EvidenceShareOk = 0.7;
    public const double EvidenceShareWarn = 0.4;
    public const double VerbatimShareOk = 0.3;
    public const double VerbatimShareWarn = 0.1;
    public const double EmotionShareOk = 0.9;
    public const double EmotionShareWarn = 0.6;
    public const double EmployeeSideShareOk = 0.7;
    public const double EmployeeSideShareWarn = 0.4;
    public const double OutcomeMetricShareOk = 0.5;
    public const double FreshShareOk = 0.8;
    public const double FreshShareWarn = 0.5;
    // Days since the last review, in multiples of the program's cadence.
    public const double ReviewOverdueWarn = 1.0;
    public const double ReviewOverdueFail = 2.0;
    public const double PainPointsWithActionsOk = 0.5;
    public const double PainPointsWithActionsWarn = 0.2;
    public const double OverdueActionsWarn = 0.0;
    public const double OverdueActionsFail = 0.2;
    public const double ContributorsPerDepartmentOk = 2.0;
    public const double ContributorsPerDepartmentWarn = 1.0;
    public const double SponsorsAcknowledgingOk = 1.0;
    public const double SponsorsAcknowledgingWarn = 0.5;
}

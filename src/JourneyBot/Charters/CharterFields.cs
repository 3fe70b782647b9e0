namespace JourneyBot.Charters;

// The charter dialog's input ids, shared by the cards that ask and the code that reads the answers. Rows
// (metrics, departments, stages, personas) carry their id inside the input id.
public static class CharterFields
{
    public const string Name = "name";
    public const string JourneyStart = "journeyStart";
    public const string JourneyEnd = "journeyEnd";
    public const string Objective = "objective";
    public const string DefinitionOfDone = "definitionOfDone";
    public const string Budget = "budget";
    public const string Resources = "resources";
    public const string FundingAmount = "fundingAmount";
    public const string FundingCurrency = "fundingCurrency";
    public const string Tools = "tools";
    public const string Owners = "owners";
    public const string Sponsors = "sponsors";
    public const string Cadence = "cadence";
    public const string TimeZone = "timeZone";
    public const string HoursStart = "hoursStart";
    public const string HoursEnd = "hoursEnd";
    public const string Days = "days";

    public const string DepartmentPrefix = "dept.";
    public const string ContactsSuffix = ".contacts";
    public const string NameSuffix = ".name";


    public static string MetricName(string id) => $"metric.{id}.name";
    public static string MetricKind(string id) => $"metric.{id}.kind";
    public static string MetricBaseline(string id) => $"metric.{id}.baseline";
    public static string MetricTarget(string id) => $"metric.{id}.target";
    public static string MetricUnit(string id) => $"metric.{id}.unit";
    public static string MetricCadence(string id) => $"metric.{id}.cadence";
    public static string MetricOwner(string id) => $"metric.{id}.owner";
    public static string DepartmentName(string id) => $"{DepartmentPrefix}{id}{NameSuffix}";
    public static string DepartmentContacts(string id) => $"{DepartmentPrefix}{id}{ContactsSuffix}";
    public static string Stage(string id) => $"stage.{id}";
    public static string PersonaName(string id) => $"persona.{id}.name";
    public static string TimePercent(string aadObjectId) => $"time.{aadObjectId}";
    public const string JourneyName = "journeyName";
    public static string OtherJourneyName(int i) => $"journey.{i}.name";
    public static string OtherJourneyStart(int i) => $"journey.{i}.start";
    public static string OtherJourneyEnd(int i) => $"journey.{i}.end";
}

namespace JourneyBot.Touchpoints;

// The input ids of the touchpoint form, shared by the card that asks and the code that reads the answer.
public static class TouchpointFields
{
    public const string Stage = "stage";
    public const string Department = "department";
    public const string Channel = "channel";
    public const string CustomerAction = "customerAction";
    public const string Personas = "personas";
    public const string Emotion = "emotion";
    public const string PainPoints = "painPoints";
    public const string Evidence = "evidence";
    public const string SourceLink = "sourceLink";
    public const string Verbatim = "verbatim";
    public const string DeliveredBy = "deliveredBy";
    public const string SystemOrProcess = "systemOrProcess";
    public const string EmployeePain = "employeePain";

    public static readonly IReadOnlyList<string> All =
    [
        Stage, Department, Channel, CustomerAction, Personas, Emotion, PainPoints, Evidence, SourceLink, Verbatim,
        DeliveredBy, SystemOrProcess, EmployeePain,
    ];

    // The form's version (CardData.Version): a card from before a change of fields is refused, not misread.
    public const string CurrentVersion = "1";
}

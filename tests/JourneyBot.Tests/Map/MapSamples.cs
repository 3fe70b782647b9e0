using JourneyBot.Domain;

namespace JourneyBot.Tests.Map;

// A small program with everything the map shows: three stages, three departments, two personas, emotions,
// pain points with actions, backstage, a stale touchpoint and two look-alike contacts.
public static class MapSamples
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    public static readonly Person Owner = new("owner-oid", "Olivia Owner");
    public static readonly Person Sponsor = new("sponsor-oid", "Sam Sponsor");
    public static readonly Person Contact = new("contact-oid", "Chris <b>Contact</b>");

    public static JourneyProgram Program(string? tenantId = null, string? id = null) => new()
    {
        Id = id ?? "map-" + Guid.NewGuid().ToString("N")[..10],
        TenantId = tenantId ?? Guid.NewGuid().ToString(),
        CollectionOpenedOn = Today.AddDays(-60),
        Charter = new Charter
        {
            Name = "Home move <script>alert(1)</script>",
            Objective = "Make moving home painless.",
            Owners = [Owner],
            Sponsors = [Sponsor],
            Departments = [new("billing", "Billing", [Contact]), new("support", "Support", []), new("field", "Field service", [])],
            Personas = [new("renter", "Renter"), new("owner", "Home owner")],
            Stages = [new("plan", "Plan the move"), new("tell", "Tell us"), new("settle", "Settle in")],
        },
        Touchpoints =
        [
            Tp("t1", "plan", "billing", TouchpointChannel.Web, "Reads the moving checklist online", ["renter", "owner"], 1, evidence: Evidence.Analytics),
            Tp("t2", "tell", "billing", TouchpointChannel.Phone, "Calls to give the new address", ["renter"], -2, pain: "=HYPERLINK(\"http://evil\") waits 40 minutes",
                backstage: new Backstage("Billing agents", "CRM", "Address form has no move date")),
            Tp("t3", "tell", "support", TouchpointChannel.Phone, "Calls to give the new address again", ["owner"], -1, pain: "Asked twice for the same thing"),
            Tp("t4", "settle", "field", TouchpointChannel.InPerson, "Engineer connects the meter", ["owner"], 2, evidence: Evidence.CustomerInterview, verbatim: "He was \"brilliant\""),
            Tp("t5", "settle", "support", TouchpointChannel.Email, "Gets a welcome email", ["renter"], null, verified: Today.AddDays(-200)),
        ],
        Actions =
        [
            new ImprovementAction { Id = "a1", Title = "Add move date to the form", TouchpointId = "t2", Owner = Owner, DueOn = Today.AddDays(14), Status = ActionStatus.InProgress },
            new ImprovementAction { Id = "a2", Title = "@SUM(A1:A9) share one address record", TouchpointId = "t3", Owner = Contact, DueOn = Today.AddDays(-3) },
        ],
    };

    private static Touchpoint Tp(string id, string stage, string department, TouchpointChannel channel, string action, string[] personas, int? emotion,
        string? pain = null, Evidence evidence = Evidence.Assumption, Backstage? backstage = null, string? verbatim = null, DateOnly? verified = null) => new()
    {
        Id = id, StageId = stage, DepartmentId = department, Channel = channel, CustomerAction = action, PersonaIds = personas, Emotion = emotion,
        PainPoints = pain, Evidence = evidence, Backstage = backstage, Verbatim = verbatim, CreatedBy = Contact,
        CreatedAt = new DateTimeOffset((verified ?? Today.AddDays(-5)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), LastVerifiedOn = verified ?? Today.AddDays(-5),
    };
}

namespace JourneyBot.Outreach;

// Every scheduled item's id, built here and nowhere else. An id says what the item is for and is unique per
// occasion, so planning the same occasion twice (two instances, a retried plan) adds it once.
public static class ScheduledItemIds
{
    public static string Plan(string programId, DateTimeOffset at) => $"plan|{programId}|{at.UtcDateTime:yyyyMMdd}";

    // One sponsor's copy of a planned progress card (key: the plan's occasion, which names the sponsor).
    public static string Progress(string programId, string followUpKey) => $"progress|{programId}|{followUpKey}";

    // One sponsor's copy of a card an owner sent out of turn.
    public static string ProgressNow(string programId, string cardKey, string sponsorAadObjectId) =>
        $"progress|{programId}|{cardKey}|{sponsorAadObjectId}";

    public static string Names(string programId, DateOnly day) => $"names|{programId}|{day:yyyyMMdd}";

    public static string ActionOwnerNames(string programId, DateOnly day) =>
        $"names.actions|{programId}|{day:yyyyMMdd}";

    // A person's digest of a day, across programs.
    public static string Digest(string tenantId, string aadObjectId, DateOnly day) =>
        $"digest|{tenantId}|{aadObjectId}|{day:yyyyMMdd}";

    public static string Invitation(string programId, string contactAadObjectId) =>
        $"invite|{programId}|{contactAadObjectId}";

    public static string Assignment(string programId, string actionId, string ownerAadObjectId) =>
        $"assignment|{programId}|{actionId}|{ownerAadObjectId}";

    // A person's "you said, we did" card about one action: once per person per action, however often it is done.
    public static string YouSaid(string programId, string actionId, string aadObjectId) =>
        $"yousaid|{programId}|{actionId}|{aadObjectId}";

    // An owner's deletion, at the time its day of grace ends.
    public static string ProgramDeletion(string programId, DateTimeOffset dueAt) =>
        $"delete|{programId}|{dueAt.UtcTicks}";
}

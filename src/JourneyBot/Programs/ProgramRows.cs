using JourneyBot.Storage;

namespace JourneyBot.Programs;

// Rows of the Programs table, every key in one place. One partition per program (PartitionKey = program id),
// so a whole map is one partition query; planned follow-ups sit in a partition of their own beside it, so loading
// a program never reads them.
public static class ProgramKeys
{
    public const string Program = "program";
    public const string TouchpointPrefix = "tp|";
    public const string ActionPrefix = "action|";
    public const string ReviewPrefix = "review|";
    public const string ReadingPrefix = "reading|";
    // Outside the review| range, so loading a program's reviews never reads it.
    public const string ReviewStarted = "reviewstarted";
    public const string ProgressPrefix = "progress|";
    // A progress card's own row; the other progress rows ("progress|yyyyMMdd|sponsor|n") are the older per-sponsor records.
    public const string ProgressCardPrefix = "progress|card|";
    public const string InvitePrefix = "invite|";
    public const string UnreachablePrefix = "unreachable|";
    public const string PlannedPrefix = "followup|";
    public const string SnapshotHeadPrefix = "head|";
    public const string SnapshotChunkPrefix = "chunk|";

    public static string Touchpoint(string id) => TouchpointPrefix + id;
    public static string Action(string id) => ActionPrefix + id;
    public static string Review(string id) => ReviewPrefix + id;
    // One row per metric per day: a second figure for the same day replaces the first.
    public static string Reading(string metricId, DateOnly on) => $"{ReadingPrefix}{metricId}|{on:yyyyMMdd}";
    public static string Progress(DateOnly sentOn, string sponsorAadObjectId, int index) => $"{ProgressPrefix}{sentOn:yyyyMMdd}|{TableKey.Encode(sponsorAadObjectId)}|{index:D4}";
    public static string ProgressCard(string cardId) => ProgressCardPrefix + TableKey.Encode(cardId);
    public static string Invite(string aadObjectId) => InvitePrefix + TableKey.Encode(aadObjectId);
    public static string Unreachable(string aadObjectId) => UnreachablePrefix + TableKey.Encode(aadObjectId);
    public static string Planned(string key) => PlannedPrefix + TableKey.Encode(key);
    public static string PlannedPartition(string programId) => programId + "|planned";
    // Map snapshots too sit beside the program's partition: they are large, and only the map reads them.
    public static string SnapshotPartition(string programId) => programId + "|snapshots";
    public static string SnapshotHead(string snapshotId) => SnapshotHeadPrefix + snapshotId;
    public static string SnapshotChunk(string snapshotId, string writeId, int index) => $"{SnapshotChunkPrefix}{snapshotId}|{writeId}|{index:D3}";
    public static string SnapshotChunks(string snapshotId, string writeId) => $"{SnapshotChunkPrefix}{snapshotId}|{writeId}|";

    // The key range holding every row that starts with prefix ("tp|" up to, not including, "tp}").
    public static (string From, string To) Range(string prefix) => (prefix, prefix[..^1] + (char)(prefix[^1] + 1));
}

public sealed class ProgramRow : TableRow
{
    public string TenantId { get; set; } = "";
    public string CharterJson { get; set; } = "";
    public DateTime? CollectionOpenedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? LastEditedBy { get; set; }
}

// A touchpoint, an action, a review or a progress update: the part's JSON plus what queries filter on.
public sealed class PartRow : TableRow
{
    public string Json { get; set; } = "";
    public string? CreatedBy { get; set; }
    public string? LastEditedBy { get; set; }
}

// Which programs a person belongs to, and as what. PartitionKey = tenant + user; RowKey = program id.
public sealed class MembershipRow : TableRow
{
    public string ProgramName { get; set; } = "";
    public string Roles { get; set; } = "";
}

using JourneyBot.Storage;

namespace JourneyBot.Map;

// A map snapshot's header: written after all its chunks, so a snapshot without one is never read.
public sealed class MapSnapshotRow : TableRow
{
    public DateTime TakenOn { get; set; }
    public int Touchpoints { get; set; }
    public string WriteId { get; set; } = "";
    public int Chunks { get; set; }
    // SHA-256 of the snapshot's JSON: the same map saved again the same day writes nothing.
    public string Hash { get; set; } = "";
}

// One piece of a map snapshot's gzipped JSON (a binary property holds at most 64 KiB).
public sealed class MapSnapshotChunkRow : TableRow
{
    public byte[] Data { get; set; } = [];
}

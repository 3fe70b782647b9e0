using JourneyBot.Programs;

namespace JourneyBot.Tests.Infrastructure;

// Active touchpoints per stage x department, as the map counts them from the program's partition.
public sealed record TouchpointCounts(int Total, IReadOnlyDictionary<(string StageId, string DepartmentId), int> Cells);

public static class TouchpointCountsExtensions
{
    public static async Task<TouchpointCounts> LoadCountsAsync(this ProgramStore store, string tenantId, string programId, CancellationToken cancellationToken)
    {
        var program = await store.LoadAsync(tenantId, programId, cancellationToken) ?? throw new InvalidOperationException($"No program {programId}.");
        var active = program.Touchpoints.Where(t => !t.Retired).ToList();
        return new TouchpointCounts(active.Count, active.GroupBy(t => (t.StageId, t.DepartmentId)).ToDictionary(g => g.Key, g => g.Count()));
    }
}

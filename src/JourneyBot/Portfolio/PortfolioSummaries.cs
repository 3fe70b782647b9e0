using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Storage;

namespace JourneyBot.Portfolio;

// A program's portfolio row read from its summary (one range query over two rows: the charter, for roles and the
// day, and the summary), rebuilt from the whole partition when the summary cannot be trusted, and written back
// conditionally so that a write which marked it meanwhile wins. The viewer's roles are never stored: they come from the charter.
public sealed class PortfolioSummaries(StorageTables tables, ProgramStore programs, TimeProvider clock)
{
    // Bumped whenever PortfolioRow or what it is built from changes, so a deploy rebuilds every stored glance.
    internal const int Format = 1;
    private const int MaxJson = 30_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public async Task<PortfolioRow?> RowAsync(string tenantId, string programId, string aadObjectId, bool admin,
        CancellationToken cancellationToken)
    {
        if (!PlainId.IsValid(programId)) return null;
        // Loaded within the person's tenant: another tenant's program id names nothing here.
        if (await programs.LoadHeaderAndSummaryAsync(tenantId, programId, cancellationToken) is not { } found) return null;
        var (header, summary) = found;
        var roles = ProgramRoles.Of(header.Charter, aadObjectId);
        if (roles == ProgramRole.None && !admin) return null;
        var now = clock.GetUtcNow();
        var today = WorkingTime.Today(now, header.Charter);
        if (Trusted(summary, header, today, now) is { } kept) return kept with { Roles = roles };

        if (await programs.LoadWithHeaderAsync(tenantId, programId, cancellationToken) is not { } loaded) return null;
        today = WorkingTime.Today(now, loaded.Header.Charter);
        var row = PortfolioRow.Of(loaded.Program, ProgramRole.None, today);
        await KeepAsync(programId, summary, row, loaded.Header, today, now, cancellationToken);
        return row with { Roles = ProgramRoles.Of(loaded.Header.Charter, aadObjectId) };
    }

    private static PortfolioRow? Trusted(ProgramSummaryRow? summary, ProgramHeader header, DateOnly today, DateTimeOffset now)
    {
        if (summary is not { Stale: false, Json: { } json } || summary.Format != Format) return null;
        if (summary.ForDate != Day(today) || summary.CharterVersion != header.ETag.ToString()) return null;
        if (summary.BuiltAt is not { } built || now - built > ProgramSummaries.MaxAge || built > now) return null;
        try
        {
            return JsonSerializer.Deserialize<PortfolioRow>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Added when there was none; else replaced on the version read, so a mark made since the partition was read
    // keeps the summary stale. Losing either race only means the next reader rebuilds it.
    private async Task KeepAsync(string programId, ProgramSummaryRow? seen, PortfolioRow row, ProgramHeader header,
        DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(row, Json);
        if (json.Length > MaxJson) return;
        var fresh = new ProgramSummaryRow
        {
            PartitionKey = programId, RowKey = ProgramSummaries.RowKey, Stale = false, Json = json, ForDate = Day(today),
            CharterVersion = header.ETag.ToString(), Format = Format, BuiltAt = now,
        };
        try
        {
            if (seen is null) await tables.Programs.AddEntityAsync(fresh, cancellationToken);
            else await tables.Programs.UpdateEntityAsync(fresh, seen.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Readings;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Admin;

// `import-readings --tenant <id> --program <id> --file <readings.csv> [--apply] [--locale de-DE] [--by <aad id>]`:
// without --apply a preview (each row ready, or why not: errors, a repeated metric and day, a day that already has
// a figure); with it the ready rows are written. Exit 0 when every row was fine, 1 when some were not (the rest
// are written with --apply), 2 for bad arguments, an unreadable file or an unknown program.
public static class ReadingsImportCommand
{
    // Who imported rows are recorded by when --by does not name a person.
    public static readonly Person Importer = new("journeybot-import", "Imported from a CSV file");

    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options, TextWriter stdout, TimeProvider clock)
    {
        var (tenantId, programId, file) = (options["--tenant"], options["--program"], options["--file"]);
        if (!File.Exists(file)) throw new ProgramTransferException($"{file}: no such file.", 2);
        var by = options.TryGetValue("--by", out var aad) ? PlainId.IsValid(aad) ? new Person(aad, "Imported from a CSV file")
            : throw new ProgramTransferException("--by names a person by their Entra object id.", 2) : Importer;
        var decimalComma = NumberText.UsesDecimalComma(options.GetValueOrDefault("--locale"));
        await using var services = await ProgramTransfer.ServicesAsync(clock);
        var program = await ProgramTransfer.Storage(() =>
            services.GetRequiredService<ProgramStore>().LoadAsync(tenantId, programId, CancellationToken.None));
        if (program is null) throw new ProgramTransferException($"No program '{programId}' in tenant '{tenantId}'. Nothing was imported.", 2);

        var now = clock.GetUtcNow();
        var preview = ReadingImport.Preview(program, await File.ReadAllTextAsync(file), decimalComma, by,
            WorkingTime.Today(now, program.Charter), now);
        if (preview.FileError is { } error) throw new ProgramTransferException($"{file}: {error} Nothing was imported.", 2);
        var apply = options.ContainsKey("--apply");
        if (apply)
        {
            var import = services.GetRequiredService<ReadingImport>();
            preview = await ProgramTransfer.Storage(() => import.ApplyAsync(program.Id, preview, CancellationToken.None));
        }
        foreach (var row in preview.Rows)
        {
            await stdout.WriteLineAsync($"line {row.Line}: {State(row.State)}  {row.Metric} {row.Date} {row.Value}" +
                (row.Message is null ? "" : $"  ({row.Message})"));
        }
        var bad = preview.Count(ImportRowState.Error) + preview.Count(ImportRowState.Duplicate);
        await stdout.WriteLineAsync(apply
            ? $"Imported {preview.Count(ImportRowState.Added)} readings into '{program.Id}' ({program.Charter.Name}); " +
              $"{preview.Count(ImportRowState.AlreadyRecorded)} already recorded, {preview.Count(ImportRowState.Duplicate)} duplicates " +
              $"and {preview.Count(ImportRowState.Error)} rows with errors skipped."
            : $"Preview for '{program.Id}' ({program.Charter.Name}): {preview.Count(ImportRowState.Ready)} readings to import, " +
              $"{preview.Count(ImportRowState.AlreadyRecorded)} already recorded, {preview.Count(ImportRowState.Duplicate)} duplicates, " +
              $"{preview.Count(ImportRowState.Error)} rows with errors. Nothing was written: run again with --apply to import.");
        return bad > 0 ? 1 : 0;
    }

    private static string State(ImportRowState state) => state switch
    {
        ImportRowState.Ready => "ready    ",
        ImportRowState.Added => "imported ",
        ImportRowState.AlreadyRecorded => "unchanged",
        ImportRowState.Duplicate => "duplicate",
        _ => "error    ",
    };
}

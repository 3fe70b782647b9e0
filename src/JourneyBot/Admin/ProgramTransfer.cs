using Azure;
using JourneyBot.Domain;
using JourneyBot.FollowUps;
using JourneyBot.Programs;
using JourneyBot.Readings;
using JourneyBot.Scheduling;
using JourneyBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using JourneyBot.Outreach;

namespace JourneyBot.Admin;

public sealed class ProgramTransferException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

// Whole programs in and out of table storage, in the documented program file format.
public static class ProgramTransfer
{
    public static async Task<int> ExportAsync(IReadOnlyDictionary<string, string> options, TextWriter stdout, TimeProvider clock)
    {
        // Reads only: no table is created, so a backup job can run with the Storage Table Data Reader role.
        await using var services = await ServicesAsync(clock, createTables: false);
        var program = await Storage(() => NothingIfNoTable(() => services.GetRequiredService<ProgramStore>()
            .LoadAsync(options["--tenant"], options["--program"], CancellationToken.None), null));
        if (program is null) throw new ProgramTransferException($"No program '{options["--program"]}' in tenant '{options["--tenant"]}'.", 2);
        await stdout.WriteLineAsync(ProgramFile.Write(program));
        return 0;
    }

    public static async Task<int> ImportAsync(IReadOnlyDictionary<string, string> options, TextWriter stdout, TimeProvider clock)
    {
        var file = options[""];
        if (!File.Exists(file)) throw new ProgramTransferException($"{file}: no such file.", 2);
        // The tenant named on the command line owns the imported program, whatever tenant it came from.
        var program = ProgramFile.Read(await File.ReadAllTextAsync(file)) with { TenantId = options["--tenant"] };
        await using var services = await ServicesAsync(clock);
        try
        {
            await Storage(() => services.GetRequiredService<ProgramStore>().ImportAsync(program, CancellationToken.None));
            // A program already collecting is followed up from now on, like one opened in chat.
            if (program.CollectionOpenedOn is not null)
            {
                await Storage(() => services.GetRequiredService<FollowUpStarter>().StartAsync(program.TenantId, program.Id, CancellationToken.None));
            }
        }
        catch (ProgramExistsException e)
        {
            throw new ProgramTransferException($"{e.Message} Nothing was imported.", 2);
        }
        await stdout.WriteLineAsync($"Imported program '{program.Id}' ({program.Charter.Name}) into tenant '{program.TenantId}': " +
            $"{program.Touchpoints.Count} touchpoints, {program.Actions.Count} actions, {program.Reviews.Count} reviews.");
        return 0;
    }

    // `list --tenant <id>`: the tenant's programs, one a line (id, name, the day collection opened). Reads only.
    public static async Task<int> ListAsync(IReadOnlyDictionary<string, string> options, TextWriter stdout, TimeProvider clock)
    {
        var tenant = options["--tenant"];
        await using var services = await ServicesAsync(clock, createTables: false);
        var tables = services.GetRequiredService<StorageTables>();
        var lines = await Storage(() => NothingIfNoTable(async () =>
        {
            var found = new List<string>();
            await foreach (var row in tables.Programs.QueryAsync<ProgramRow>(r => r.RowKey == ProgramKeys.Program && r.TenantId == tenant))
            {
                var name = System.Text.Json.JsonSerializer.Deserialize<Charter>(row.CharterJson, ProgramFile.Options)?.Name ?? "";
                var opened = row.CollectionOpenedOn is { } on ? $"collecting since {on:yyyy-MM-dd}" : "not collecting yet";
                found.Add($"{row.PartitionKey}\t{name}\t{opened}");
            }
            return found;
        }, []));
        foreach (var line in lines.Order(StringComparer.Ordinal)) await stdout.WriteLineAsync(line);
        await stdout.WriteLineAsync($"{lines.Count} program(s) in tenant '{tenant}'.");
        return 0;
    }

    // The app's own registrations, without its web host: the stores are the ones the bot uses.
    internal static async Task<ServiceProvider> ServicesAsync(TimeProvider clock, bool createTables = true)
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(config).AddSingleton(clock).AddLogging()
            .AddStorage().AddPrograms().AddScheduling().AddFollowUps().AddReadings();
        // A command that only reads creates no table, not even one it finds missing.
        if (!createTables) collection.AddSingleton(sp => StorageConnection.CreateTables(config, recreateMissingTables: false));
        var services = collection.BuildServiceProvider();
        var tables = services.GetRequiredService<StorageTables>();
        if (createTables) foreach (var name in StorageTables.All) await Storage(() => tables.Service.CreateTableIfNotExistsAsync(name));
        return services;
    }

    // A command that only reads, on an account whose table does not exist (yet): nothing is there to read.
    private static async Task<T> NothingIfNoTable<T>(Func<Task<T>> call, T nothing)
    {
        try
        {
            return await call();
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == "TableNotFound")
        {
            return nothing;
        }
    }

    internal static async Task<T> Storage<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException)
        {
            throw new ProgramTransferException($"Table storage failed (ConnectionStrings__Storage): {e.GetBaseException().Message}", 1);
        }
    }

    internal static Task Storage(Func<Task> call) => Storage(async () => { await call(); return true; });
}

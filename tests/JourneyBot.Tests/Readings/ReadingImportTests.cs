using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Tests.Admin;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Tests.FollowUps.FollowUpWorld;

namespace JourneyBot.Tests.Readings;

// Readings from a CSV with `import-readings` as an administrator runs it (the deployable, real storage): a preview
// with each row's fate, then --apply writes the good rows only; and readings travel in a backup like any row.
public class ReadingImportTests(BotFixture fixture) : IClassFixture<BotFixture>, IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("journeybot-readings-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ACsvWithGoodBadAndDuplicateRowsIsPreviewedThenOnlyTheGoodRowsAreImported()
    {
        var program = Sample() with
        {
            Readings = [new MetricReading { MetricId = "m1", Value = 0.80m, On = new DateOnly(2026, 8, 1), RecordedBy = Owner },
                        new MetricReading { MetricId = "m1", Value = 0.83m, On = new DateOnly(2026, 10, 1), RecordedBy = Owner }],
        };
        await using var world = await StartAsync(fixture, program);
        var file = Path.Combine(_dir, "readings.csv");
        await File.WriteAllTextAsync(file, string.Join("\r\n",
            "metric,date,value,link",
            "m1,2026-09-01,0.81,https://contoso.example.com/dash",
            "Renewal rate,2026-11-01,\"0,84\",",
            "m1,2026-11-01,0.85,",
            "m1,2026-10-01,0.83,",
            "m1,2026-10-01,0.90,",
            "m9,2026-10-15,1,",
            "m1,2026-13-01,abc,javascript:alert(1)",
            "m1,2099-01-01,1,",
            "m1,2026-08-01,0.79,"));
        string[] args = ["import-readings", "--tenant", world.TenantId, "--program", world.Program.Id, "--file", file, "--locale", "de-DE"];

        var preview = await BackupLines.RunAsync(fixture.Azurite.ConnectionString, args);
        Assert.Equal(1, preview.ExitCode);
        Assert.Contains("line 2: ready", preview.Stdout);
        Assert.Contains("line 3: ready", preview.Stdout);
        Assert.Contains("line 4: duplicate  m1 2026-11-01 0.85  (same metric and day as line 3)", preview.Stdout);
        Assert.Contains("line 5: unchanged", preview.Stdout);
        Assert.Contains("line 6: duplicate  m1 2026-10-01 0.90  (same metric and day as line 5)", preview.Stdout);
        Assert.Contains("line 10: duplicate  m1 2026-08-01 0.79  (already recorded as 0.8% by Olivia Owner: not replaced)", preview.Stdout);
        Assert.Contains("line 7: error      m9 2026-10-15 1  (not a metric of this program)", preview.Stdout);
        Assert.Contains("the date is not yyyy-MM-dd; the value is not a number; the link is not an https link", preview.Stdout);
        Assert.Contains("line 9: error      m1 2099-01-01 1  (the date is in the future)", preview.Stdout);
        Assert.Contains("2 readings to import, 1 already recorded, 3 duplicates, 3 rows with errors. Nothing was written", preview.Stdout);
        Assert.Equal(2, (await world.LoadAsync())!.Readings.Count);

        var applied = await BackupLines.RunAsync(fixture.Azurite.ConnectionString, [.. args, "--apply"]);
        Assert.Equal(1, applied.ExitCode);
        Assert.Contains("Imported 2 readings", applied.Stdout);
        var readings = (await world.LoadAsync())!.ReadingsOf("m1").ToList();
        Assert.Equal([(new DateOnly(2026, 8, 1), 0.80m, ReadingSource.Typed), (new DateOnly(2026, 9, 1), 0.81m, ReadingSource.Imported), (new DateOnly(2026, 10, 1), 0.83m, ReadingSource.Typed),
            (new DateOnly(2026, 11, 1), 0.84m, ReadingSource.Imported)], readings.Select(r => (r.On, r.Value, r.Source)));
        Assert.Equal("https://contoso.example.com/dash", readings[1].Link);

        // Applied again: nothing new, nothing replaced.
        var again = await BackupLines.RunAsync(fixture.Azurite.ConnectionString, [.. args, "--apply"]);
        Assert.Contains("Imported 0 readings", again.Stdout);
        Assert.Equal(4, (await world.LoadAsync())!.Readings.Count);

        var missing = await BackupLines.RunAsync(fixture.Azurite.ConnectionString, "import-readings", "--tenant", world.TenantId, "--program", "nope", "--file", file);
        Assert.Equal(2, missing.ExitCode);
        var noHeader = Path.Combine(_dir, "bad.csv");
        await File.WriteAllTextAsync(noHeader, "m1,2026-10-01,1\n");
        Assert.Equal(2, (await BackupLines.RunAsync(fixture.Azurite.ConnectionString, "import-readings", "--tenant", world.TenantId, "--program", world.Program.Id, "--file", noHeader)).ExitCode);
    }

    [Fact]
    public async Task ReadingsTravelInABackupAndComeBackFromARestore()
    {
        var program = Sample() with
        {
            Readings = Enumerable.Range(0, 3).Select(i => new MetricReading
            {
                MetricId = "m1", Value = 0.8m + i / 100m, On = StartDay.AddDays(-30 * i), RecordedBy = Owner, Source = ReadingSource.Link,
                Link = "https://contoso.example.com/r" + i, RecordedAt = Start.AddDays(-30 * i),
            }).OrderBy(r => r.On).ToList(),
        };
        await using var world = await StartAsync(fixture, program);
        var backup = await BackupLines.ExportAsync(fixture.Azurite.ConnectionString, Directory.CreateDirectory(Path.Combine(_dir, "export")).FullName,
            "--tenant", world.TenantId);
        await using var restored = await AzuriteServer.StartAsync();

        var import = await BackupLines.RunAsync(restored.ConnectionString, "import", "--replace", backup);

        Assert.True(import.ExitCode == 0, import.Stderr);
        await world.MoveToAsync(restored.ConnectionString);
        var back = await world.Bot.Services.GetRequiredService<ProgramStore>().LoadAsync(world.TenantId, world.Program.Id, CancellationToken.None);
        Assert.Equal(program.Readings, back!.Readings);
    }
}

using System.Globalization;
using JourneyBot.Domain;

namespace JourneyBot.Readings;

public enum ImportRowState { Ready, Error, Duplicate, AlreadyRecorded, Added }

// One line of a readings CSV as read: what it said, the figure it makes, and why it will not be imported if so.
public sealed record ImportRow(int Line, string Metric, string Date, string Value, string Link, MetricReading? Reading,
    ImportRowState State, string? Message);

public sealed record ImportPreview(IReadOnlyList<ImportRow> Rows, string? FileError)
{
    public int Count(ImportRowState state) => Rows.Count(r => r.State == state);
}

// A CSV of readings (columns metric, date, value and optionally link; the metric by id or name), checked against
// the program and its stored figures before anything is written. Rows with errors, lines repeating a metric and day
// of an earlier line, and days that already have another figure are shown and skipped: an import never replaces a
// figure someone recorded (in chat a person is asked first; a file cannot be).
public sealed class ReadingImport(ReadingStore store)
{
    public const int MaxRows = 5000;
    public static readonly string[] Columns = ["metric", "date", "value", "link"];

    public static ImportPreview Preview(JourneyProgram program, string csv, bool decimalComma, Person by, DateOnly today, DateTimeOffset now)
    {
        var records = CsvRows.Read(csv.TrimStart('\uFEFF')).ToList();
        if (records.Count == 0) return new ImportPreview([], "The file is empty: the first line names the columns metric,date,value(,link).");
        var header = records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var at = Columns.ToDictionary(c => c, c => header.IndexOf(c));
        if (at["metric"] < 0 || at["date"] < 0 || at["value"] < 0)
        {
            return new ImportPreview([], "The first line must name the columns metric, date and value (and optionally link).");
        }
        if (records.Count - 1 > MaxRows) return new ImportPreview([], $"The file has {records.Count - 1:N0} rows; at most {MaxRows:N0} are imported at once.");

        var stored = program.Readings.ToDictionary(r => (r.MetricId, r.On));
        var seen = new Dictionary<(string, DateOnly), int>();
        var rows = new List<ImportRow>();
        foreach (var (line, fields) in records.Skip(1))
        {
            string Field(string column) => at[column] >= 0 && at[column] < fields.Count ? fields[at[column]].Trim() : "";
            var (metricText, dateText, valueText, link) = (Field("metric"), Field("date"), Field("value"), Field("link"));
            ImportRow Row(ImportRowState state, string? message, MetricReading? reading = null) =>
                new(line, Cut(metricText), Cut(dateText), Cut(valueText), Cut(link), reading, state, message);

            var metric = program.Charter.Metrics.FirstOrDefault(m => m.Id == metricText)
                ?? program.Charter.Metrics.FirstOrDefault(m => string.Equals(m.Name, metricText, StringComparison.OrdinalIgnoreCase));
            var problems = new List<string>();
            if (metric is null) problems.Add(metricText.Length == 0 ? "no metric" : "not a metric of this program");
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
            {
                problems.Add("the date is not yyyy-MM-dd");
            }
            else if (on > today) problems.Add("the date is in the future");
            if (!NumberText.TryRead(valueText, decimalComma, out var value, out _)) problems.Add(valueText.Length == 0 ? "no value" : "the value is not a number");
            if (link.Length > 0 && (link.Length > TextLimits.Link || !Uri.TryCreate(link, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add("the link is not an https link");
            }
            if (problems.Count > 0)
            {
                rows.Add(Row(ImportRowState.Error, string.Join("; ", problems)));
                continue;
            }
            var reading = new MetricReading
            {
                MetricId = metric!.Id, Value = value, On = on, RecordedBy = by, RecordedAt = now,
                Source = ReadingSource.Imported, Link = link.Length > 0 ? link : null,
            };
            if (seen.TryGetValue((metric.Id, on), out var first))
            {
                rows.Add(Row(ImportRowState.Duplicate, $"same metric and day as line {first}", reading));
                continue;
            }
            seen[(metric.Id, on)] = line;
            if (stored.TryGetValue((metric.Id, on), out var there))
            {
                rows.Add(there.Value == value
                    ? Row(ImportRowState.AlreadyRecorded, "already recorded with this value", reading)
                    : Row(ImportRowState.Duplicate, $"already recorded as {ImpactWords.Figure(there.Value, metric.Unit)} by " +
                        $"{there.RecordedBy.DisplayName}: not replaced", reading));
                continue;
            }
            rows.Add(Row(ImportRowState.Ready, null, reading));
        }
        return new ImportPreview(rows, rows.Count == 0 ? "The file has a header but no rows." : null);
    }

    // Writes the ready rows; one recorded meanwhile by someone else is left as theirs and marked.
    public async Task<ImportPreview> ApplyAsync(string programId, ImportPreview preview, CancellationToken cancellationToken)
    {
        var rows = new List<ImportRow>(preview.Rows.Count);
        foreach (var row in preview.Rows)
        {
            if (row.State != ImportRowState.Ready) { rows.Add(row); continue; }
            var existing = await store.AddAsync(programId, row.Reading!, cancellationToken);
            rows.Add(existing is null ? row with { State = ImportRowState.Added }
                : existing.Reading.Value == row.Reading!.Value ? row with { State = ImportRowState.AlreadyRecorded, Message = "already recorded with this value" }
                : row with { State = ImportRowState.Duplicate, Message = $"recorded meanwhile as {ImpactWords.Number(existing.Reading.Value)}: not replaced" });
        }
        return preview with { Rows = rows };
    }

    // What a row said is shown back: long cells are cut so a preview stays readable.
    private static string Cut(string text) => text.Length <= 200 ? text : text[..200] + "…";
}

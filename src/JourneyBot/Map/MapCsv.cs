using System.Globalization;
using CsvHelper;
using JourneyBot.Domain;
using JourneyBot.Touchpoints;

namespace JourneyBot.Map;

// CSV exports for spreadsheets. CsvHelper writes RFC 4180 (quoting, doubled quotes, CRLF) and neutralises formulas:
// a text field a spreadsheet would run (starting with = + - @, tab or CR) gets a leading apostrophe, while numbers
// such as an emotion of -2 stay numbers.
public static class MapCsv
{
    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static string Touchpoints(JourneyProgram program)
    {
        var charter = program.Charter;
        var stages = charter.Stages.ToDictionary(s => s.Id, s => s.Name);
        var departments = charter.Departments.ToDictionary(d => d.Id, d => d.Name);
        var personas = charter.Personas.ToDictionary(p => p.Id, p => p.Name);
        return Write(csv =>
        {
            Header(csv, "id", "stage_id", "stage", "department_id", "department", "channel", "customer_action", "persona_ids", "personas", "emotion",
                "pain_points", "evidence", "source_link", "verbatim", "delivered_by", "system_or_process", "employee_pain",
                "created_by", "created_by_id", "created_at", "last_verified_on", "retired");
            foreach (var t in program.Touchpoints)
            {
                Text(csv, t.Id, t.StageId, stages.GetValueOrDefault(t.StageId), t.DepartmentId, departments.GetValueOrDefault(t.DepartmentId),
                    TouchpointCards.ChannelName(t.Channel), t.CustomerAction, string.Join(";", t.PersonaIds),
                    string.Join("; ", t.PersonaIds.Select(p => personas.GetValueOrDefault(p, p))));
                if (t.Emotion is { } emotion) csv.WriteField(emotion, default); else csv.WriteField("");
                Text(csv, t.HasPainPoints() ? t.PainText() : null, TouchpointCardHtml.EvidenceName(t.Evidence), t.SourceLink, t.Verbatim, t.Backstage?.DeliveredBy,
                    t.Backstage?.SystemOrProcess, t.Backstage?.EmployeePain, t.CreatedBy.DisplayName, t.CreatedBy.AadObjectId);
                csv.WriteField(t.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
                csv.WriteField(t.LastVerifiedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(t.Retired ? "yes" : "no");
                csv.EndRecord();
            }
        });
    }

    public static string Actions(JourneyProgram program, DateOnly asOf)
    {
        var touchpoints = program.Touchpoints.ToDictionary(t => t.Id, t => t.CustomerAction);
        var metrics = program.Charter.Metrics.ToDictionary(m => m.Id, m => m.Name);
        return Write(csv =>
        {
            Header(csv, "id", "title", "touchpoint_id", "touchpoint", "owner", "owner_id", "due_on", "status", "overdue", "metric_id", "metric");
            foreach (var a in program.Actions)
            {
                Text(csv, a.Id, a.Title, a.TouchpointId, a.TouchpointId is null ? null : touchpoints.GetValueOrDefault(a.TouchpointId), a.Owner.DisplayName, a.Owner.AadObjectId);
                csv.WriteField(a.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(StageLanes.StatusName(a.Status));
                csv.WriteField(a.IsOverdue(asOf) ? "yes" : "no");
                Text(csv, a.MetricId, a.MetricId is null ? null : metrics.GetValueOrDefault(a.MetricId));
                csv.EndRecord();
            }
        });
    }

    private static void Header(CsvWriter csv, params string[] names)
    {
        foreach (var name in names) csv.WriteField(name);
        csv.EndRecord();
    }

    private static void Text(CsvWriter csv, params string?[] values)
    {
        foreach (var value in values) csv.WriteField(value ?? "");
    }

    private static string Write(Action<CsvWriter> body)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, false)) body(csv);
        return text.ToString();
    }
}

using System.Text;
using JourneyBot.Domain;
using JourneyBot.Readings;
using static JourneyBot.Map.Html;

namespace JourneyBot.Map;

// The owners' form for a CSV of figures under the trends, and what a check or an import of it did, row by row.
internal static class ReadingUploadHtml
{
    // Rows listed in full; a bigger file lists its problems first and says how many more there are.
    private const int MaxListed = 200;

    public static void Form(StringBuilder html, string basePath)
    {
        html.Append("<section id=\"import-readings\" class=\"no-print\" aria-labelledby=\"import-readings-h\" data-upload=\"")
            .Append(E(basePath + "/readings/")).Append("\"><h3 id=\"import-readings-h\">Import figures from a file</h3>")
            .Append("<p id=\"import-readings-hint\" class=\"meta\">A CSV file of up to 1 MB: a first line naming the columns ")
            .Append("<code>metric,date,value</code> (and optionally <code>link</code>), the metric by name or id, dates as ")
            .Append("2026-11-30, numbers as you type them. You see what each row would do before anything is saved; ")
            .Append("a day that already has a figure keeps it.</p>")
            .Append("<p><label for=\"readings-file\">CSV file</label> <input type=\"file\" id=\"readings-file\" ")
            .Append("accept=\".csv,text/csv\" aria-describedby=\"import-readings-hint\"> ")
            .Append("<button type=\"button\" data-readings=\"check\">Check the file</button></p>")
            .Append("<div id=\"readings-result\" aria-live=\"polite\"></div></section>");
    }

    public static string Result(ImportPreview preview, bool applied)
    {
        var html = new StringBuilder(2_048 + Math.Min(preview.Rows.Count, MaxListed) * 160);
        int Count(ImportRowState state) => preview.Count(state);
        var skipped = $"{Words.Count(Count(ImportRowState.AlreadyRecorded), "row")} already recorded, " +
            $"{Words.Count(Count(ImportRowState.Duplicate), "duplicate")} and {Words.Count(Count(ImportRowState.Error), "row")} with errors";
        html.Append("<div class=\"import-result\" role=\"status\" data-ready=\"").Append(Count(ImportRowState.Ready))
            .Append("\" data-added=\"").Append(Count(ImportRowState.Added)).Append("\"><p>");
        if (applied)
        {
            html.Append("<strong>Imported ").Append(E(Words.Count(Count(ImportRowState.Added), "figure"))).Append("</strong>; ")
                .Append(E(skipped)).Append(" skipped.");
        }
        else
        {
            html.Append("<strong>").Append(E(Words.Count(Count(ImportRowState.Ready), "figure"))).Append(" ready to import</strong>; ")
                .Append(E(skipped)).Append(". Nothing is saved until you import.");
        }
        html.Append("</p>");
        if (!applied && Count(ImportRowState.Ready) > 0)
        {
            html.Append("<p><button type=\"button\" data-readings=\"import\">Import ")
                .Append(E(Words.Count(Count(ImportRowState.Ready), "figure"))).Append("</button></p>");
        }
        // Problems first, so a long file shows what needs fixing.
        var listed = preview.Rows.OrderBy(r => r.State is ImportRowState.Error or ImportRowState.Duplicate ? 0 : 1)
            .ThenBy(r => r.Line).Take(MaxListed).OrderBy(r => r.Line).ToList();
        html.Append("<div class=\"scroll\"><table class=\"import-rows\"><caption>Each row of the file</caption><thead><tr>")
            .Append("<th scope=\"col\">Line</th><th scope=\"col\">Metric</th><th scope=\"col\">Date</th><th scope=\"col\">Value</th>")
            .Append("<th scope=\"col\">What happens</th></tr></thead><tbody>");
        foreach (var row in listed)
        {
            html.Append("<tr class=\"").Append(row.State.ToString().ToLowerInvariant()).Append("\"><td>").Append(row.Line)
                .Append("</td><td>").Append(E(row.Metric)).Append("</td><td>").Append(E(row.Date)).Append("</td><td>")
                .Append(E(row.Value)).Append("</td><td>").Append(E(What(row))).Append("</td></tr>");
        }
        html.Append("</tbody></table></div>");
        if (preview.Rows.Count > listed.Count)
        {
            html.Append("<p class=\"meta\">").Append(E(Words.Count(preview.Rows.Count - listed.Count, "more row"))).Append(" not listed.</p>");
        }
        return html.Append("</div>").ToString();
    }

    private static string What(ImportRow row) => row.State switch
    {
        ImportRowState.Ready => "will be imported",
        ImportRowState.Added => "imported",
        ImportRowState.AlreadyRecorded => "skipped: " + row.Message,
        ImportRowState.Duplicate => "skipped: " + row.Message,
        _ => "error: " + row.Message,
    };
}

using System.Text;

namespace JourneyBot.Readings;

// RFC 4180 records read from text: fields in double quotes may hold commas, line breaks and doubled quotes. Each
// record keeps the line it starts on, so an error names the line a spreadsheet shows.
public static class CsvRows
{
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (any || field.Length > 0) yield return (start, End(fields, field));
                    fields = [];
                    any = false;
                    start = ++line;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }
        if (any || field.Length > 0) yield return (start, End(fields, field));
    }

    private static List<string> End(List<string> fields, StringBuilder field)
    {
        fields.Add(field.ToString());
        field.Clear();
        return fields;
    }
}

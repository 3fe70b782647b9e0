using JourneyBot.Cards;
using JourneyBot.Domain;

namespace JourneyBot.Programs;

// Coverage: how many active touchpoints sit in each stage x department cell (and stage x persona), with the
// empty cells marked. Wide programs are paged by columns so a card stays small at 12 stages x 20 departments.
public static class MapCards
{
    public const string PageVerb = "map.page";
    public const int ColumnsPerPage = 5;
    private const string Empty = "—";

    public static AdaptiveCard Build(JourneyProgram program, int page = 0)
    {
        var charter = program.Charter;
        var active = program.ActiveTouchpoints().ToList();
        var pages = Math.Max(PageCount(charter.Departments.Count), PageCount(charter.Personas.Count));
        page = Math.Clamp(page, 0, pages - 1);

        var card = new AdaptiveCard { FallbackText = $"Coverage map of {charter.Name}" };
        card.Add(
            new TextBlock($"Coverage: {CardText.Literal(charter.Name)}") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock($"{active.Count} active touchpoint(s) from {active.Select(t => t.CreatedBy.AadObjectId).Distinct().Count()} people. {Empty} marks a cell nobody has covered yet.") { IsSubtle = true });

        // One pass over the touchpoints, whatever the number of cells.
        var byDepartment = new Dictionary<(string, string), int>();
        var byPersona = new Dictionary<(string, string), int>();
        foreach (var t in active)
        {
            byDepartment[(t.StageId, t.DepartmentId)] = byDepartment.GetValueOrDefault((t.StageId, t.DepartmentId)) + 1;
            foreach (var persona in t.PersonaIds) byPersona[(t.StageId, persona)] = byPersona.GetValueOrDefault((t.StageId, persona)) + 1;
        }
        var departments = charter.Departments.Skip(page * ColumnsPerPage).Take(ColumnsPerPage).ToList();
        if (departments.Count > 0)
        {
            card.Add(new TextBlock("By department") { Weight = TextWeight.Bolder, Separator = true });
            card.Add(Matrix(charter.Stages, departments.Select(d => d.Name).ToList(), (stage, i) => byDepartment.GetValueOrDefault((stage.Id, departments[i].Id))));
        }
        var personas = charter.Personas.Skip(page * ColumnsPerPage).Take(ColumnsPerPage).ToList();
        if (personas.Count > 0)
        {
            card.Add(new TextBlock("By persona") { Weight = TextWeight.Bolder, Separator = true });
            card.Add(Matrix(charter.Stages, personas.Select(p => p.Name).ToList(), (stage, i) => byPersona.GetValueOrDefault((stage.Id, personas[i].Id))));
        }

        if (pages > 1)
        {
            card.Add(new TextBlock($"Columns {page * ColumnsPerPage + 1}-{page * ColumnsPerPage + ColumnsPerPage} (page {page + 1} of {pages})") { IsSubtle = true, Size = TextSize.Small });
            if (page > 0) card.AddActions(PageAction("Previous columns", program.Id, page - 1));
            if (page < pages - 1) card.AddActions(PageAction("Next columns", program.Id, page + 1));
        }
        return card;
    }

    private static int PageCount(int columns) => Math.Max(1, (columns + ColumnsPerPage - 1) / ColumnsPerPage);

    private static CardExecuteAction PageAction(string title, string programId, int page) =>
        new(title, PageVerb) { Data = new Dictionary<string, string> { ["programId"] = programId, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) } };

    private static Table Matrix(IReadOnlyList<Stage> stages, IReadOnlyList<string> columns, Func<Stage, int, int> count)
    {
        var rows = new List<IReadOnlyList<string>> { new[] { "Stage" }.Concat(columns.Select(c => CardText.Literal(CardText.Shorten(c, 24)))).ToList() };
        foreach (var stage in stages)
        {
            rows.Add(new[] { CardText.Literal(CardText.Shorten(stage.Name, 30)) }
                .Concat(columns.Select((_, i) => count(stage, i) is var n && n > 0 ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : Empty)).ToList());
        }
        return new Table([3, .. columns.Select(_ => 2)], rows);
    }
}

using JourneyBot.Cards;
using JourneyBot.Domain;

namespace JourneyBot.Map;

// Coverage: how many active touchpoints sit in each stage x department cell (and stage x persona), with the
// empty cells marked. Wide programs are paged by columns so a card stays small at 12 stages x 20 departments.
public static class MapCards
{
    public const int ColumnsPerPage = 5;
    private const string Empty = "—";

    public static AdaptiveCard Build(JourneyProgram program, int page = 0, Uri? mapLink = null)
    {
        var charter = program.Charter;
        var active = program.ActiveTouchpoints().ToList();
        var pages = Math.Max(PageCount(charter.Departments.Count), PageCount(charter.Personas.Count));
        page = Math.Clamp(page, 0, pages - 1);

        var card = new AdaptiveCard { FallbackText = $"Coverage map of {charter.Name}" };
        card.Add(
            new TextBlock($"Coverage: {CardText.Literal(charter.Name)}") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock($"{Words.Count(active.Count, "active touchpoint")} from {Words.Count(People(active), "person", "people")}. {Empty} marks a cell nobody has covered yet.") { IsSubtle = true });

        // One pass over the touchpoints into index grids, whatever the number of cells.
        var stageIndex = Index(charter.Stages.Select(s => s.Id));
        var departmentIndex = Index(charter.Departments.Select(d => d.Id));
        var personaIndex = Index(charter.Personas.Select(p => p.Id));
        var byDepartment = new int[charter.Stages.Count, charter.Departments.Count];
        var byPersona = new int[charter.Stages.Count, charter.Personas.Count];
        foreach (var t in active)
        {
            if (!stageIndex.TryGetValue(t.StageId, out var row)) continue;
            if (departmentIndex.TryGetValue(t.DepartmentId, out var column)) byDepartment[row, column]++;
            foreach (var persona in t.PersonaIds)
            {
                if (personaIndex.TryGetValue(persona, out var p)) byPersona[row, p]++;
            }
        }
        var offset = page * ColumnsPerPage;
        var departments = charter.Departments.Skip(offset).Take(ColumnsPerPage).ToList();
        if (departments.Count > 0)
        {
            card.Add(new TextBlock("By department") { Weight = TextWeight.Bolder, Separator = true });
            card.Add(Matrix(charter.Stages, departments.Select(d => d.Name).ToList(), (row, i) => byDepartment[row, offset + i]));
        }
        var personas = charter.Personas.Skip(offset).Take(ColumnsPerPage).ToList();
        if (personas.Count > 0)
        {
            card.Add(new TextBlock("By persona") { Weight = TextWeight.Bolder, Separator = true });
            card.Add(Matrix(charter.Stages, personas.Select(p => p.Name).ToList(), (row, i) => byPersona[row, offset + i]));
        }

        if (mapLink is not null) card.AddActions(new CardOpenUrlAction("Open the map", mapLink));
        if (pages > 1)
        {
            card.Add(new TextBlock($"Columns {page * ColumnsPerPage + 1}-{page * ColumnsPerPage + ColumnsPerPage} (page {page + 1} of {pages})") { IsSubtle = true, Size = TextSize.Small });
            if (page > 0) card.AddActions(PageAction("Previous columns", program.Id, page - 1));
            if (page < pages - 1) card.AddActions(PageAction("Next columns", program.Id, page + 1));
        }
        return card;
    }

    private static int People(List<Touchpoint> active)
    {
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in active) people.Add(t.CreatedBy.AadObjectId);
        return people.Count;
    }

    private static int PageCount(int columns) => Math.Max(1, (columns + ColumnsPerPage - 1) / ColumnsPerPage);

    private static CardExecuteAction PageAction(string title, string programId, int page) =>
        new(title, CardVerbs.MapPage) { Data = new Dictionary<string, string> { [CardData.ProgramId] = programId, [CardData.Page] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) } };

    private static Dictionary<string, int> Index(IEnumerable<string> ids) =>
        ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);

    private static Table Matrix(IReadOnlyList<Stage> stages, IReadOnlyList<string> columns, Func<int, int, int> count)
    {
        var rows = new List<IReadOnlyList<string>> { new[] { "Stage" }.Concat(columns.Select(c => CardText.Literal(CardText.Shorten(c, 24)))).ToList() };
        for (var row = 0; row < stages.Count; row++)
        {
            var r = row;
            rows.Add(new[] { CardText.Literal(CardText.Shorten(stages[r].Name, 30)) }
                .Concat(columns.Select((_, i) => count(r, i) is var n && n > 0 ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : Empty)).ToList());
        }
        return new Table([3, .. columns.Select(_ => 2)], rows);
    }
}

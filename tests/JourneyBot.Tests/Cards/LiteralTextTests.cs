using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JourneyBot.Cards;
using JourneyBot.Charters;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Tests.Domain;
using JourneyBot.Touchpoints;

namespace JourneyBot.Tests.Cards;

// Teams renders a TextBlock's text and a fact's title and value as Markdown. Whatever people typed (names of
// programs, stages, departments, personas and people, touchpoint texts, action titles...) must show as typed:
// every field a person fills in gets Markdown and markup, every card kind is built from it, and no TextBlock or
// fact may let any of it format, link or mention. The app's own Markdown (**help**) still formats.
public sealed partial class LiteralTextTests
{
    public static TheoryData<string> HostileTexts =>
    [
        "[click](https://evil.example/x)",
        "![img](https://evil.example/i.png)",
        "**bold**",
        "_u_",
        "`code`",
        "~~strike~~",
        "<at>Everyone</at>",
        "| a | b |",
        "# heading",
        "> quote",
        "- item",
        "+ item",
        "1. item",
    ];

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void EveryCardShowsHostileTextAsTyped(string hostile)
    {
        // Twice, so it also starts a line of its own, where a list marker or heading would take effect.
        var typed = $"{hostile}\n{hostile}";

        var problems = Problems(Cards(() => typed), hostile).ToList();

        Assert.True(problems.Count == 0, $"{problems.Count} unescaped:\n{string.Join("\n", problems.Take(25))}");
    }

    [Fact]
    public void EveryCardShowsRandomHostileTextAsTyped()
    {
        const int seed = 20261101;
        var random = new Random(seed);
        for (var iteration = 0; iteration < 300; iteration++)
        {
            var problems = Problems(Cards(() => Hostile(random)), null).ToList();

            Assert.True(problems.Count == 0, $"seed {seed}, iteration {iteration}, {problems.Count} unescaped:\n{string.Join("\n", problems.Take(25))}");
        }
    }

    [Fact]
    public void TheAppsOwnMarkdownStillFormats()
    {
        var texts = Cards(() => "**bold**").SelectMany(c => Texts(c.Card, c.Name)).Select(t => t.Text).ToList();

        Assert.Contains("Type **add touchpoint**, **map** or **health**.", texts);
        Assert.Contains(texts, t => t.Contains("type **use** and the program's name", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("an owner types **open collection** again", StringComparison.Ordinal));
    }

    // The check itself: it finds the raw texts and passes them once escaped, so passing cards mean something.
    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void TheCheckFindsRawTextAndPassesEscapedText(string hostile)
    {
        Assert.NotNull(RawOccurrence(hostile, hostile));
        Assert.Null(RawOccurrence(CardText.Literal(hostile), hostile));
        Assert.Null(Unescaped(CardText.Literal(hostile)));
        // Bold lower-case words look like the app's own **help** to this check; the one above catches them.
        if (!AppBold().Matches(hostile).Any(m => IsAppWord(m.Groups[1].Value))) Assert.NotNull(Unescaped(hostile));
    }

    [Fact]
    public void TheCheckLeavesTheAppsOwnWordsAlone()
    {
        Assert.Null(Unescaped("Type **help** to see what I can do; 2-12 stages, -0.5 on average."));
        Assert.Null(Unescaped("-0.5"));
    }

    // Every card the catalog builds, from a program where people typed `text` everywhere, and the cards whose
    // messages quote what people typed back at them (the form errors the inputs write).
    private static IEnumerable<(string Name, JsonObject Card)> Cards(Func<string> text)
    {
        var program = Program(text);
        var header = new ProgramHeader(program.Id, program.TenantId, program.Charter, program.CollectionOpenedOn);
        return CardCatalog.All(program, _ => text()).Concat([
            ("charter-departments-twice", DepartmentsTwice(header, text())),
            ("touchpoint-form-not-your-department", NotYourDepartment(header, text())),
        ]);
    }

    private static JsonObject DepartmentsTwice(ProgramHeader header, string name)
    {
        var input = CharterInput.Read(JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["dept.d1.name"] = name, ["dept.d1.contacts"] = "contact-1", ["dept.d2.name"] = name, ["dept.d2.contacts"] = "contact-2",
        }));
        var known = ProgramRoles.Members(header.Charter).Concat(header.Charter.Departments.SelectMany(d => d.Contacts)).DistinctBy(p => p.AadObjectId).ToDictionary(p => p.AadObjectId);
        input.Apply(CharterSteps.Departments, header.Charter, TouchpointUse.None, known, "form0001");
        return CharterCards.Step(CharterSteps.Departments, header, header.Charter, "form0001", input.Values, input.Errors).ToJson();
    }

    private static JsonObject NotYourDepartment(ProgramHeader header, string customerAction)
    {
        var caller = header.Charter.Departments[0].Contacts[0];
        var input = TouchpointInput.Read(JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            [TouchpointFields.Stage] = "s1", [TouchpointFields.Department] = "d2", [TouchpointFields.Channel] = "web",
            [TouchpointFields.CustomerAction] = customerAction, [TouchpointFields.Personas] = "p1",
        }));
        input.Validate(header, caller, isOwner: false, "t99", new DateTimeOffset(SamplePrograms.AsOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        return TouchpointCards.Form(header, caller, isOwner: false, "form0002", input.Values, input.Errors).ToJson();
    }

    // Every text a person types into a program, from `text`. The program is far from healthy (a department
    // without contact or touchpoints, a persona nobody covers, overdue actions, a silent sponsor), so the
    // charter review and map health name people's things in their lists and next steps too.
    private static JourneyProgram Program(Func<string> text)
    {
        Person Someone(string id) => new(id, text());
        var asOf = SamplePrograms.AsOf;
        var charter = new Charter
        {
            Name = text(),
            Journey = new Journey(text(), text()),
            Objective = text(),
            DefinitionOfDone = text(),
            Budget = text(),
            Resources = text(),
            Metrics = [new Metric("m1", text(), MetricKind.Outcome, 1, 2, text()), new Metric("m2", text(), MetricKind.Output, 3, 4, text())],
            Owners = [Someone("owner-1"), Someone("owner-2")],
            Sponsors = [Someone("sponsor-1"), Someone("sponsor-2")],
            Departments = [new("d1", text(), [Someone("contact-1")]), new("d2", text(), [Someone("contact-2"), Someone("contact-3")]), new("d3", text(), [])],
            Personas = [new("p1", text(), text()), new("p2", text())],
            Stages = [new("s1", text()), new("s2", text()), new("s3", text())],
        };
        var touchpoints = Enumerable.Range(0, 8).Select(i => new Touchpoint
        {
            Id = $"t{i}",
            StageId = $"s{i % 2 + 1}",
            DepartmentId = $"d{i % 2 + 1}",
            Channel = TouchpointChannel.Phone,
            CustomerAction = text(),
            PersonaIds = ["p1"],
            Emotion = i % 5 - 2,
            PainPoints = i % 2 == 0 ? text() : null,
            Evidence = i % 3 == 0 ? Evidence.CustomerInterview : Evidence.Assumption,
            SourceLink = text(),
            Verbatim = text(),
            Backstage = new Backstage(text(), text(), text()),
            CreatedBy = Someone($"person-{i}"),
            CreatedAt = new DateTimeOffset(asOf.AddDays(-90).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            LastVerifiedOn = i % 2 == 0 ? asOf.AddDays(-2) : null,
        }).ToList();
        var actions = new[]
        {
            new ImprovementAction { Id = "a0", Title = text(), TouchpointId = "t0", Owner = Someone("contact-1"), DueOn = asOf.AddDays(-5), MetricId = "m1" },
            new ImprovementAction { Id = "a1", Title = text(), TouchpointId = "t2", Owner = Someone("owner-1"), DueOn = asOf.AddDays(5), Status = ActionStatus.InProgress },
            new ImprovementAction { Id = "a2", Title = text(), Owner = Someone("contact-2"), DueOn = asOf.AddDays(-9), Status = ActionStatus.Done },
        };
        return SamplePrograms.Program(charter, touchpoints, actions,
            [new Review("r1", asOf.AddDays(-70), Someone("owner-2"))],
            [new ProgressCard("cadence-1", asOf.AddDays(-3), ["sponsor-1", "sponsor-2"], [new Acknowledgement("sponsor-1", asOf.AddDays(-2))])],
            collectionOpenedOn: asOf.AddDays(-80));
    }

    private static readonly string[] Pieces =
    [
        "*", "**", "_", "__", "~", "~~", "`", "```", "\\", "[", "]", "(", ")", "<", ">", "#", "|", "!", "=",
        "[click](https://evil.example/x)", "![img](https://evil.example/i.png)", "<at>Everyone</at>", "[ref]: https://evil.example/r",
        "Ada", "Lovelace", "1", " ", "  ", "\t",
        "\n", "\r\n", "\r", "\n- ", "\r- ", "\r\n+ ", "\n* ", "\n1. ", "\r12. ", "\n# ", "\n> ", "\n   - ", "\n\t3. ",
    ];

    // A mix of Markdown and markup characters, links, mentions and list markers at line starts.
    private static string Hostile(Random random)
    {
        var text = new StringBuilder();
        if (random.Next(4) == 0) text.Append(random.Next(2) == 0 ? "- " : "1. ");
        for (var n = random.Next(1, 12); n > 0; n--) text.Append(Pieces[random.Next(Pieces.Length)]);
        return text.ToString();
    }

    private static IEnumerable<string> Problems(IEnumerable<(string Name, JsonObject Card)> cards, string? hostile)
    {
        foreach (var (name, card) in cards)
        {
            foreach (var (where, text) in Texts(card, name))
            {
                if (Unescaped(text) is { } problem) yield return $"{where}: {problem}";
                if (hostile is not null && RawOccurrence(text, hostile) is { } raw) yield return $"{where}: {raw}";
            }
        }
    }

    // The texts Teams formats as Markdown: each TextBlock's text (table cells included) and each fact's title and value.
    private static IEnumerable<(string Where, string Text)> Texts(JsonNode? node, string where)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array) foreach (var text in Texts(item, where)) yield return text;
        }
        if (node is not JsonObject element) yield break;
        var type = element["type"] is JsonValue value && value.TryGetValue<string>(out var name) ? name : null;
        if (type == "TextBlock") yield return ($"{where}/TextBlock", element["text"]!.GetValue<string>());
        if (type == "FactSet")
        {
            foreach (var fact in element["facts"]!.AsArray())
            {
                yield return ($"{where}/Fact title", fact!["title"]!.GetValue<string>());
                yield return ($"{where}/Fact value", fact["value"]!.GetValue<string>());
            }
        }
        foreach (var (key, child) in element)
        {
            foreach (var text in Texts(child, type is null ? where : $"{where}/{type}")) yield return text;
        }
    }

    private const string Markup = "`*_[]<>#~|";

    // Markdown or markup that would still take effect: a character CardText.Literal escapes that has no
    // backslash before it, or a line that starts like a list item. The app's bold commands are its own.
    private static string? Unescaped(string text)
    {
        var own = AppBold().Replace(text, m => IsAppWord(m.Groups[1].Value) ? m.Groups[1].Value : m.Value);
        if (LineStartingLikeAList().Match(own) is { Success: true } line) return $"a line starts like a list item at {line.Index}: {Around(own, line.Index)}";
        for (var i = 0; i < own.Length; i++)
        {
            if (own[i] == '\\') i++;
            else if (Markup.Contains(own[i])) return $"'{own[i]}' at {i}: {Around(own, i)}";
        }
        return null;
    }

    // Where the hostile text appears as typed and would take effect: a list marker where it starts a line, any
    // other markup where no backslash escapes its first character.
    private static string? RawOccurrence(string text, string hostile)
    {
        var listMarker = LineStartingLikeAList().IsMatch(hostile);
        for (var at = text.IndexOf(hostile, StringComparison.Ordinal); at >= 0; at = text.IndexOf(hostile, at + 1, StringComparison.Ordinal))
        {
            var lineStart = text.AsSpan(0, at).LastIndexOfAny('\r', '\n') + 1;
            var backslashes = at - 1 - text.AsSpan(0, at).LastIndexOfAnyExcept('\\');
            var raw = listMarker ? text.AsSpan(lineStart, at - lineStart).IsWhiteSpace() : backslashes % 2 == 0;
            if (raw) return $"\"{hostile}\" as typed at {at}: {Around(text, at)}";
        }
        return null;
    }

    private static string Around(string text, int at)
    {
        var start = Math.Max(0, at - 30);
        return JsonSerializer.Serialize(text.Substring(start, Math.Min(text.Length, at + 30) - start));
    }

    // The app's own bold: lower-case English words, or a command's word in one of the other languages.
    private static bool IsAppWord(string word) => AppEnglishWord().IsMatch(word) || CommandWordsInEveryLanguage.Contains(word);

    // Every word of every language's command-word file.
    private static readonly HashSet<string> CommandWordsInEveryLanguage = JourneyBot.Bot.Languages.Supported
        .SelectMany(l => new System.Resources.ResourceManager("JourneyBot.Resources.CommandWords", typeof(JourneyBot.Bot.CommandWords).Assembly)
            .GetResourceSet(l == "en" ? System.Globalization.CultureInfo.InvariantCulture : System.Globalization.CultureInfo.GetCultureInfo(l), true, false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Value!))
        .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\*\*([^*\r\n]+)\*\*")]
    private static partial Regex AppBold();

    [GeneratedRegex(@"^[a-z][a-z ]*$")]
    private static partial Regex AppEnglishWord();

    // Markdown lines end at \n, \r\n and \r alike.
    [GeneratedRegex(@"(?:^|[\r\n])[ \t]*(?:[-+]|\d+\.)(?=[ \t\r\n])")]
    private static partial Regex LineStartingLikeAList();
}

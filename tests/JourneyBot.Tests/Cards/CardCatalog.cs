using System.Text.Json.Nodes;
using JourneyBot.Actions;
using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Charters;
using JourneyBot.Conversations;
using JourneyBot.Deletion;
using JourneyBot.Domain;
using JourneyBot.FollowUps;
using JourneyBot.Help;
using JourneyBot.Programs;
using JourneyBot.Reviews;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Touchpoints;
using JourneyBot.Outreach;
using JourneyBot.Map;
using JourneyBot.Health;
using JourneyBot.Pictures;
using JourneyBot.Portfolio;
using JourneyBot.MessageActions;
using JourneyBot.Readings;

namespace JourneyBot.Tests.Cards;

// Every card the bot can send, built the way the bot builds it, at the sizes that stress it (a program with
// 2,000 touchpoints, 20 departments, 12 stages and 10 personas). A new card kind is added here, so the card
// checks and the gallery cover it.
public static class CardCatalog
{
    public static IReadOnlyList<(string Name, JsonObject Card)> All() => All(LargeProgram(), text => text);

    // The same cards for any program. Besides the program's own texts, the catalog types some itself, as people
    // would (form input, names in notices, the directory and membership lists): asTyped maps each of them to the
    // text to show instead, so a test can make everything people typed hostile.
    public static IReadOnlyList<(string Name, JsonObject Card)> All(JourneyProgram program, Func<string, string> asTyped)
    {
        var commands = new[]
        {
            new BotCommand("help", "Show this list of what I can do.", (_, _, _) => Task.CompletedTask),
            new BotCommand("map", "Show the map.", (_, _, _) => Task.CompletedTask) { Step = WorkflowStep.Look },
            new BotCommand("use", "Work on a program: use followed by its name.", (_, _, _) => Task.CompletedTask) { TakesArgument = true },
        };
        var noLink = new HelpLink(null);
        var link = new HelpLink(new Uri("https://contoso.example.com/journeybot/guide"));
        var header = new ProgramHeader(program.Id, program.TenantId, program.Charter, program.CollectionOpenedOn);
        var owner = program.Charter.Owners[0];
        var worst = asTyped(new string('*', TextLimits.LongText));
        var typed = new Dictionary<string, string>
        {
            ["stage"] = "s3", ["department"] = "d7", ["channel"] = "letter", ["customerAction"] = worst, ["personas"] = string.Join(",", program.Charter.Personas.Select(p => p.Id)),
            ["emotion"] = "7", ["painPoints"] = worst, ["verbatim"] = worst, ["deliveredBy"] = asTyped(new string('#', TextLimits.Name)), ["systemOrProcess"] = worst, ["employeePain"] = worst,
            ["sourceLink"] = "javascript:alert(1)",
        };
        var errors = typed.Keys.ToDictionary(k => k, _ => "This was 1,048,576 characters; the limit is 1,000. It was cut to fit: check the end before saving.");
        var savedTouchpoint = program.Touchpoints[0] with { CustomerAction = worst };
        // A message as "Add as touchpoint" reads it: the longest text the field holds, cut from a 1 MB one.
        var message = new MessageView(worst, 1024 * 1024, new Person("aad-author", asTyped(new string('A', TextLimits.PersonName))),
            asTyped(new string('A', TextLimits.PersonName)), "https://teams.microsoft.com/l/message/19:x@thread.v2/1?" + new string('q', 400));
        var memberships = Enumerable.Range(0, 25).Select(i => new MembershipRow { RowKey = $"p{i}", ProgramName = asTyped(new string('N', TextLimits.Name)), Roles = "Owner, Contributor, Sponsor" }).ToList();
        return
        [
            ("welcome", new WelcomeCards(noLink).Build().ToJson()),
            ("welcome-with-guide", new WelcomeCards(link).Build().ToJson()),
            ("welcome-de", new WelcomeCards(link).Build("de").ToJson()),
            ("welcome-fr", new WelcomeCards(link).Build("fr").ToJson()),
            ("welcome-es", new WelcomeCards(link).Build("es").ToJson()),
            ("welcome-ja", new WelcomeCards(link).Build("ja").ToJson()),
            ("help", new HelpCards(noLink).Build(commands, "en").ToJson()),
            ("help-with-guide", new HelpCards(link).Build(commands, "en").ToJson()),
            ("help-de", new HelpCards(link).Build(commands, "de", HelpCards.OutOfDate).ToJson()),
            ("help-fr", new HelpCards(link).Build(commands, "fr").ToJson()),
            ("help-es", new HelpCards(link).Build(commands, "es").ToJson()),
            ("help-ja", new HelpCards(link).Build(commands, "ja").ToJson()),
            ("unknown-action", NoticeCards.UnknownAction()),
            ("refusal", ProgramCards.Refusal("Only owners and department contributors add touchpoints to this program.").ToJson()),
            ("programs", ProgramCards.List(memberships, "p3").ToJson()),
            ("now-using", ProgramCards.NowUsing(program.Charter.Name).ToJson()),
            ("delete-ask", DeletionCards.Ask(program.Id, program.Charter.Name).ToJson()),
            ("delete-ask-mistyped", DeletionCards.Ask(program.Id, program.Charter.Name, asTyped("Custmer onboarding"),
                "That is not this program's name, so nothing was deleted. Type it as it is shown above.").ToJson()),
            ("delete-pending", DeletionCards.Pending(program.Id, program.Charter.Name,
                new DateTimeOffset(2026, 12, 4, 9, 30, 0, TimeSpan.Zero)).ToJson()),
            ("delete-undone", DeletionCards.Undone(program.Charter.Name).ToJson()),
            ("touchpoint-form", TouchpointCards.Form(header, owner, isOwner: true, Guid.NewGuid().ToString("N")).ToJson()),
            ("touchpoint-form-errors", TouchpointCards.Form(header, owner, isOwner: true, Guid.NewGuid().ToString("N"), typed, errors).ToJson()),
            ("touchpoint-saved", TouchpointCards.Saved(header, savedTouchpoint, owner, isOwner: true, Guid.NewGuid().ToString("N")).ToJson()),
            ("message-touchpoint-picker", MessageTouchpointCards.Picker(memberships, "p3", message).ToJson()),
            ("message-touchpoint-form", MessageTouchpointCards.Form(header, owner, isOwner: true, Guid.NewGuid().ToString("N"), message,
                new Dictionary<string, string> { ["messageText"] = message.Text, ["sourceLink"] = message.Link! }).ToJson()),
            ("message-touchpoint-form-errors", MessageTouchpointCards.Form(header, owner, isOwner: true, Guid.NewGuid().ToString("N"), message,
                new Dictionary<string, string>(typed) { ["messageText"] = worst, ["messageUse"] = "pain" },
                new Dictionary<string, string>(errors) { ["messageText"] = errors["customerAction"], ["messageUse"] = "Pick whether the message is the customer's own words or a pain point." },
                "This form was saved before with other values, so nothing was saved now.").ToJson()),
            ("message-touchpoint-saved", MessageTouchpointCards.Saved(header, savedTouchpoint with
            {
                Verbatim = worst, SourceAuthor = message.Author, SourceLink = message.Link,
            }, "words").ToJson()),
            ("message-touchpoint-saved-pain", MessageTouchpointCards.Saved(header, savedTouchpoint with { PainPoints = worst }, "pain").ToJson()),
            ("map", MapCards.Build(program, mapLink: MapLink(program.Id)).ToJson()),
            ("map-last-page", MapCards.Build(program, page: 3).ToJson()),
            ("health", HealthCards.Build(program, SamplePrograms.AsOf, MapLink(program.Id)).ToJson()),
            ("health-healthy", HealthCards.Build(ProgramFile.Read(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "JourneyBot.Tests", "Health", "HealthCorpus", "energy-move.json"))), SamplePrograms.AsOf).ToJson()),
            ("health-sponsor-silent", HealthCards.Build(ProgramFile.Read(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "JourneyBot.Tests", "Health", "HealthCorpus", "energy-move-sponsor-silent.json"))), SamplePrograms.AsOf).ToJson()),
            ("health-mixed", HealthCards.Build(ProgramFile.Read(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "JourneyBot.Tests", "Health", "HealthCorpus", "outpatient-mixed-one-size.json"))), SamplePrograms.AsOf).ToJson()),
            ("charter-new", CharterCards.Step(CharterSteps.Basics, null, new Charter { Name = "", Owners = [owner] }, Guid.NewGuid().ToString("N")).ToJson()),
            .. CharterSteps.Order.Select(step => ($"charter-{step}", CharterCards.Step(step, header, program.Charter, Guid.NewGuid().ToString("N")).ToJson())),
            ("charter-errors", CharterCards.Step(CharterSteps.Basics, header, program.Charter, Guid.NewGuid().ToString("N"),
                new Dictionary<string, string> { ["name"] = asTyped(new string('n', TextLimits.Name)) }, new Dictionary<string, string> { ["name"] = errors["customerAction"], ["journeyEnd"] = "Give both what starts the journey and how it ends." },
                FormNotices.ChangedMeanwhile(asTyped("Someone With A Long Name")), savedMeanwhile: program.Charter with { Name = asTyped("Renamed meanwhile") }).ToJson()),
            ("charter-review", CharterCards.Review(header, isOwner: true, "Saved.").ToJson()),
            ("charter-remove-stages", CharterCards.Step(CharterSteps.Shape, header, program.Charter, Guid.NewGuid().ToString("N"), null,
                program.Charter.Stages.ToDictionary(s => $"stage.{s.Id}", _ => "This stage has 180 touchpoints: say where they go before removing it, or keep it (renaming is fine)."), null,
                program.Charter.Stages.ToDictionary(s => $"stage.{s.Id}", s => new PendingChoice($"stage.{s.Id}.then",
                    program.Charter.Stages.Where(o => o.Id != s.Id).Select(o => ($"Move them to {o.Name}", o.Id)).Append(("Retire them", "retire")).ToList()))).ToJson()),
            ("charter-review-shared", CharterCards.Review(header, isOwner: false, refreshUserIds: Enumerable.Range(0, 80).Select(i => $"29:{Guid.NewGuid():N}{Guid.NewGuid():N}").ToList()).ToJson()),
            ("charter-review-incomplete", CharterCards.Review(header with { Charter = new Charter { Name = asTyped("Half a charter"), Owners = [owner] } }, isOwner: true).ToJson()),
            ("invitation", InvitationCards.Invitation(header, program.Charter.Departments[0]).ToJson()),
            ("collection-opened", InvitationCards.Progress(header, new InvitationProgress(17, 40, Enumerable.Range(0, 30).Select(i => new UnreachablePerson(SamplePrograms.PersonNo(i) with { DisplayName = asTyped(new string('N', TextLimits.PersonName)) },
                "JourneyBot is not installed for them and cannot install itself: automatic install is not set up.", DateTimeOffset.UnixEpoch.AddDays(i))).ToList()), ["29:owner"]).ToJson()),
            ("my-touchpoints", MyTouchpointsCards.List(header, program.Touchpoints.Take(40).Select(t => new StoredTouchpoint(t with { CustomerAction = worst }, new Azure.ETag("W/\"1\""), null)).ToList(), 2, "Saved.").ToJson()),
            ("touchpoint-edit", TouchpointCards.Form(header, owner, isOwner: true, Guid.NewGuid().ToString("N"), TouchpointCards.ValuesOf(savedTouchpoint), null,
                FormNotices.ChangedMeanwhile(asTyped("Someone")), new StoredTouchpoint(savedTouchpoint, new Azure.ETag("W/\"1\""), asTyped("Someone")),
                savedTouchpoint with { CustomerAction = asTyped(new string('#', TextLimits.LongText)), StageId = "s9", PainPoints = worst, Verbatim = worst }).ToJson()),
            ("touchpoint-delete-confirm", MyTouchpointsCards.ConfirmDelete(header, new StoredTouchpoint(savedTouchpoint, new Azure.ETag("W/\"1\""), null)).ToJson()),
            ("charter-departments-directory", CharterCards.Step(CharterSteps.Departments, header, program.Charter with { Departments = [] }, "dirform01",
                Enumerable.Range(0, 20).SelectMany(i => new[] { ($"dept.new{i}.name", asTyped(Long("Department "))), ($"dept.new{i}.contacts", string.Join(",", Enumerable.Range(0, 5).Select(j => $"aad-{i}-{j}"))) }).ToDictionary(),
                null, "Filled in 100 people whose directory profile names their department. Check them, then save.",
                directory: Enumerable.Range(0, 20).SelectMany(i => Enumerable.Range(0, 5).Select(j => new Person($"aad-{i}-{j}", asTyped(new string('P', 60))))).ToList()).ToJson()),
            ("charter-review-unreachable", CharterCards.Review(header, isOwner: true, unreachable: Enumerable.Range(0, 40).Select(i => new UnreachablePerson(new Person($"aad-{i}", asTyped(new string('N', 200))), worst, DateTimeOffset.UnixEpoch.AddDays(i))).ToList()).ToJson()),
            ("nudge", FollowUpCards.For([Entry(FollowUpKind.ReviewDue, program, owner, worst)]).ToJson()),
            ("digest", FollowUpCards.For(Enum.GetValues<FollowUpKind>().Where(k => k != FollowUpKind.Progress).SelectMany(k => new[] { Entry(k, program, owner, worst), Entry(k, program, owner, worst) }).ToList()).ToJson()),
            ("progress", ProgressCards.Build(program, MapHealth.TakeSnapshot(program, SamplePrograms.AsOf), MapHealth.TakeSnapshot(program with { Touchpoints = program.Touchpoints.Take(100).ToList() }, SamplePrograms.AsOf.AddDays(-30)),
                SamplePrograms.AsOf, SamplePrograms.AsOf.AddDays(-3), mapLink: MapLink(program.Id)).ToJson()),
            ("progress-acknowledged", ProgressCards.Build(program, MapHealth.TakeSnapshot(program, SamplePrograms.AsOf), null, SamplePrograms.AsOf, null, SamplePrograms.AsOf).ToJson()),
            ("progress-card", ProgressCards.Build(program, MapHealth.TakeSnapshot(program, SamplePrograms.AsOf), null, SamplePrograms.AsOf, null, cardId: "cadence-3").ToJson()),
            ("review-page", ReviewCards.Page(program with { Touchpoints = program.Touchpoints.Select(t => t with { CustomerAction = worst, PainPoints = worst }).ToList() }, ReviewScope.For(program.Charter, owner.AadObjectId, null)!, 3, owner.AadObjectId, SamplePrograms.AsOf,
                "Someone changed a touchpoint on this page meanwhile; look at it again and confirm it if it is right.",
                new StoredTouchpoint(program.Touchpoints[0] with { CustomerAction = worst, Retired = true, RetiredOn = SamplePrograms.AsOf }, new Azure.ETag("W/\"datetime'2026-11-29T10%3A00%3A00.0000000Z'\""), null)).ToJson()),
            ("review-completed", ReviewCards.Completed(program with { Touchpoints = program.Touchpoints.Select((t, i) => i % 3 == 0 ? t with { CustomerAction = worst, Retired = true, RetiredOn = SamplePrograms.AsOf } : t).ToList() },
                new Review("r1", SamplePrograms.AsOf, owner, MapHealth.TakeSnapshot(program, SamplePrograms.AsOf)) { Outcome = ReviewOutcome.Updated }, SamplePrograms.AsOf.AddDays(30), SamplePrograms.AsOf.AddDays(-30), MapLink(program.Id),
                new ReviewChanges(120, 45, 667)).ToJson()),
            ("review-completed-meeting", ReviewCards.Completed(program,
                new Review("r1", SamplePrograms.AsOf, owner, MapHealth.TakeSnapshot(program, SamplePrograms.AsOf))
                {
                    Outcome = ReviewOutcome.Updated,
                    Participants = Enumerable.Range(0, 80).Select(i => new Person($"aad-{i}", asTyped(new string('N', 200)))).ToList(),
                }, SamplePrograms.AsOf.AddDays(30), SamplePrograms.AsOf.AddDays(-30), MapLink(program.Id), new ReviewChanges(1, 2, 3),
                proposals: Enumerable.Range(0, 40).Select(i => (program.Touchpoints[i % program.Touchpoints.Count].Id, asTyped(new string('N', 200)), worst)).ToList()).ToJson()),
            ("review-completed-note", ReviewCards.Completed(program with { Reviews = ReviewHistory(owner, worst) },
                new Review("r1", SamplePrograms.AsOf, owner, MapHealth.TakeSnapshot(program, SamplePrograms.AsOf)) { Outcome = ReviewOutcome.Confirmed, Note = worst }, SamplePrograms.AsOf.AddDays(30), SamplePrograms.AsOf.AddDays(-30), MapLink(program.Id),
                null, worst, "The note was 1,048,576 characters; the limit is 1,000. It was cut to fit: check the end and save again.").ToJson()),
            ("review-cancel-errors", CancelCards.Form(program.Id, worst, "The reason was 1,048,576 characters; the limit is 1,000. It was cut to fit: check the end.").ToJson()),
            ("review-cancelled", CancelCards.Cancelled(program, new Review("r3", SamplePrograms.AsOf, owner) { Outcome = ReviewOutcome.Cancelled, Note = worst }).ToJson()),
            ("review-postpone-errors", PostponeCards.Form(program.Id, new Dictionary<string, string> { [PostponeCards.DateField] = "2026-13-45", [PostponeCards.ReasonField] = worst },
                new Dictionary<string, string> { [PostponeCards.DateField] = "Pick the new date for the review.", [PostponeCards.ReasonField] = "The reason was 1,048,576 characters; the limit is 1,000. It was cut to fit: check the end." }).ToJson()),
            ("review-postponed", PostponeCards.Postponed(program, new Review("r2", SamplePrograms.AsOf, owner) { Outcome = ReviewOutcome.Postponed, PostponedTo = SamplePrograms.AsOf.AddDays(9), Note = worst }).ToJson()),
            ("action-form", ActionCards.Form(program, Guid.NewGuid().ToString("N"), "t0").ToJson()),
            ("action-form-errors", ActionCards.Form(program, Guid.NewGuid().ToString("N"), "t0",
                new Dictionary<string, string> { ["title"] = asTyped(new string('t', TextLimits.Name)), ["owner"] = "a,b", ["dueOn"] = "2020-01-01", ["metricId"] = "m9" },
                new Dictionary<string, string> { ["title"] = errors["customerAction"], ["owner"] = "Pick one person: an action has one owner.", ["dueOn"] = "The due date is in the past; pick today or later." }).ToJson()),
            ("action-saved", ActionCards.Saved(program, program.Actions[0], owner with { AadObjectId = "someone-else" }).ToJson()),
            ("action-assigned", AssignmentCards.Assigned(program, program.Actions[0] with { AssignedBy = owner, TouchpointId = program.Touchpoints[0].Id }).ToJson()),
            ("action-handed-back", AssignmentCards.Assigned(program, program.Actions[0] with { AssignedBy = owner }, handedBack: true).ToJson()),
            ("action-accepted", AssignmentCards.Accepted(program, program.Actions[0]).ToJson()),
            ("action-handback-done", AssignmentCards.HandedBack(program.Actions[0], owner).ToJson()),
            ("actions", ActionCards.List(program, owner.AadObjectId, isOwner: true, SamplePrograms.AsOf, 2, "Someone changed that action meanwhile; here is how it stands now.").ToJson()),
            ("you-said-we-did", YouSaidCards.Build(program, program.Touchpoints[0] with { PainPoints = worst, CreatedBy = owner with { DisplayName = asTyped(new string('N', TextLimits.PersonName)) } },
                program.Actions[0] with { Title = asTyped(new string('t', TextLimits.Name)), Status = ActionStatus.Done, DoneOn = SamplePrograms.AsOf, MetricId = "m1", TouchpointId = program.Touchpoints[0].Id },
                new Person("someone-else", "Someone Else"), MapLink(program.Id)).ToJson()),
            ("progress-picture", ProgressCards.Build(program, MapHealth.TakeSnapshot(program, SamplePrograms.AsOf), null, SamplePrograms.AsOf, null, cardId: "cadence-3",
                picture: new PictureLink(new Uri("https://contoso.example.com/pictures/abc.1.sig.png"), ProgressPicture.From(program, MapHealth.TakeSnapshot(program, SamplePrograms.AsOf)).AltText())).ToJson()),
            ("portfolio", PortfolioCards.Build(PortfolioRows(asTyped), 0, admin: true, MapLink).ToJson()),
            ("portfolio-last-page", PortfolioCards.Build(PortfolioRows(asTyped), 3, admin: false, MapLink).ToJson()),
            ("portfolio-empty", PortfolioCards.Build([], 0, admin: false, MapLink).ToJson()),
            ("actions-impact", ActionCards.List(Judged(program), owner.AadObjectId, isOwner: true, SamplePrograms.AsOf, 0).ToJson()),
            ("progress-impact", ProgressCards.Build(Judged(program), MapHealth.TakeSnapshot(program, SamplePrograms.AsOf), null, SamplePrograms.AsOf, null).ToJson()),
            ("reading-ask", ReadingCards.Ask(Judged(program), program.Charter.Metrics[0], SamplePrograms.AsOf).ToJson()),
            ("reading-ask-errors", ReadingCards.Ask(program, program.Charter.Metrics[0], SamplePrograms.AsOf,
                new Dictionary<string, string> { [ReadingInput.Value] = asTyped(new string('9', 40)), [ReadingInput.On] = "2026-13-45", [ReadingInput.Link] = asTyped(new string('l', TextLimits.Link)) },
                new Dictionary<string, string> { [ReadingInput.Value] = "This must be a number, like 38, 38%, 1,200 or 3.5.", [ReadingInput.On] = "Pick a date (yyyy-MM-dd).",
                    [ReadingInput.Link] = "Give an https link to where the figure can be checked, or leave it empty." }, asTyped("Someone changed it")).ToJson()),
            ("reading-recorded", ReadingCards.Recorded(Judged(program), program.Charter.Metrics[0], Judged(program).Readings[^1], SamplePrograms.AsOf, replaced: true).ToJson()),
            ("reading-taken", ReadingCards.Taken(program, program.Charter.Metrics[0],
                new StoredReading(Judged(program).Readings[0] with { RecordedBy = new Person("someone", asTyped(new string('N', TextLimits.PersonName))), RecordedAt = DateTimeOffset.UnixEpoch },
                    new Azure.ETag("W/\"datetime'2026-11-29T10%3A00%3A00.0000000Z'\"")),
                Judged(program).Readings[1], new Dictionary<string, string> { [ReadingInput.Value] = asTyped("1,200.5"), [ReadingInput.Link] = "https://contoso.example.com/dash" }, changedAgain: true).ToJson()),
            ("reading-pick", ReadingCards.Pick(Judged(program), program.Charter.Metrics, asTyped("No metric you record has that name; pick one.")).ToJson()),
            ("reading-form", ReadingCards.Form(program.Id, program.Charter.Metrics[0].Id).ToJson()),
        ];

        // Thirty programs with the longest names, each failing many checks and with many metrics.
        static List<PortfolioRow> PortfolioRows(Func<string, string> asTyped) => Enumerable.Range(0, 30).Select(i => new PortfolioRow(
            $"p{i}", asTyped(new string('N', TextLimits.Name)), ProgramRole.Owner | ProgramRole.Sponsor,
            Enumerable.Range(0, 8).Select(c => asTyped($"Check {c} with a long title")).ToList(), ["Watch"], -1.2, asTyped(new string('S', TextLimits.Name)), -2,
            Enumerable.Range(0, 6).Select(m => new MetricStanding(asTyped(new string('M', TextLimits.Name)), asTyped("%%%"), 1, 2, 1.5m, SamplePrograms.AsOf, 1.4m)).ToList(),
            i, SamplePrograms.AsOf, true)).ToList();

        // The program with its metric read over a year and its actions done at different times, so every impact shows.
        static JourneyProgram Judged(JourneyProgram program)
        {
            var metric = program.Charter.Metrics[0];
            var readings = Enumerable.Range(0, 12).Select(i => new MetricReading
            {
                MetricId = metric.Id, Value = 0.8m + i * 0.01m, On = SamplePrograms.AsOf.AddDays(-30 * (11 - i)), RecordedBy = program.Charter.Owners[0],
                Source = i % 3 == 0 ? ReadingSource.Imported : ReadingSource.Typed,
            }).ToList();
            var actions = program.Actions.Select((a, i) => a with
            {
                MetricId = metric.Id, Status = ActionStatus.Done, StartedOn = SamplePrograms.AsOf.AddDays(-(i % 300) - 5), DoneOn = SamplePrograms.AsOf.AddDays(-(i % 300)),
            }).ToList();
            return program with { Readings = readings, Actions = actions };
        }

        // Every kind of decision on a review, each with the longest note.
        static List<Review> ReviewHistory(Person by, string note) =>
        [
            new("r0", SamplePrograms.AsOf.AddDays(-90), by) { Outcome = ReviewOutcome.Updated, Note = note },
            new("r2", SamplePrograms.AsOf.AddDays(-60), by) { Outcome = ReviewOutcome.Postponed, PostponedTo = SamplePrograms.AsOf.AddDays(-50), Note = note },
            new("r3", SamplePrograms.AsOf.AddDays(-30), by) { Outcome = ReviewOutcome.Cancelled, Note = note },
            new("r4", SamplePrograms.AsOf.AddDays(-20), by) { Outcome = ReviewOutcome.Held },
        ];

        static DigestEntry Entry(FollowUpKind kind, JourneyProgram program, Person to, string text) =>
            new($"{kind}|x", kind, program.Id, program.Charter.Name, text, to) { DepartmentId = "d1", ActionId = "a1", MetricId = "m1", DueOn = SamplePrograms.AsOf };
    }

    // The largest program the cards must handle, with the longest names the limits allow.
    private static string Long(string prefix) => (prefix + new string('x', TextLimits.Name)).Substring(0, TextLimits.Name);

    public static JourneyProgram LargeProgram()
    {
        var charter = SamplePrograms.CompleteCharter(stages: 12, departments: 20, personas: 10) with
        {
            Name = Long("Licence renewal "),
            Stages = Enumerable.Range(1, 12).Select(i => new Stage($"s{i}", Long($"Stage {i} "))).ToList(),
            Departments = Enumerable.Range(1, 20).Select(i => new Department($"d{i}", Long($"Department {i} "), [SamplePrograms.PersonNo(100 + i)])).ToList(),
            Personas = Enumerable.Range(1, 10).Select(i => new Persona($"p{i}", Long($"Persona {i} "))).ToList(),
        };
        var touchpoints = Enumerable.Range(0, 2000).Select(i => SamplePrograms.Touchpoint(i, $"s{i % 12 + 1}", $"d{i % 19 + 1}", SamplePrograms.PersonNo(i % 60)) with
        {
            PersonaIds = [$"p{i % 10 + 1}"],
            PainPoints = i % 3 == 0 ? "Hard to find the price" : null,
        });
        var actions = Enumerable.Range(0, 300).Select(i => new ImprovementAction { Id = $"a{i}", Title = Long($"Action {i} "), Owner = SamplePrograms.Owner, DueOn = SamplePrograms.AsOf.AddDays(i % 2 == 0 ? -5 : 5), TouchpointId = $"t{i * 3}" });
        return SamplePrograms.Program(charter, touchpoints, actions, collectionOpenedOn: SamplePrograms.AsOf.AddDays(-40));
    }

    // The Teams deep link cards carry to the map tab, as a deployed app builds it.
    private static Uri? MapLink(string programId) =>
        new JourneyBot.Programs.MapLinks(new Uri("https://journeybot.example.com"), "00000000-0000-0000-0000-000000000001").For(programId);
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using JourneyBot.Domain;
using JourneyBot.MessageActions;
using JourneyBot.Programs;
using JourneyBot.Tests.Cards;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.Programs;
using JourneyBot.Touchpoints;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.MessageActions;

// "Add as touchpoint" on a Teams message, through the real endpoint with signed tokens and Azurite: the invokes are
// the shapes Teams sends (composeExtension/fetchTask, then composeExtension/submitAction with the dialog's data).
public sealed class MessageActionTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private const string Fetch = "composeExtension/fetchTask";
    private const string Submit = "composeExtension/submitAction";
    private const string Command = MessageTouchpointHandler.CommandId;

    private ProgramStore Programs => fixture.Bot.Services.GetRequiredService<ProgramStore>();

    private async Task<(HttpStatusCode Status, JsonObject? Body)> SendAsync(JsonObject activity)
    {
        var response = await fixture.SendAsync(activity);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text)!.AsObject());
    }

    // The dialog's card, after checking the answer is one Teams shows in a dialog.
    private static JsonObject Dialog((HttpStatusCode Status, JsonObject? Body) answer)
    {
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var task = answer.Body!["task"]!;
        Assert.Equal("continue", task["type"]!.GetValue<string>());
        Assert.Equal("Add as touchpoint", task["value"]!["title"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.adaptive",
            task["value"]!["card"]!["contentType"]!.GetValue<string>());
        var card = task["value"]!["card"]!["content"]!.AsObject();
        Assert.True(Encoding.UTF8.GetByteCount(card.ToJsonString()) <= CardRules.MaxBytes,
            "the dialog's card is over 28 KB");
        return card;
    }

    private async Task<JsonObject> FetchAsync(Activities who, JsonObject? message) =>
        Dialog(await SendAsync(who.MessageAction(Fetch, Command, message)));

    private async Task<JsonObject> SubmitAsync(Activities who, JsonObject data, JsonObject? message) =>
        Dialog(await SendAsync(who.MessageAction(Submit, Command, message, data)));

    private static string? InputValue(JsonObject card, string id) =>
        CardJson.Inputs(card["body"]).FirstOrDefault(i => i["id"]!.GetValue<string>() == id)?["value"]
            ?.GetValue<string>();

    // The form as Teams submits it untouched, with the fields a person fills in.
    private static JsonObject Filled(JsonObject form, string customer = "Asks support why the renewal price went up")
    {
        var data = CardJson.SubmitData(form);
        data["customerAction"] = customer;
        data["channel"] = "chat";
        data["stage"] ??= "s2";
        data["personas"] ??= "p1";
        return data;
    }

    private async Task<IReadOnlyList<Touchpoint>> TouchpointsAsync(ProgramInChat p) =>
        (await Programs.LoadAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None))!.Touchpoints;

    [Fact]
    public async Task OnAMessageTheDialogIsTheFormOfTheirProgramWithTheMessageOfferedAndItsLinkAsTheSource()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var message = TeamsMessages.Payload("<p>The renewal letter says <b>£120</b>, the web page &pound;99.</p>");

        var form = await FetchAsync(p.Contacts[1], message);

        var text = CardJson.Text(form);
        Assert.Contains($"From {TeamsMessages.AuthorName}'s message", text);
        Assert.Equal("The renewal letter says £120, the web page £99.", InputValue(form, "messageText"));
        Assert.Equal("words", InputValue(form, "messageUse"));
        Assert.Equal(TeamsMessages.Link, InputValue(form, "sourceLink"));
        // A contact of one department has it picked; the dialog submits (no Universal Actions in dialogs).
        Assert.Equal("d2", InputValue(form, "department"));
        var save = form["actions"]![0]!;
        Assert.Equal("Action.Submit", save["type"]!.GetValue<string>());
        Assert.Equal("msgtouchpoint.save", save["data"]!["verb"]!.GetValue<string>());
        Assert.Equal(p.Program.Id, save["data"]!["programId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("words")]
    [InlineData("pain")]
    public async Task TheMessageIsSavedAsTheCustomersWordsOrAsAPainPointAsTheyChoose(string use)
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var authorId = Guid.NewGuid().ToString();
        var message = TeamsMessages.Payload("<p>I had to call three times to renew.</p>", authorId: authorId);
        var form = await FetchAsync(p.Contacts[0], message);
        var data = Filled(form);
        data["messageUse"] = use;
        data["painPoints"] = use == "pain" ? "Nobody calls back" : null;

        var saved = CardJson.Text(await SubmitAsync(p.Contacts[0], data, message));

        Assert.Contains("Touchpoint saved", saved);
        var t = Assert.Single(await TouchpointsAsync(p));
        if (use == "words")
        {
            Assert.Equal("I had to call three times to renew.", t.Verbatim);
            Assert.Null(t.PainPoints);
        }
        else
        {
            Assert.Null(t.Verbatim);
            Assert.Equal("Nobody calls back\nI had to call three times to renew.", t.PainPoints);
            Assert.Equal(2, t.PainPointList().Count);
        }
        Assert.Equal(TeamsMessages.Link, t.SourceLink);
        Assert.Equal(new Person(authorId, TeamsMessages.AuthorName), t.SourceAuthor);
        Assert.Equal(p.Program.Charter.Departments[0].Contacts[0].AadObjectId, t.CreatedBy.AadObjectId);
    }

    public static TheoryData<string, string, string, string> HostileBodies => new()
    {
        // body, content type, what the text must read, what must not survive
        { "<p>Hi <at id=\"0\">Ada Lovelace</at>, see <a href=\"https://evil.example/x\">this</a></p>" +
            "<script>alert(1)</script>",
            "html", "Hi Ada Lovelace, see this", "<at>" },
        { "<div>Price &lt;b&gt;up&lt;/b&gt; &amp; [click](https://evil.example) **now**</div><style>p{}</style>",
            "html", "Price <b>up</b> & [click](https://evil.example) **now**", "p{}" },
        { "line one<br>line\u0007 two<!-- hidden --><img alt=\"😀\" src=\"x\">", "html", "line one\nline two😀",
            "hidden" },
        { "half \ud800 pair and \udc00 more", "text", "half \ufffd pair and \ufffd more", "\\ud" },
        { "<p>‮reversed <at id=\"1\">[Bob](https://evil.example)</at></p>", "html",
            "reversed [Bob](https://evil.example)", "‮" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task HostileMessageBodiesArriveAsPlainTextAndAreShownLiterally(string body, string type, string reads,
        string gone)
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var message = TeamsMessages.Payload(body, type, authorName: "[Mallory](https://evil.example) <b>**x**</b>",
            mentions: [TeamsMessages.Mention(0, "Ada Lovelace")]);

        var form = await FetchAsync(p.Contacts[0], message);

        Assert.Equal(reads, InputValue(form, "messageText"));
        // Ordinal: a culture-aware search ignores bidirectional controls and matches them anywhere.
        Assert.False(CardJson.Text(form).Contains(gone, StringComparison.OrdinalIgnoreCase), $"'{gone}' survived");
        Assert.DoesNotContain("<script", CardJson.Text(form));
        // The author's name is text: its Markdown and markup are escaped where a TextBlock shows it.
        var from = CardJson.Text(form["body"]![2]!.AsObject());
        Assert.Contains(@"From \\[Mallory\\](https://evil.example) \\<b\\>\\*\\*x\\*\\*\\</b\\>'s message", from);

        var saved = await SubmitAsync(p.Contacts[0], Filled(form), message);

        Assert.Contains("Touchpoint saved", CardJson.Text(saved));
        Assert.Equal(reads, Assert.Single(await TouchpointsAsync(p)).Verbatim);
        var words = saved["body"]![1]!["facts"]!.AsArray()
            .Single(f => f!["title"]!.GetValue<string>() == "In their words")!;
        Assert.Equal(JourneyBot.Cards.CardText.Literal(reads), words["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task AHugeMessageIsCutAtAWordToTheFieldsLimitWithANote()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var huge = string.Concat(Enumerable.Range(0, 40_000).Select(i => $"<p>word{i} </p>"));
        var message = TeamsMessages.Payload(huge);

        var form = await FetchAsync(p.Contacts[0], message);

        var offered = InputValue(form, "messageText")!;
        Assert.True(offered.Length <= TextLimits.LongText, $"{offered.Length} characters offered");
        Assert.EndsWith("…", offered);
        Assert.Matches(@"word\d+…$", offered);
        Assert.Contains("so it was cut at the last whole word", CardJson.Text(form));
        var saved = CardJson.Text(await SubmitAsync(p.Contacts[0], Filled(form), message));
        Assert.Contains("Touchpoint saved", saved);
        Assert.Equal(offered, Assert.Single(await TouchpointsAsync(p)).Verbatim);
    }

    [Fact]
    public async Task AStrangerIsToldWhatToDoInTheDialogAndAForgedSubmitSavesNothing()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var stranger = new Activities(fixture.Channel.ServiceUrl, fixture.AppId) { TenantId = p.Program.TenantId };
        var message = TeamsMessages.Payload("<p>hello</p>");

        var fetched = CardJson.Text(await FetchAsync(stranger, message));
        var form = await FetchAsync(p.Contacts[0], message);
        var forged = CardJson.Text(await SubmitAsync(stranger, Filled(form), message));

        Assert.Contains("not part of any journey-mapping program", fetched);
        Assert.Contains("department", fetched);
        Assert.Contains("does not exist, or you are not part of it", forged);
        Assert.DoesNotContain(p.Program.Charter.Name, forged);
        Assert.Empty(await TouchpointsAsync(p));
    }

    [Fact]
    public async Task ASponsorIsToldTheyAreReadOnlyAndTheirSubmitSavesNothing()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var message = TeamsMessages.Payload("<p>hello</p>");

        var fetched = CardJson.Text(await FetchAsync(p.Sponsor, message));
        var form = await FetchAsync(p.Contacts[0], message);
        var submitted = CardJson.Text(await SubmitAsync(p.Sponsor, Filled(form), message));

        Assert.Contains("As a sponsor you follow this program's map", fetched);
        Assert.Contains("As a sponsor you follow this program's map", submitted);
        Assert.Empty(await TouchpointsAsync(p));
    }

    [Fact]
    public async Task AnotherTenantsProgramIdForgedIntoTheSubmitReadsLikeNoProgramAndSavesNothing()
    {
        var mine = await ProgramInChat.CreateAsync(fixture);
        var theirs = await ProgramInChat.CreateAsync(fixture);
        var message = TeamsMessages.Payload("<p>hello</p>");
        var form = await FetchAsync(mine.Contacts[0], message);
        var data = Filled(form);
        data["programId"] = theirs.Program.Id;
        // The same person id, in the other tenant: the tenant decides, not the id.
        var sameIdElsewhere = new Activities(fixture.Channel.ServiceUrl, fixture.AppId)
        {
            TenantId = mine.Program.TenantId, UserAadObjectId = theirs.Contacts[0].UserAadObjectId,
        };

        var forged = CardJson.Text(await SubmitAsync(mine.Contacts[0], data, message));
        var borrowed = CardJson.Text(await SubmitAsync(sameIdElsewhere, data, message));
        var notAnId = Filled(form);
        notAnId["programId"] = "../" + new string('x', 300);
        var junk = CardJson.Text(await SubmitAsync(mine.Contacts[0], notAnId, message));

        foreach (var answer in new[] { forged, borrowed, junk })
        {
            Assert.Contains("does not exist, or you are not part of it", answer);
            Assert.DoesNotContain(theirs.Program.Charter.Name, answer);
            Assert.DoesNotContain("xxxxxxxxxx", answer);
        }
        Assert.Empty(await TouchpointsAsync(theirs));
        Assert.Empty(await TouchpointsAsync(mine));
    }

    [Fact]
    public async Task ADoubleSubmitSavesOnceAndBothAnswersSaySaved()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var message = TeamsMessages.Payload("<p>It took two weeks.</p>");
        var data = Filled(await FetchAsync(p.Contacts[0], message));

        var answers = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => SubmitAsync(p.Contacts[0], (JsonObject)data.DeepClone(), message)));
        var again = await SubmitAsync(p.Contacts[0], (JsonObject)data.DeepClone(), message);

        Assert.All(answers.Append(again), a => Assert.Contains("Touchpoint saved", CardJson.Text(a)));
        Assert.Single(await TouchpointsAsync(p));
    }

    [Fact]
    public async Task TheSameFormSentAgainWithOtherTextKeepsTheSecondInputAndSavesNothingOverTheFirst()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var message = TeamsMessages.Payload("<p>It took two weeks.</p>");
        var data = Filled(await FetchAsync(p.Contacts[0], message), "The first text");
        await SubmitAsync(p.Contacts[0], (JsonObject)data.DeepClone(), message);
        data["customerAction"] = "A second text";

        var second = await SubmitAsync(p.Contacts[0], data, message);

        Assert.Contains("saved before with other values", CardJson.Text(second));
        Assert.Equal("A second text", InputValue(second, "customerAction"));
        Assert.Equal("The first text", Assert.Single(await TouchpointsAsync(p)).CustomerAction);
        Assert.NotEqual(data["formId"]!.GetValue<string>(),
            second["actions"]![0]!["data"]!["formId"]!.GetValue<string>());
    }

    [Fact]
    public async Task BadInputComesBackInTheDialogWithEverythingTypedKeptAndNothingSaved()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var message = TeamsMessages.Payload("<p>original</p>");
        var data = Filled(await FetchAsync(p.Contacts[0], message), customer: "");
        data["messageText"] = "edited by me";
        data["verbatim"] = new string('v', 995);
        data["department"] = "d3";

        var answer = await SubmitAsync(p.Contacts[0], data, message);

        var text = CardJson.Text(answer);
        Assert.Contains("Nothing was saved yet", text);
        Assert.Contains("This is required.", text);
        Assert.True(text.Contains("You can add touchpoints for your own department"), text);
        Assert.Contains("Together with what is typed under", text);
        Assert.Equal("edited by me", InputValue(answer, "messageText"));
        Assert.Equal(new string('v', 995), InputValue(answer, "verbatim"));
        Assert.Equal(data["formId"]!.GetValue<string>(), answer["actions"]![0]!["data"]!["formId"]!.GetValue<string>());
        Assert.Empty(await TouchpointsAsync(p));
    }

    [Fact]
    public async Task AddAnotherKeepsTheDialogOpenWithAFreshFormTheMessageAndWhatWasLastUsed()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var owner = p.Owner;
        var message = TeamsMessages.Payload("<p>Two things went wrong.</p>");
        var data = Filled(await FetchAsync(owner, message));
        data["stage"] = "s3";
        data["department"] = "d2";
        data["personas"] = "p2";
        data["messageUse"] = "pain";
        var saved = await SubmitAsync(owner, data, message);

        var another = await SubmitAsync(owner, CardJson.SubmitData(saved), message);
        var done = await SendAsync(owner.MessageAction(Submit, Command, message,
            saved["actions"]![1]!["data"]!.AsObject()));
        var next = await FetchAsync(owner, TeamsMessages.Payload("<p>Another message</p>"));

        Assert.Equal("msgtouchpoint.another", saved["actions"]![0]!["data"]!["verb"]!.GetValue<string>());
        Assert.NotEqual(data["formId"]!.GetValue<string>(),
            another["actions"]![0]!["data"]!["formId"]!.GetValue<string>());
        Assert.Equal("Two things went wrong.", InputValue(another, "messageText"));
        Assert.Null(InputValue(another, "customerAction"));
        foreach (var form in new[] { another, next })
        {
            Assert.Equal("s3", InputValue(form, "stage"));
            Assert.Equal("d2", InputValue(form, "department"));
            Assert.Equal("p2", InputValue(form, "personas"));
            Assert.Equal("pain", InputValue(form, "messageUse"));
        }
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal("message", done.Body!["task"]!["type"]!.GetValue<string>());
        Assert.Contains("Saved", done.Body!["task"]!["value"]!.GetValue<string>());
        Assert.Single(await TouchpointsAsync(p));
    }

    [Fact]
    public async Task SomeoneInTwoProgramsPicksOneFirstAndTheLastUsedIsPickedNextTime()
    {
        var first = await ProgramInChat.CreateAsync(fixture);
        var person = first.Contacts[0];
        var second = SamplePrograms.Program(first.Program.Charter with
        {
            Name = "Home move [draft]",
            Departments = [new Department("d1", "Movers", [new Person(person.UserAadObjectId, "Contact 1")])],
        }) with { Id = "p" + Guid.NewGuid().ToString("N"), TenantId = first.Program.TenantId };
        await Programs.ImportAsync(second, CancellationToken.None);
        var message = TeamsMessages.Payload("<p>Moving house is hard.</p>");

        var picker = await FetchAsync(person, message);
        var choices = CardJson.Inputs(picker["body"])
            .Single(i => i["id"]!.GetValue<string>() == "programId")["choices"]!.AsArray();
        var pick = CardJson.SubmitData(picker);
        pick["programId"] = second.Id;
        var form = await SubmitAsync(person, pick, message);
        await SubmitAsync(person, Filled(form), message);
        var again = await FetchAsync(person, message);

        Assert.Contains("Which program is this touchpoint for?", CardJson.Text(picker));
        Assert.Contains("Moving house is hard.", CardJson.Text(picker));
        Assert.Equal(new[] { first.Program.Charter.Name, "Home move [draft]" }.Order(),
            choices.Select(c => c!["title"]!.GetValue<string>()).Order());
        Assert.Contains("Add a touchpoint: Home move \\\\[draft\\\\]", form.ToJsonString());
        Assert.Equal("Moving house is hard.", InputValue(form, "messageText"));
        Assert.Equal(second.Id, InputValue(again, "programId"));
        Assert.Single((await Programs.LoadAsync(second.TenantId, second.Id, CancellationToken.None))!.Touchpoints);
        Assert.Empty(await TouchpointsAsync(first));
    }

    [Fact]
    public async Task FromTheComposeBoxThereIsNoMessageAndTheFormIsTheChatsForm()
    {
        var p = await ProgramInChat.CreateAsync(fixture);

        var form = Dialog(await SendAsync(
            p.Contacts[0].MessageAction(Fetch, Command, null, commandContext: "compose")));
        var saved = CardJson.Text(await SubmitAsync(p.Contacts[0], Filled(form), null));

        Assert.Null(InputValue(form, "messageText"));
        Assert.Contains("Touchpoint saved", saved);
        var t = Assert.Single(await TouchpointsAsync(p));
        Assert.Null(t.SourceAuthor);
        Assert.Null(t.Verbatim);
    }

    [Fact]
    public async Task UnknownCommandsAndInvokesAnswer501AndAMalformedOne400()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var who = p.Contacts[0];
        var message = TeamsMessages.Payload("<p>x</p>");
        var bogus = "bogus" + new string('Z', 80);

        var unknownFetch = await SendAsync(who.MessageAction(Fetch, bogus, message));
        var unknownSubmit = await SendAsync(who.MessageAction(Submit, bogus, message,
            new JsonObject { ["verb"] = "msgtouchpoint.save" }));
        var unknownName = await SendAsync(who.MessageAction("composeExtension/query", Command, message));
        var taskFetch = await SendAsync(who.MessageAction("task/fetch", Command, message));
        var noCommand = who.MessageAction(Fetch, Command, message);
        noCommand["value"]!.AsObject().Remove("commandId");
        var malformed = await SendAsync(noCommand);
        var unknownVerb = CardJson.Text(
            await SubmitAsync(who, new JsonObject { ["verb"] = "msgtouchpoint.nope" }, message));

        Assert.Equal(HttpStatusCode.NotImplemented, unknownFetch.Status);
        Assert.Equal(HttpStatusCode.NotImplemented, unknownSubmit.Status);
        Assert.DoesNotContain("ZZZZ", unknownFetch.Body!.ToJsonString());
        Assert.Equal(HttpStatusCode.NotImplemented, unknownName.Status);
        Assert.Equal(HttpStatusCode.NotImplemented, taskFetch.Status);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Contains("out of date", unknownVerb);
    }
}
